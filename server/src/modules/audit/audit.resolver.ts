import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { hasRole } from "../../core/auth-checker";
import { Curator, CuratorRole } from "../curator/curator.entity";
import { AuditLogArgs } from "./audit.args";
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
}
