/**
 * Records the public change feed from the audit trail: every audited write on a directory record
 * (a curator's edit, a snapshot import) passes here in its own transaction, and what anonymous
 * readers would see change becomes one feed entry, written in that transaction, after which each
 * DirectoryChangeListener (the webhook outbox) is called with the same manager.
 *
 * Sequences are allocated from one counter row (`directory_change_head`) by an upsert that, on
 * PostgreSQL, holds the row's lock until the transaction ends. Two writers therefore cannot
 * interleave: the second waits at its allocation until the first has committed (or rolled back),
 * so entries become visible in sequence order and a reader that has seen sequence N will never
 * later find a committed entry below N. On SQLite the single writer gives the same order.
 */
import type { EntityManager } from "typeorm";
import { AuditAction, type AuditRecord, type AuditTrail } from "../../core/audit-trail";
import { chunks, columnsOf, insertRows, placeholder } from "../../core/bulk-insert";
import type { DirectoryChange, DirectoryChangeListener } from "../../core/directory-changes";
import { DirectoryChangeEntry, DirectoryChangeHead } from "./directory-change.entity";
import { FEED_RULES, type FeedRule } from "./feed.rules";

/** A decided change before it has its place in the feed. */
export type PendingChange = Omit<DirectoryChange, "sequence" | "occurredAt">;

/** A record as it is after the write (null when the write removed the row). */
export interface RecordNow {
  key: string | null;
  visibility: unknown;
}

/** Entries per INSERT (7 parameters each) and per sequence allocation. */
const BATCH = 100;
const HEAD_ID = 1;

/**
 * What anonymous readers see of one audited write. Visibility before the write comes from the
 * recorded change of the visibility column, or, when the write did not touch it, from the record
 * now. A removal (a snapshot import replacing the directory) records every field it cleared, so a
 * visibility column it does not list was empty before it.
 */
export function decideChange(rule: FeedRule, record: AuditRecord, now: RecordNow | null): PendingChange | null {
  const visibilityChange = record.changes[rule.visibilityColumn];
  const wasVisible =
    record.action === AuditAction.CREATE
      ? false
      : visibilityChange
        ? rule.isVisible(visibilityChange.from)
        : rule.isVisible(now ? now.visibility : null);
  const isVisible = now !== null && rule.isVisible(now.visibility);
  const base = { recordType: rule.recordType, recordId: record.entityId };
  if (!wasVisible && !isVisible) return null; // drafts, archived records: never in the feed
  if (!wasVisible) return { ...base, kind: "CREATED", slug: now!.key, changedFields: [] };
  if (!isVisible) {
    // The slug readers knew it by, even when the same write changed it.
    const keyChange = record.changes[rule.keyColumn];
    const slug = keyChange ? (keyChange.from as string | null) : (now?.key ?? null);
    return { ...base, kind: "REMOVED", slug, changedFields: [] };
  }
  const changedFields = Object.keys(record.changes)
    .filter((field) => field !== rule.visibilityColumn)
    .map((field) => rule.publicNames[field] ?? field);
  if (!changedFields.length) return null;
  return { ...base, kind: "CHANGED", slug: now!.key, changedFields };
}

/** The key and visibility column of some records of one kind, read in the writing transaction. */
async function readNow(m: EntityManager, rule: FeedRule, ids: number[]): Promise<Map<number, RecordNow>> {
  const found = new Map<number, RecordNow>();
  const { metadata, columns } = columnsOf(m, rule.entity, ["id", rule.keyColumn, rule.visibilityColumn]);
  const [id, key, visibility] = columns.map((c) => `"${c.databaseName}"`);
  for (const batch of chunks([...new Set(ids)], BATCH)) {
    const rows: { id: number | string; key: string; visibility: unknown }[] = await m.query(
      `SELECT ${id} AS "id", ${key} AS "key", ${visibility} AS "visibility" FROM "${metadata.tableName}" ` +
        `WHERE ${id} IN (${batch.map((_, i) => placeholder(m, i + 1)).join(", ")})`,
      batch,
    );
    for (const row of rows) found.set(Number(row.id), { key: row.key, visibility: row.visibility });
  }
  return found;
}

/** Moves the head `count` places on and returns the first sequence allocated; locks the head until commit. */
async function allocate(m: EntityManager, count: number): Promise<number> {
  const { metadata, columns } = columnsOf(m, DirectoryChangeHead, ["id", "lastSequence"]);
  const [id, last] = columns.map((c) => `"${c.databaseName}"`);
  const table = `"${metadata.tableName}"`;
  // An upsert: the row appears with the first entry ever written, and a reset database starts over.
  const rows: { last: number | string }[] = await m.query(
    `INSERT INTO ${table} (${id}, ${last}) VALUES (${placeholder(m, 1)}, ${placeholder(m, 2)}) ` +
      `ON CONFLICT (${id}) DO UPDATE SET ${last} = ${table}.${last} + excluded.${last} RETURNING ${last} AS "last"`,
    [HEAD_ID, count],
  );
  return Number(rows[0].last) - count + 1;
}

export class ChangeFeed {
  constructor(private readonly listeners: readonly DirectoryChangeListener[] = []) {}

  /** Decides, writes and announces the feed entries of some audited writes, in their order. */
  async record(m: EntityManager, records: readonly AuditRecord[]): Promise<DirectoryChange[]> {
    const pending = await this.decide(m, records);
    const written: DirectoryChange[] = [];
    const occurredAt = new Date();
    for (const batch of chunks(pending, BATCH)) {
      const first = await allocate(m, batch.length);
      const changes = batch.map((c, i): DirectoryChange => ({ ...c, sequence: first + i, occurredAt }));
      await insertRows(m, DirectoryChangeEntry, changes as unknown as Record<string, unknown>[]);
      for (const change of changes) for (const listener of this.listeners) await listener(m, change);
      written.push(...changes);
    }
    return written;
  }

  private async decide(m: EntityManager, records: readonly AuditRecord[]): Promise<PendingChange[]> {
    const now = new Map<string, Map<number, RecordNow>>();
    for (const type of new Set(records.map((r) => r.entityType))) {
      const rule = FEED_RULES[type];
      if (!rule) continue;
      const ids = records.filter((r) => r.entityType === type).map((r) => r.entityId);
      now.set(type, await readNow(m, rule, ids));
    }
    const pending: PendingChange[] = [];
    for (const record of records) {
      const rule = FEED_RULES[record.entityType];
      if (!rule) continue;
      const change = decideChange(rule, record, now.get(record.entityType)!.get(record.entityId) ?? null);
      if (change) pending.push(change);
    }
    return pending;
  }
}

/** The audit trail, extended so that every entry it appends also records what the public feed shows. */
export function withChangeFeed(trail: AuditTrail, feed: ChangeFeed): AuditTrail {
  return {
    entry: (m, id) => trail.entry(m, id),
    entriesFrom: (m, entityType, entityId, fromEntryId) => trail.entriesFrom(m, entityType, entityId, fromEntryId),
    async append(m, record) {
      await trail.append(m, record);
      await feed.record(m, [record]);
    },
    async appendMany(m, records) {
      await trail.appendMany(m, records);
      await feed.record(m, records);
    },
  };
}
