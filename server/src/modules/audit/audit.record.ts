import type { EntityManager } from "typeorm";
import { AuditAction, AuditEntry, type AuditChanges } from "./audit-entry.entity";

export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: number;
  entityVersion: number | null;
  actorId: number | null;
  changes: AuditChanges;
  note?: string | null;
}

/** Appends one entry, through the manager of the transaction that made the change. */
export async function appendAudit(m: EntityManager, record: AuditRecord): Promise<void> {
  await m.save(m.create(AuditEntry, { ...record, note: record.note ?? null, at: new Date() }), { reload: false });
}
