/**
 * Streaming export, inside one read transaction (snapshot-reader.ts), memory at one chunk of
 * records whatever the directory's size.
 *
 * The hash has to be in `meta` at the top of the file, before any record. Its length is known
 * (64 hex digits) and so are the counts (COUNT queries in the same transaction), so when every
 * writer writes a file it can go back into (`fillsInHash`), the export writes `meta` with a
 * placeholder hash, reads the directory once, hashing each record while writing it, and the
 * writers write the hash over the placeholder at the end: same bytes, one read. The hash visits
 * entities in canonical order (institutions, pathways, programs, requirements, specialties) and
 * the file in file order (pathways last), so the pathways, a small catalogue, are read twice:
 * once for the hash in their canonical place, once for the file.
 *
 * A writer on a stream (standard output) cannot go back: then the export reads everything twice
 * (pass 1 hashes and counts, keeping nothing; pass 2 writes). Every writer of one export (JSON +
 * NDJSON for a stored snapshot) gets the same records from the same pass.
 *
 * Each value of a record is serialised once, for both the file's text (file order) and the
 * hash's (sorted keys): RecordEncoder.
 */
import type { DataSource } from "typeorm";
import { ContentHasher, RecordEncoder } from "./canonical-hash";
import { countSql, RecordBuilder } from "./directory-records";
import { openSnapshotReader } from "./snapshot-reader";
import {
  CANONICAL_ORDER,
  FILE_ORDER,
  KEY,
  SNAPSHOT_FORMAT,
  SNAPSHOT_SCHEMA_VERSION,
  emptyCounts,
  type EntityName,
  type SnapshotMeta,
} from "./snapshot.format";
import { SHA256_PENDING, type SnapshotWriter } from "./writers";

export const DEFAULT_CHUNK_SIZE = 500;

export interface ExportProgress {
  /** "checksum" only in a two-pass export (a stream writer); a single pass is all "write". */
  phase: "checksum" | "write";
  /** Records done in this phase (hashed, or handed to the writers). Reported as each chunk is read and when it is done. */
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
  /** Rows read over all passes. */
  rowsRead: number;
  /** Whether the directory was read once (every writer filled in the hash) or twice. */
  singlePass: boolean;
}

export async function exportSnapshot(ds: DataSource, options: ExportOptions): Promise<ExportResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const createdAt = (options.now ?? new Date()).toISOString();
  const { writers, onProgress } = options;
  const reader = await openSnapshotReader(ds);
  const builder = new RecordBuilder(ds, reader, options.includeDrafts);
  const singlePass = writers.every((w) => w.fillsInHash);
  let maxChunk = 0;
  let rowsRead = 0;
  try {
    const counts = emptyCounts();
    for (const entity of FILE_ORDER)
      counts[entity] = Number((await reader.all(countSql(entity, options.includeDrafts)))[0][0]);
    const total = FILE_ORDER.reduce((n, e) => n + counts[e], 0);
    const hasher = new ContentHasher();
    const encoder = new RecordEncoder();
    const changed = (entity: EntityName) => new Error(`snapshot export: ${entity} changed during the export`);

    /** Feeds one entity's records to the hasher only. */
    let hashed = 0;
    const hashOnly = async (entity: EntityName, progress: boolean) => {
      const key = KEY[entity];
      let n = 0;
      for await (const chunk of builder.records(entity, chunkSize)) {
        maxChunk = Math.max(maxChunk, chunk.length);
        rowsRead += chunk.length;
        for (let r = 0; r < chunk.length; r++) {
          const record = chunk.record(r);
          encoder.encode(entity, record, true);
          hasher.addCanonical(entity, String(record[key]), encoder.canonical);
        }
        n += chunk.length;
        hashed += chunk.length;
        if (progress) onProgress?.({ phase: "checksum", done: hashed, read: hashed, total });
      }
      // Inside one transaction this cannot happen; if it ever did, the file would lie.
      if (n !== counts[entity]) throw changed(entity);
    };

    if (!singlePass) for (const entity of CANONICAL_ORDER) await hashOnly(entity, true);
    const meta: SnapshotMeta = {
      format: SNAPSHOT_FORMAT,
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      createdAt,
      includeDrafts: options.includeDrafts,
      sha256: singlePass ? SHA256_PENDING : hasher.digest(),
      counts,
    };

    for (const w of writers) await w.begin(meta);
    let done = 0;
    let read = 0;
    /** In a single pass: the position in CANONICAL_ORDER of the next entity the hash needs. */
    let nextToHash = 0;
    for (const entity of FILE_ORDER) {
      let hashing = false;
      if (singlePass) {
        const at = CANONICAL_ORDER.indexOf(entity);
        // Entities the hash needs before this one but the file writes later: hashed here on their own.
        while (nextToHash < at) await hashOnly(CANONICAL_ORDER[nextToHash++], false);
        hashing = at === nextToHash;
        if (hashing) nextToHash++;
      }
      const key = KEY[entity];
      for (const w of writers) await w.startEntity(entity);
      let written = 0;
      for await (const chunk of builder.records(entity, chunkSize)) {
        maxChunk = Math.max(maxChunk, chunk.length);
        rowsRead += chunk.length;
        read += chunk.length;
        onProgress?.({ phase: "write", done, read, total });
        for (let r = 0; r < chunk.length; r++) {
          const record = chunk.record(r);
          encoder.encode(entity, record, hashing);
          if (hashing) hasher.addCanonical(entity, String(record[key]), encoder.canonical);
          const json = encoder.json;
          for (const w of writers) {
            const wait = w.record(entity, record, json);
            if (wait) await wait;
          }
        }
        done += chunk.length;
        written += chunk.length;
        onProgress?.({ phase: "write", done, read, total });
      }
      if (written !== counts[entity]) throw changed(entity);
      for (const w of writers) await w.endEntity(entity);
    }
    while (singlePass && nextToHash < CANONICAL_ORDER.length) await hashOnly(CANONICAL_ORDER[nextToHash++], false);
    const final: SnapshotMeta = singlePass ? { ...meta, sha256: hasher.digest() } : meta;
    for (const w of writers) await w.finish(final);
    return { meta: final, maxChunk, rowsRead, singlePass };
  } catch (e) {
    for (const w of writers) await w.abort();
    throw e;
  } finally {
    await reader.close();
  }
}
