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
  /** Stops after a failure: closes streams without waiting for them to flush. */
  abort(): void;
}

/** Writes a chunk, honouring backpressure; rejects when the stream fails. */
export async function writeChunk(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
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

  constructor(
    readonly stream: Writable,
    private readonly options: StreamWriterOptions = {},
  ) {}

  begin(meta: SnapshotMeta): Promise<void> {
    return writeChunk(this.stream, `{\n  "meta": ${JSON.stringify(meta, null, 2).replace(/\n/g, "\n  ")}`);
  }

  startEntity(entity: EntityName): Promise<void> {
    this.first = true;
    this.entities++;
    return writeChunk(this.stream, `,\n  ${JSON.stringify(entity)}: [`);
  }

  record(_entity: EntityName, record: SnapshotRecord): Promise<void> {
    const text = `${this.first ? "" : ","}\n    ${JSON.stringify(record)}`;
    this.first = false;
    return writeChunk(this.stream, text);
  }

  endEntity(): Promise<void> {
    return writeChunk(this.stream, this.first ? "]" : "\n  ]");
  }

  async finish(): Promise<void> {
    if (this.entities !== FILE_ORDER.length) throw new Error("JSON snapshot writer: not every entity was written");
    await writeChunk(this.stream, "\n}\n");
    if (this.options.end !== false) await endStream(this.stream);
  }

  abort(): void {
    if (this.options.end !== false) this.stream.destroy();
  }
}

/** NDJSON: `{"kind":"meta","meta":{…}}`, then `{"kind":"program","record":{…}}`, one a line. */
export class NdjsonSnapshotWriter implements SnapshotWriter {
  constructor(
    readonly stream: Writable,
    private readonly options: StreamWriterOptions = {},
  ) {}

  begin(meta: SnapshotMeta): Promise<void> {
    return writeChunk(this.stream, `${JSON.stringify({ kind: "meta", meta })}\n`);
  }

  async startEntity(): Promise<void> {}

  record(entity: EntityName, record: SnapshotRecord): Promise<void> {
    return writeChunk(this.stream, `${JSON.stringify({ kind: KIND[entity], record })}\n`);
  }

  async endEntity(): Promise<void> {}

  async finish(): Promise<void> {
    if (this.options.end !== false) await endStream(this.stream);
  }

  abort(): void {
    if (this.options.end !== false) this.stream.destroy();
  }
}
