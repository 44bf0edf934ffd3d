/**
 * Format writers. Each takes records one at a time, encodes their text as UTF-8 into one reused
 * 64 KB buffer and hands it to its output when full, waiting whenever a stream is past its
 * high-water mark, so a slow consumer slows the export down instead of filling memory.
 *
 * An output is a stream (standard output, a test's sink) or a file. A file can be written back
 * into: the export then gives `begin` a meta whose sha256 is still SHA256_PENDING (its length is
 * final) and `finish` the hash, which the writer writes over the placeholder in place. That lets
 * the export read the directory once instead of twice (export.ts).
 */
import type { Writable } from "node:stream";
import { SnapshotFile, StreamOutput, type ByteOutput } from "./snapshot-output";
import { FILE_ORDER, KIND, type EntityName, type SnapshotMeta, type SnapshotRecord } from "./snapshot.format";

// A writer is made with its target, `new JsonSnapshotWriter(new SnapshotFile(path))`: the file comes with it.
export { SnapshotFile };

/** meta.sha256 while the hash is still being computed: as long as a real one (64 hex digits). */
export const SHA256_PENDING = "0".repeat(64);

/** Text is handed to the output in pieces of about this many characters. */
const BATCH = 1 << 16;

export interface SnapshotWriter {
  /**
   * True when `begin` may get a meta with sha256 SHA256_PENDING: the writer fills in the real hash
   * from `finish`'s meta (a file it can write back into, not a stream).
   */
  readonly fillsInHash: boolean;
  begin(meta: SnapshotMeta): Promise<void>;
  startEntity(entity: EntityName): Promise<void>;
  /**
   * One record (fields in file order) and `json`, its JSON.stringify, made once for every
   * writer. Returns a promise only when the writer has to wait for its output (then the export
   * awaits it).
   */
  record(entity: EntityName, record: SnapshotRecord, json: string): Promise<void> | void;
  endEntity(entity: EntityName): Promise<void>;
  /** Writes what is left, fills in the hash if `begin` had none, and closes what the writer opened. */
  finish(meta: SnapshotMeta): Promise<void>;
  /** Stops after a failure: destroys the streams it opened and waits until they are closed. */
  abort(): Promise<void>;
}

export interface StreamWriterOptions {
  /** False for process.stdout, which must stay open. */
  end?: boolean;
}

/**
 * What the JSON and NDJSON writers share: text batched into the output, and the meta's hash
 * filled in at the end when the output is a file.
 */
abstract class TextSnapshotWriter {
  private readonly out: ByteOutput;
  /** Text encoded as UTF-8 into one reused buffer, handed to the output when full: no string is kept between records. */
  private readonly buffer = Buffer.allocUnsafe(BATCH);
  private used = 0;
  /** Byte offset of the SHA256_PENDING placeholder in the file, or -1. */
  private hashAt = -1;
  private started = false;

  constructor(target: Writable | SnapshotFile, options: StreamWriterOptions = {}) {
    this.out = target instanceof SnapshotFile ? target : new StreamOutput(target, options.end !== false);
  }

  get fillsInHash(): boolean {
    return this.out.seekable;
  }

  /** Writes the file's first text, which holds the meta, and notes where its hash goes. */
  protected head(text: string, meta: SnapshotMeta): Promise<void> | void {
    if (meta.sha256 === SHA256_PENDING) {
      if (!this.out.seekable) throw new Error("snapshot writer: a stream needs the hash in begin()");
      const at = text.indexOf(SHA256_PENDING);
      if (at < 0 || text.indexOf(SHA256_PENDING, at + 1) >= 0 || this.started)
        throw new Error("snapshot writer: the meta must come first, with its one sha256");
      this.hashAt = Buffer.byteLength(text.slice(0, at));
    }
    return this.push(text);
  }

  protected push(text: string): Promise<void> | void {
    this.started = true;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (text.length * 3 <= BATCH - this.used) {
      this.used += this.buffer.write(text, this.used);
      return;
    }
    const flushed = this.flush();
    if (text.length * 3 > BATCH)
      return flushed ? flushed.then(() => this.out.write(Buffer.from(text))) : this.out.write(Buffer.from(text));
    this.used = this.buffer.write(text, 0);
    return flushed;
  }

  private flush(): Promise<void> | void {
    if (this.used === 0) return;
    const bytes = this.buffer.subarray(0, this.used);
    this.used = 0;
    return this.out.write(bytes);
  }

  protected async close(meta: SnapshotMeta): Promise<void> {
    await this.flush();
    if (this.hashAt >= 0) {
      if (!/^[0-9a-f]{64}$/.test(meta.sha256) || meta.sha256 === SHA256_PENDING)
        throw new Error("snapshot writer: finish() needs the content hash");
      await this.out.patch(this.hashAt, meta.sha256);
    }
    await this.out.end();
  }

  async abort(): Promise<void> {
    this.used = 0;
    await this.out.destroy();
  }
}

/**
 * JSON: meta first, then the five arrays in the documented order (docs/SNAPSHOTS.md), one record a line (readable,
 * diff-friendly, and a hand-edit's error names a useful line).
 */
export class JsonSnapshotWriter extends TextSnapshotWriter implements SnapshotWriter {
  private first = true;
  private entities = 0;

  async begin(meta: SnapshotMeta): Promise<void> {
    await this.head(`{\n  "meta": ${JSON.stringify(meta, null, 2).replace(/\n/g, "\n  ")}`, meta);
  }

  async startEntity(entity: EntityName): Promise<void> {
    this.first = true;
    this.entities++;
    await this.push(`,\n  ${JSON.stringify(entity)}: [`);
  }

  record(_entity: EntityName, _record: SnapshotRecord, json: string): Promise<void> | void {
    // Pieces pushed one by one: a template literal would make a rope that the buffer copies again.
    const separator = this.push(this.first ? "\n    " : ",\n    ");
    this.first = false;
    return separator ? separator.then(() => this.push(json)) : this.push(json);
  }

  async endEntity(): Promise<void> {
    await this.push(this.first ? "]" : "\n  ]");
  }

  async finish(meta: SnapshotMeta): Promise<void> {
    if (this.entities !== FILE_ORDER.length) throw new Error("JSON snapshot writer: not every entity was written");
    await this.push("\n}\n");
    await this.close(meta);
  }
}

/** NDJSON: `{"kind":"meta","meta":{…}}`, then `{"kind":"program","record":{…}}`, one a line. */
export class NdjsonSnapshotWriter extends TextSnapshotWriter implements SnapshotWriter {
  /** `{"kind":"program","record":` for each entity: JSON.stringify({ kind, record }) without re-serialising the record. */
  private static readonly PREFIX = Object.fromEntries(
    FILE_ORDER.map((e) => [e, `{"kind":${JSON.stringify(KIND[e])},"record":`]),
  ) as Record<EntityName, string>;

  async begin(meta: SnapshotMeta): Promise<void> {
    await this.head(`${JSON.stringify({ kind: "meta", meta })}\n`, meta);
  }

  async startEntity(): Promise<void> {}

  record(entity: EntityName, _record: SnapshotRecord, json: string): Promise<void> | void {
    const prefix = this.push(NdjsonSnapshotWriter.PREFIX[entity]);
    if (prefix) return prefix.then(() => this.pushRest(json));
    return this.pushRest(json);
  }

  private pushRest(json: string): Promise<void> | void {
    const body = this.push(json);
    return body ? body.then(() => this.push("}\n")) : this.push("}\n");
  }

  async endEntity(): Promise<void> {}

  async finish(meta: SnapshotMeta): Promise<void> {
    await this.close(meta);
  }
}
