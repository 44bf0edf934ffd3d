import type { EntityManager } from "typeorm";

/** What a write did. DELETE archives (soft delete); RESTORE brings an archived record back. */
export enum AuditAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  DELETE = "DELETE",
  RESTORE = "RESTORE",
  PUBLISH = "PUBLISH",
  UNPUBLISH = "UNPUBLISH",
  VERIFY = "VERIFY",
  REVERT = "REVERT",
}

/** `{ field: { from, to } }`: the value of each changed field before and after the write. */
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/**
 * A field of an entry's changes that holds ids of other records: a column or a list of ids
 * (`institutionId`, `specialtyIds`), or a list of links whose `key` field is the id (`requirements`,
 * keyed by `requirementId`). `entityType` is those records' GraphQL type name.
 */
export interface AuditReferenceField {
  entityType: string;
  key?: string;
}

/** One write as the versioned-write engine reports it. */
export interface AuditRecord {
  action: AuditAction;
  entityType: string;
  entityId: number;
  entityVersion: number | null;
  actorId: number | null;
  changes: AuditChanges;
  note?: string | null;
}

/** One recorded write, as a revert reads it back. */
export interface AuditTrailEntry {
  id: number;
  action: AuditAction;
  entityType: string;
  entityId: number;
  changes: AuditChanges;
}

/**
 * Where versioned writes record what they did and where a revert reads it back. The audit module
 * implements it; the composition root hands it to every writer, so core names no module. The root
 * also extends it so that each entry decides what the public change feed records (modules/feed).
 */
export interface AuditTrail {
  /** Appends one entry, through the manager of the transaction that made the change. */
  append(m: EntityManager, record: AuditRecord): Promise<void>;
  /**
   * Appends many entries, in the order given, in few statements: what a bulk write (a snapshot
   * import) records, one entry per record it wrote.
   */
  appendMany(m: EntityManager, records: readonly AuditRecord[]): Promise<void>;
  entry(m: EntityManager, id: number): Promise<AuditTrailEntry | null>;
  /** A record's entries from `fromEntryId` on, newest first. */
  entriesFrom(m: EntityManager, entityType: string, entityId: number, fromEntryId: number): Promise<AuditTrailEntry[]>;
}
