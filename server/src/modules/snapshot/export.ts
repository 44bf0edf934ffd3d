/**
 * Streaming export. The hash has to be in `meta` at the top of the file, before any record, so an
 * export reads the directory twice inside one read transaction: pass 1 feeds every record to the
 * hasher and counts it (keeping nothing), pass 2 writes the records to every writer. Both passes
 * see the same data, memory stays at one chunk of records, and no temporary copy is needed; the
 * price is reading the rows twice. Every writer of one export (JSON + NDJSON for a stored
 * snapshot) gets the same records from the same pass.
 */
import type { DataSource } from "typeorm";
import { ContentHasher } from "./canonical-hash";
import { countSql, RecordBuilder } from "./directory-records";
import { openSnapshotReader } from "./snapshot-reader";
import {
  CANONICAL_ORDER,
  FILE_ORDER,
  SNAPSHOT_FORMAT,
  SNAPSHOT_SCHEMA_VERSION,
  emptyCounts,
  type SnapshotCounts,
  type SnapshotMeta,
} from "./snapshot.format";
import type { SnapshotWriter } from "./writers";

export const DEFAULT_CHUNK_SIZE = 500;

export interface ExportProgress {
  phase: "checksum" | "write";
  /** Records done in this phase (hashed, or handed to the writers). */
  done: number;
  /** Records read from the database in this phase: never more than one chunk ahead of `done`. */
  read: number;
  total: number;
}

export interface ExportOptions {
  includeDrafts: boolean;
  writers: SnapshotWriter[];
  /** Rows fetched per statement / cursor FETCH, and so the most records held at once. */
  chunkSize?: number;
  now?: Date;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  meta: SnapshotMeta;
  /** What the export held at most, for tests and benchmarks: records in one chunk. */
  maxChunk: number;
  /** Rows read over both passes. */
  rowsRead: number;
}

export async function exportSnapshot(ds: DataSource, options: ExportOptions): Promise<ExportResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const createdAt = (options.now ?? new Date()).toISOString();
  const builder = new RecordBuilder(ds);
  const reader = await openSnapshotReader(ds);
  let maxChunk = 0;
  let rowsRead = 0;
  try {
    const totals = emptyCounts();
    for (const entity of FILE_ORDER) totals[entity] = Number((await reader.all(countSql(entity, options.includeDrafts)))[0].n);
    const total = FILE_ORDER.reduce((n, e) => n + totals[e], 0);

    // Pass 1: the canonical hash, in canonical entity order.
    const hasher = new ContentHasher();
    const counts: SnapshotCounts = emptyCounts();
    let done = 0;
    for (const entity of CANONICAL_ORDER) {
      for await (const chunk of builder.records(reader, entity, options.includeDrafts, chunkSize)) {
        maxChunk = Math.max(maxChunk, chunk.length);
        rowsRead += chunk.length;
        for (const record of chunk) hasher.add(entity, record);
        counts[entity] += chunk.length;
        done += chunk.length;
        options.onProgress?.({ phase: "checksum", done, read: done, total });
      }
    }
    for (const entity of FILE_ORDER) {
      // Inside one transaction this cannot happen; if it ever did, the file would lie.
      if (counts[entity] !== totals[entity]) throw new Error(`snapshot export: ${entity} changed during the export`);
    }
    const meta: SnapshotMeta = {
      format: SNAPSHOT_FORMAT,
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      createdAt,
      includeDrafts: options.includeDrafts,
      sha256: hasher.digest(),
      counts,
    };

    // Pass 2: the file(s), in file order.
    for (const w of options.writers) await w.begin(meta);
    done = 0;
    let read = 0;
    for (const entity of FILE_ORDER) {
      for (const w of options.writers) await w.startEntity(entity);
      let written = 0;
      for await (const chunk of builder.records(reader, entity, options.includeDrafts, chunkSize)) {
        maxChunk = Math.max(maxChunk, chunk.length);
        rowsRead += chunk.length;
        read += chunk.length;
        options.onProgress?.({ phase: "write", done, read, total });
        for (const record of chunk) {
          for (const w of options.writers) await w.record(entity, record);
          done++;
          written++;
          options.onProgress?.({ phase: "write", done, read, total });
        }
      }
      if (written !== counts[entity]) throw new Error(`snapshot export: ${entity} changed during the export`);
      for (const w of options.writers) await w.endEntity(entity);
    }
    for (const w of options.writers) await w.finish();
    return { meta, maxChunk, rowsRead };
  } catch (e) {
    for (const w of options.writers) await w.abort();
    throw e;
  } finally {
    await reader.close();
  }
}
