import type { EntityManager } from "typeorm";

/**
 * The contract between the public change feed (which records what anonymous readers can see changing)
 * and whatever reacts to those changes in the same transaction (the webhook outbox). Core names
 * neither: the feed module records changes and calls the listeners the composition root hands it.
 */

/** The kinds of record the public directory shows. */
export type DirectoryRecordType = "PROGRAM" | "INSTITUTION" | "PATHWAY" | "REQUIREMENT" | "SPECIALTY";

/**
 * CREATED: became visible to anonymous readers (created published, published, restored while published).
 * CHANGED: a visible record's public fields changed. REMOVED: no longer visible (unpublished or archived);
 * a tombstone carrying only the id and slug.
 */
export type DirectoryChangeKind = "CREATED" | "CHANGED" | "REMOVED";

/** One entry of the public change feed. */
export interface DirectoryChange {
  /** The feed position: strictly increasing, never reused; the cursor clients resume from. */
  sequence: number;
  kind: DirectoryChangeKind;
  recordType: DirectoryRecordType;
  recordId: number;
  slug: string | null;
  /**
   * For CHANGED, the public fields that changed, named as the record's GraphQL fields (`institution`,
   * `specialties`, not the columns); empty for CREATED and REMOVED (the whole record appeared or went).
   */
  changedFields: string[];
  occurredAt: Date;
}

/**
 * Called inside the transaction that wrote the change, right after its feed entry, so that what a
 * listener writes (an outbox row) commits or rolls back with the change itself.
 */
export type DirectoryChangeListener = (m: EntityManager, change: DirectoryChange) => Promise<void>;
