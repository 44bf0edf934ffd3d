import { MoreThanOrEqual, type EntityManager } from "typeorm";
import type { AuditRecord, AuditTrail, AuditTrailEntry } from "../../core/audit-trail";
import { chunks, insertRows } from "../../core/bulk-insert";
import { AuditEntry } from "./audit-entry.entity";

export type { AuditRecord };

/** Appends one entry, through the manager of the transaction that made the change. */
export async function appendAudit(m: EntityManager, record: AuditRecord): Promise<void> {
  await m.save(m.create(AuditEntry, { ...record, note: record.note ?? null, at: new Date() }), { reload: false });
}

/** Entries per INSERT statement of a bulk append (8 parameters each). */
const BULK_BATCH = 100;

/** Appends many entries, a batch per statement, all stamped with the same time. */
export async function appendAuditMany(m: EntityManager, records: readonly AuditRecord[]): Promise<void> {
  const at = new Date();
  for (const batch of chunks(records, BULK_BATCH)) {
    await insertRows(
      m,
      AuditEntry,
      batch.map((r) => ({
        at,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        entityVersion: r.entityVersion,
        actorId: r.actorId,
        changes: r.changes,
        note: r.note ?? null,
      })),
    );
  }
}

function asTrailEntry(e: AuditEntry): AuditTrailEntry {
  return {
    id: Number(e.id),
    action: e.action,
    entityType: e.entityType,
    entityId: Number(e.entityId),
    changes: e.changes,
  };
}

/** The audit log as the versioned-write engine uses it (core/audit-trail.ts). */
export const auditTrail: AuditTrail = {
  append: appendAudit,
  appendMany: appendAuditMany,
  async entry(m, id) {
    const found = await m.findOne(AuditEntry, { where: { id } });
    return found ? asTrailEntry(found) : null;
  },
  async entriesFrom(m, entityType, entityId, fromEntryId) {
    const rows = await m.find(AuditEntry, {
      where: { entityType, entityId, id: MoreThanOrEqual(fromEntryId) },
      order: { id: "DESC" },
    });
    return rows.map(asTrailEntry);
  },
};
