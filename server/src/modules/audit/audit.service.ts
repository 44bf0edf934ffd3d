import type { DataSource } from "typeorm";
import type { Page } from "../../core/connection";
import { BadUserInputError } from "../../core/errors";
import { paginate, type Ordering } from "../../core/pagination";
import type { AuditLogArgs } from "./audit.args";
import { AuditEntry } from "./audit-entry.entity";

/** Ids grow with time, so newest-first is id-descending: one key, and cursors never skip. */
const NEWEST_FIRST: Ordering = {
  name: "NEWEST",
  keys: [{ expr: "a.id", direction: "DESC" }],
};

/**
 * Entries about curator accounts carry their emails, roles and sign-ins: ADMIN reads them (as it
 * reads the accounts); other curators read the log without them.
 */
export const CURATOR_ENTITY_TYPE = "Curator";
/** Entries about webhook endpoints carry their URLs, which can hold a receiver's token: ADMIN only too. */
const ADMIN_ONLY_ENTITY_TYPES = [CURATOR_ENTITY_TYPE, "WebhookEndpoint"];

/** Reads the audit log (entries are written by core/versioned-write.ts, inside each write). */
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /** `includeCuratorEntries`: whether entries about curator accounts and webhook endpoints are listed (ADMIN only). */
  list(args: AuditLogArgs, includeCuratorEntries: boolean): Promise<Page<AuditEntry>> {
    const f = args.filter ?? {};
    if (f.since && f.until && f.since.getTime() >= f.until.getTime()) {
      throw BadUserInputError.field(["filter", "until"], "until must be after since");
    }
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder("a");
    if (!includeCuratorEntries)
      qb.andWhere("a.entityType NOT IN (:...adminOnly)", { adminOnly: ADMIN_ONLY_ENTITY_TYPES });
    if (f.entityType) qb.andWhere("a.entityType = :entityType", { entityType: f.entityType });
    if (f.entityId) qb.andWhere("a.entityId = :entityId", { entityId: Number(f.entityId) });
    if (f.actorId) qb.andWhere("a.actorId = :actorId", { actorId: Number(f.actorId) });
    if (f.action?.length) qb.andWhere("a.action IN (:...actions)", { actions: f.action });
    if (f.since) qb.andWhere("a.at >= :since", { since: f.since });
    if (f.until) qb.andWhere("a.at < :until", { until: f.until });
    return paginate(qb, NEWEST_FIRST, args);
  }
}
