import type { EntityManager } from "typeorm";
import { AuditAction } from "./audit-trail";
import { BadUserInputError } from "./errors";
import type { Snapshot, VersionedRow, WriteModel } from "./versioned-write";

/**
 * The state a record had just before audit entry `entryId`: start from its current state and
 * undo, newest first, that entry and every later one (each field goes back to its `from`).
 * Every write records its changes, so the result is a state the record really had.
 */
export async function stateBeforeEntry<T extends VersionedRow>(
  m: EntityManager,
  model: WriteModel<T>,
  id: number,
  current: Snapshot,
  entryId: number,
): Promise<Snapshot> {
  const entry = await model.audit.entry(m, entryId);
  if (!entry || entry.entityType !== model.typeName || entry.entityId !== id) {
    throw BadUserInputError.field(
      ["toEntry"],
      `audit entry ${entryId} is not in the history of ${model.typeName} ${id}`,
    );
  }
  if (entry.action === AuditAction.CREATE) {
    throw BadUserInputError.field(
      ["toEntry"],
      `before entry ${entryId} the ${model.typeName} did not exist; to take it out of the directory, delete (archive) it instead`,
    );
  }
  const undo = await model.audit.entriesFrom(m, model.typeName, id, entryId);
  const target: Snapshot = { ...current };
  for (const later of undo) {
    for (const [field, change] of Object.entries(later.changes)) {
      if (field in target) target[field] = (change.from ?? null) as Snapshot[string];
    }
  }
  return target;
}
