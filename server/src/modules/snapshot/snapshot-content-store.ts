/**
 * Where stored snapshots' bytes (their JSON and NDJSON files) live. The default, and the only store
 * today, is the database: any server process on it serves any snapshot, and a database backup holds
 * them. A file-system store is not kept: files in one process's folder are what made a second
 * instance answer 404, and a store elsewhere (object storage) would implement the same two calls.
 *
 * The database store keeps each file as chunks of SNAPSHOT_CHUNK_BYTES in `snapshot_chunks`
 * (bytea on PostgreSQL, blob on SQLite; the table is written by hand, see its migration). Writing
 * happens inside the transaction that records the snapshot row, so a snapshot is there whole or not
 * at all. Reading fetches one chunk per statement, and only when the consumer asks for more: a
 * download holds one chunk (plus what the socket buffers), whatever the snapshot's size.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { DataSource, EntityManager } from "typeorm";
import { dialectOf } from "../../core/data-source";

export type DownloadFormat = "json" | "ndjson";

/** 512 KiB: one statement moves a useful amount, and a download's memory stays small. */
export const SNAPSHOT_CHUNK_BYTES = 512 * 1024;

export interface SnapshotContentStore {
  /**
   * Stores `file`'s bytes as snapshot `snapshotId`'s `format` content, through `m`, the transaction
   * that writes the snapshot's row (content and row commit together). Replaces what was stored
   * before. Returns the number of bytes stored.
   */
  save(m: EntityManager, snapshotId: number, format: DownloadFormat, file: string): Promise<number>;
  /** The stored bytes, read as the consumer asks for them; null when none are stored. */
  open(snapshotId: number, format: DownloadFormat): Promise<Readable | null>;
}

export class DatabaseSnapshotContentStore implements SnapshotContentStore {
  private readonly param: (n: number) => string;

  constructor(
    private readonly ds: DataSource,
    private readonly chunkBytes = SNAPSHOT_CHUNK_BYTES,
  ) {
    this.param = dialectOf(ds) === "postgres" ? (n) => `$${n}` : () => "?";
  }

  async save(m: EntityManager, snapshotId: number, format: DownloadFormat, file: string): Promise<number> {
    const p = this.param;
    await m.query(`DELETE FROM "snapshot_chunks" WHERE "snapshotId" = ${p(1)} AND "format" = ${p(2)}`, [
      snapshotId,
      format,
    ]);
    const insert = `INSERT INTO "snapshot_chunks" ("snapshotId", "format", "seq", "data") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`;
    const handle = await fs.promises.open(file, "r");
    try {
      // One buffer, reused: each insert has been sent (and its bytes copied) before the next read.
      const buffer = Buffer.allocUnsafe(this.chunkBytes);
      let total = 0;
      for (let seq = 0; ; seq++) {
        const filled = await readFull(handle, buffer);
        if (filled === 0 && seq > 0) break;
        await m.query(insert, [snapshotId, format, seq, buffer.subarray(0, filled)]);
        total += filled;
        if (filled < buffer.length) break;
      }
      return total;
    } finally {
      await handle.close();
    }
  }

  async open(snapshotId: number, format: DownloadFormat): Promise<Readable | null> {
    const first = await this.chunk(snapshotId, format, 0);
    if (!first) return null;
    const next = (seq: number) => this.chunk(snapshotId, format, seq);
    async function* chunks(): AsyncGenerator<Buffer> {
      yield first!;
      for (let seq = 1; ; seq++) {
        const chunk = await next(seq);
        if (!chunk) return;
        yield chunk;
      }
    }
    // Byte mode with the smallest high-water mark: the next chunk is fetched once this one is taken.
    return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
  }

  /** Writes the stored bytes to `file` (a snapshot diff reads files); false when none are stored. */
  async copyToFile(snapshotId: number, format: DownloadFormat, file: string): Promise<boolean> {
    const content = await this.open(snapshotId, format);
    if (!content) return false;
    await pipeline(content, fs.createWriteStream(file));
    return true;
  }

  /**
   * One chunk, through a reading connection (on SQLite the read-only one, which sees committed
   * data only: a snapshot whose transaction is still open is not there yet).
   */
  private async chunk(snapshotId: number, format: DownloadFormat, seq: number): Promise<Buffer | null> {
    const p = this.param;
    const runner = this.ds.createQueryRunner("slave");
    try {
      const rows = (await runner.query(
        `SELECT "data" FROM "snapshot_chunks" WHERE "snapshotId" = ${p(1)} AND "format" = ${p(2)} AND "seq" = ${p(3)}`,
        [snapshotId, format, seq],
      )) as { data: Buffer }[];
      return rows.length ? rows[0].data : null;
    } finally {
      await runner.release();
    }
  }
}

/** Reads until `buffer` is full or the file ends; returns the bytes read. */
async function readFull(handle: fs.promises.FileHandle, buffer: Buffer): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}
