/**
 * Loads a snapshot file into the database, all in one transaction.
 *
 * - merge: upserts every record of the file by slug/code (records only in the database stay);
 *   a record's lists (specialties, requirement links) become the file's.
 * - replace: the same, then deletes every record the file does not hold, so the directory
 *   becomes exactly the file (records that were already there keep their database ids).
 *
 * Only records that differ are written (their `version` goes up as for any edit). Afterwards the
 * database is read back inside the transaction and compared with the file; any difference rolls
 * everything back. Then each record written gets its audit entry (and, through the audit trail, its
 * public change-feed entry), in the same transaction (import-history.ts). A dry run computes the
 * same plan and writes nothing.
 *
 * Memory stays flat whatever the file's size: the file streams in, is validated a record at a
 * time and spilled to a temporary SQLite file (spill.ts), the directory is read a chunk at a time
 * into the same store, and the plan and the writes read records back from it in batches. Only
 * the plan's keys (the result) grow with the number of differences. One heavy job per process.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { AuditTrail } from "../../core/audit-trail";
import { runHeavyJob } from "../../core/heavy-job";
import { inTransaction } from "../../core/transaction";
import { RecordEncoder } from "./canonical-hash";
import { diffSides, type SnapshotDiff } from "./diff";
import { RecordBuilder } from "./directory-records";
import { ImportHistory } from "./import-history";
import { SnapshotLoader } from "./import-loader";
import { openSnapshotReader, transactionReader, type SnapshotReader } from "./snapshot-reader";
import { FILE_ORDER, KEY } from "./snapshot.format";
import { FROM, SpillStore, TO } from "./spill";
import { intakeSnapshot, type ValidatedSnapshot } from "./validate";

export const IMPORT_MODES = ["merge", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportOptions {
  mode: ImportMode;
  dryRun?: boolean;
  /** Loads a file whose content no longer matches meta.sha256/meta.counts (hand-edited). */
  ignoreChecksum?: boolean;
  /** Where each record the import writes is recorded (the audit log and the public change feed). */
  audit: AuditTrail;
  onProgress?: (progress: { phase: "apply"; done: number; total: number }) => void;
}

export interface ImportResult {
  mode: ImportMode;
  dryRun: boolean;
  /** From the database before the import to after it; `removed` is always empty for merge. */
  diff: SnapshotDiff;
  /** Records in the database but not in the file, which merge keeps. */
  kept: number;
  /** The file as validated: its meta, and whether its checksum still matched. */
  snapshot: ValidatedSnapshot;
}

/** Directory rows read per statement or cursor FETCH. */
const READ_CHUNK = 500;

/** The plan: what the import changes, from the database's point of view. */
function plan(spill: SpillStore, mode: ImportMode): { diff: SnapshotDiff; kept: number } {
  const diff = diffSides(spill);
  let kept = 0;
  if (mode === "merge") {
    for (const e of diff.entities) {
      kept += e.removed.length;
      e.removed = [];
    }
    diff.identical = diff.entities.every((e) => !e.added.length && !e.changed.length);
  }
  return { diff, kept };
}

/** Every record of the directory, as the export makes it, on the FROM side of the store, with its id. */
async function spillDirectory(ds: DataSource, reader: SnapshotReader, spill: SpillStore): Promise<void> {
  const builder = new RecordBuilder(ds, reader, true);
  const encoder = new RecordEncoder();
  for (const entity of FILE_ORDER) {
    let index = 0;
    for await (const chunk of builder.records(entity, READ_CHUNK)) {
      for (let r = 0; r < chunk.length; r++) {
        const record = chunk.record(r);
        const key = String(record[KEY[entity]]);
        encoder.encode(entity, record, true);
        spill.add(FROM, entity, key, encoder.canonical, index++, null);
        spill.setId(entity, key, chunk.id(r));
      }
    }
  }
}

/** Reads the database back and refuses (rolling back) unless it now holds the file exactly. */
async function verify(ds: DataSource, reader: SnapshotReader, spill: SpillStore, mode: ImportMode): Promise<void> {
  const builder = new RecordBuilder(ds, reader, true);
  const encoder = new RecordEncoder();
  for (const entity of FILE_ORDER) {
    let stored = 0;
    let matching = 0;
    for await (const chunk of builder.records(entity, READ_CHUNK)) {
      for (let r = 0; r < chunk.length; r++) {
        const record = chunk.record(r);
        const key = String(record[KEY[entity]]);
        stored++;
        const expected = spill.get(TO, entity, key);
        if (!expected) continue;
        encoder.encode(entity, record, true);
        if (expected.json !== encoder.canonical) {
          throw new Error(
            `snapshot import: ${entity} "${key}" does not read back as the file has it; nothing was changed`,
          );
        }
        matching++;
      }
    }
    const inFile = spill.count(TO, entity);
    if (matching !== inFile)
      throw new Error(
        `snapshot import: ${inFile - matching} of the file's ${entity} are not in the database after the import; nothing was changed`,
      );
    if (mode === "replace" && stored !== inFile) {
      throw new Error(`snapshot import: ${entity} has records the file does not after replace; nothing was changed`);
    }
  }
}

/**
 * Validates the snapshot file (see SnapshotIntake) and imports it. Throws SnapshotError for a bad
 * file (nothing written), UnavailableError while another diff or import runs in this process.
 */
export function importSnapshotFile(ds: DataSource, file: string, options: ImportOptions): Promise<ImportResult> {
  return runHeavyJob("snapshot import", async () => {
    const spill = SpillStore.open();
    try {
      const snapshot = await intakeSnapshot(file, spill, TO, { ignoreChecksum: options.ignoreChecksum });
      if (options.dryRun) {
        // A consistent read-only view, without the write lock a transaction would take.
        const reader = await openSnapshotReader(ds);
        try {
          await spillDirectory(ds, reader, spill);
        } finally {
          await reader.close();
        }
        return { mode: options.mode, dryRun: true, ...plan(spill, options.mode), snapshot };
      }
      return await inTransaction(ds, async (m: EntityManager) => {
        await spillDirectory(ds, transactionReader(ds, m), spill);
        const planned = plan(spill, options.mode);
        const loader = new SnapshotLoader(m, spill, planned.diff, options.onProgress);
        await loader.run();
        await verify(ds, transactionReader(ds, m), spill, options.mode);
        // Last, once the data is known good: on PostgreSQL the change feed's entries lock its
        // counter until commit (modules/feed/change-feed.ts), and curators' saves wait for it.
        await new ImportHistory(m, spill, options.audit, {
          mode: options.mode,
          previousVerifiers: loader.previousVerifiers,
        }).record(planned.diff);
        return { mode: options.mode, dryRun: false, ...planned, snapshot };
      });
    } finally {
      spill.close();
    }
  });
}
