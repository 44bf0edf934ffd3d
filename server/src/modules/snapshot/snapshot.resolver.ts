import { Args, Authorized, Ctx, Extensions, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Connection, ConnectionArgs, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { entityId } from "../../core/ids";
import { heavyWork } from "../../core/heavy-fields";
import { Curator, CuratorRole } from "../curator/curator.entity";
import { SnapshotDiffResult } from "./snapshot-diff.types";
import { CreateSnapshotArgs, SnapshotArgs, SnapshotDiffArgs } from "./snapshot.args";
import { Snapshot } from "./snapshot.entity";

export const SnapshotConnection = Connection(Snapshot, "Snapshot");

@Resolver(() => Snapshot)
export class SnapshotResolver {
  @Authorized()
  @Query(() => SnapshotConnection, { description: "Stored snapshots, newest first (curators)" })
  snapshots(@Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Page<Snapshot>> {
    return ctx.services.snapshots.list(args);
  }

  @Authorized()
  @Query(() => Snapshot, { nullable: true, description: "One stored snapshot (curators); null when there is none" })
  snapshot(@Args() args: SnapshotArgs, @Ctx() ctx: Context): Promise<Snapshot | null> {
    return ctx.services.snapshots.findById(entityId(args.id, ["id"]));
  }

  @Authorized()
  // Reads, parses and compares two whole stored snapshot files in memory.
  @Extensions(heavyWork({ cost: 2000 }))
  @Query(() => SnapshotDiffResult, {
    description: "What changed between two stored snapshots: added, removed and changed records per entity",
  })
  snapshotDiff(@Args() args: SnapshotDiffArgs, @Ctx() ctx: Context): Promise<SnapshotDiffResult> {
    return ctx.services.snapshots.diff(entityId(args.from, ["from"]), entityId(args.to, ["to"]));
  }

  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => Snapshot, {
    description: "Export the directory now and store it (published listings unless includeDrafts)",
  })
  createSnapshot(@Args() args: CreateSnapshotArgs, @Ctx() ctx: Context): Promise<Snapshot> {
    return ctx.services.snapshots.create(args.label, ctx.viewer.curator, args.includeDrafts ?? false);
  }

  @FieldResolver(() => Curator, { nullable: true, description: "Who made it; null once that account is gone" })
  createdBy(@Root() snapshot: Snapshot): Curator | null {
    return snapshot.createdBy ?? null;
  }

  @FieldResolver(() => String, { description: "Download path of the JSON file (anonymous unless includeDrafts)" })
  jsonUrl(@Root() snapshot: Snapshot): string {
    return `/snapshots/${snapshot.id}.json`;
  }

  @FieldResolver(() => String, { description: "Download path of the NDJSON file" })
  ndjsonUrl(@Root() snapshot: Snapshot): string {
    return `/snapshots/${snapshot.id}.ndjson`;
  }
}
