import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { hasRole } from "../../core/auth-checker";
import { Curator, CuratorRole } from "../curator/curator.entity";
import { AuditLogArgs } from "./audit.args";
import { recordKey } from "./audit.loaders";
import { AuditReference } from "./audit.names";
import { AuditEntry } from "./audit-entry.entity";

const AuditEntryConnection = Connection(AuditEntry, "AuditEntry");

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized()
  @Query(() => AuditEntryConnection, {
    description:
      "Every recorded write, newest first (curators: VIEWER and above; entries about curator accounts: ADMIN only)",
  })
  auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: Context): Promise<Page<AuditEntry>> {
    const curator = ctx.viewer.curator;
    return ctx.services.audit.list(args, curator !== null && hasRole(curator.role, CuratorRole.ADMIN));
  }

  @FieldResolver(() => Curator, {
    nullable: true,
    description: "Who made the change; null for the command line and start-up",
  })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: Context): Promise<Curator | null> | null {
    return entry.actorId === null ? null : ctx.loaders.curatorById.load(entry.actorId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The changed record's name now (\"Internal Medicine Residency — Mayo Clinic\", an institution's name); null when it no longer exists",
  })
  recordName(@Root() entry: AuditEntry, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.recordName.load(recordKey(entry.entityType, Number(entry.entityId)));
  }

  @FieldResolver(() => [AuditReference], {
    description:
      "Every record the changes name by id (an institution, a pathway, the verifying curator, specialties, requirements), with its name now",
  })
  references(@Root() entry: AuditEntry, @Ctx() ctx: Context): Promise<AuditReference[]> {
    const found = ctx.services.auditNames.referencesIn(entry.entityType, entry.changes ?? {});
    return Promise.all(
      found.map(async (r) => ({ ...r, name: await ctx.loaders.recordName.load(recordKey(r.entityType, r.id)) })),
    );
  }
}
