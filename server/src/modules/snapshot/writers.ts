/**
 * Format writers. Each takes records one at a time and writes them straight to its stream,
 * waiting for 'drain' whenever the stream's buffer is past its high-water mark, so a slow disk or
 * HTTP client slows the export down instead of filling memory.
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { FILE_ORDER, KIND, type EntityName, type SnapshotMeta, type SnapshotRecord } from "./snapshot.format";

export interface SnapshotWriter {
  begin(meta: SnapshotMeta): Promise<void>;
  startEntity(entity: EntityName): Promise<void>;
  record(entity: EntityName, record: SnapshotRecord): Promise<void>;
  endEntity(entity: EntityName): Promise<void>;
  /** Flushes and closes what the writer opened. */
  finish(): Promise<void>;
  /** Stops after a failure: destroys the streams it opened and waits until they are closed. */
  abort(): Promise<void>;
}

/**
 * A stream with an error listener for its whole life: a write that fails after write() returned
 * (a full disk, a closed pipe) must fail the export, not crash the process as an unhandled
 * 'error' event would.
 */
export class GuardedStream {
  private error: Error | null = null;

  constructor(readonly stream: Writable) {
    stream.on("error", (e: Error) => {
      this.error ??= e;
    });
  }

  /** Writes a chunk, honouring backpressure; rejects when the stream has failed. */
  async write(chunk: unknown): Promise<void> {
    if (this.error) throw this.error;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
    if (this.error) throw this.error;
  }

  async end(): Promise<void> {
    if (this.error) throw this.error;
    await endStream(this.stream);
  }

  /** Destroys the stream and waits for it to close (an open still pending included). */
  async destroy(): Promise<void> {
    if (this.stream.closed || this.stream.destroyed) return;
    const closed = once(this.stream, "close").catch(() => undefined);
    this.stream.destroy();
    await closed;
  }
}

/** Ends a stream and waits until its data is flushed (a file: written and closed). */
export async function endStream(stream: Writable): Promise<void> {
  stream.end();
  await finished(stream);
}

export interface StreamWriterOptions {
  /** False for process.stdout, which must stay open. */
  end?: boolean;
}

/**
 * JSON: meta first, then the five arrays in DESIGN.md order, one record a line (readable,
 * diff-friendly, and a hand-edit's error names a useful line).
 */
export class JsonSnapshotWriter implements SnapshotWriter {
  private first = true;
  private entities = 0;
  private readonly out: GuardedStream;

  constructor(
    stream: Writable,
    private readonly options: StreamWriterOptions = {},
  ) {
    this.out = new GuardedStream(stream);
  }

  begin(meta: SnapshotMeta): Promise<void> {
    return this.out.write(`{\n  "meta": ${JSON.stringify(meta, null, 2).replace(/\n/g, "\n  ")}`);
  }

  startEntity(entity: EntityName): Promise<void> {
    this.first = true;
    this.entities++;
    return this.out.write(`,\n  ${JSON.stringify(entity)}: [`);
  }

  record(_entity: EntityName, record: SnapshotRecord): Promise<void> {
    const text = `${this.first ? "" : ","}\n    ${JSON.stringify(record)}`;
    this.first = false;
    return this.out.write(text);
  }

  endEntity(): Promise<void> {
    return this.out.write(this.first ? "]" : "\n  ]");
  }

  async finish(): Promise<void> {
    if (this.entities !== FILE_ORDER.length) throw new Error("JSON snapshot writer: not every entity was written");
    await this.out.write("\n}\n");
    if (this.options.end !== false) await this.out.end();
  }

  async abort(): Promise<void> {
    if (this.options.end !== false) await this.out.destroy();
  }
}

/** NDJSON: `{"kind":"meta","meta":{…}}`, then `{"kind":"program","record":{…}}`, one a line. */
export class NdjsonSnapshotWriter implements SnapshotWriter {
  private readonly out: GuardedStream;

  constructor(
    stream: Writable,
    private readonly options: StreamWriterOptions = {},
  ) {
    this.out = new GuardedStream(stream);
  }

  begin(meta: SnapshotMeta): Promise<void> {
    return this.out.write(`${JSON.stringify({ kind: "meta", meta })}\n`);
  }

  async startEntity(): Promise<void> {}

  record(entity: EntityName, record: SnapshotRecord): Promise<void> {
    return this.out.write(`${JSON.stringify({ kind: KIND[entity], record })}\n`);
  }

  async endEntity(): Promise<void> {}

  async finish(): Promise<void> {
    if (this.options.end !== false) await this.out.end();
  }

  async abort(): Promise<void> {
    if (this.options.end !== false) await this.out.destroy();
  }
}
