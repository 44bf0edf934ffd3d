/**
 * Where the snapshot writers' bytes go (writers.ts): a stream (standard output, a test's sink), kept
 * free of unhandled 'error' events, or a file the writer can write back into (the meta's hash).
 */
import { once } from "node:events";
import fs from "node:fs";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";

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

/** Where a writer's bytes go. */
export interface ByteOutput {
  /** True when `patch` can write over bytes already written. */
  readonly seekable: boolean;
  /** Takes the bytes now (the caller reuses the buffer); a promise when the caller has to wait. */
  write(bytes: Buffer): Promise<void> | void;
  /** Writes `text` over the bytes at `offset` (same length in bytes). */
  patch(offset: number, text: string): Promise<void>;
  /** Flushes and closes (a stream with `end: false` is only flushed). */
  end(): Promise<void>;
  destroy(): Promise<void>;
}

/** A stream: written in order only; closed at the end unless it must stay open (standard output). */
export class StreamOutput implements ByteOutput {
  readonly seekable = false;
  private readonly out: GuardedStream;

  constructor(
    stream: Writable,
    private readonly close: boolean,
  ) {
    this.out = new GuardedStream(stream);
  }

  write(bytes: Buffer): Promise<void> {
    return this.out.write(Buffer.from(bytes)); // a copy: the stream keeps it until it is written
  }

  patch(): Promise<void> {
    return Promise.reject(new Error("snapshot writer: a stream cannot be written back into"));
  }

  async end(): Promise<void> {
    if (this.close) await this.out.end();
  }

  async destroy(): Promise<void> {
    if (this.close) await this.out.destroy();
  }
}

/**
 * A file the writer creates (or truncates) at `path`, opened on the first write. Whoever gives
 * the path keeps the file atomic: a temporary name, renamed into place once the export is done
 * (export-files.ts, snapshot.service.ts).
 *
 * Writes are synchronous, ~64 KB at a time: the export's SQLite reads hold the thread anyway, and
 * a write into the page cache costs tens of microseconds, less than a round trip through libuv's
 * thread pool per piece (55 pieces of 64 KB: 1.5-4 ms with writeSync, 4.5-11.5 ms with
 * FileHandle.write on this machine).
 */
export class SnapshotFile implements ByteOutput {
  readonly seekable = true;
  private fd: number | null = null;

  constructor(readonly path: string) {}

  write(bytes: Buffer): void {
    this.writeAll(bytes, null);
  }

  async patch(offset: number, text: string): Promise<void> {
    this.writeAll(Buffer.from(text, "utf8"), offset);
  }

  async end(): Promise<void> {
    const fd = this.open();
    this.fd = null;
    fs.closeSync(fd);
  }

  async destroy(): Promise<void> {
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) fs.closeSync(fd);
  }

  private open(): number {
    return (this.fd ??= fs.openSync(this.path, "w"));
  }

  /** At `position`, or (null) where the last sequential write ended; a short write is continued. */
  private writeAll(bytes: Buffer, position: number | null): void {
    const fd = this.open();
    for (let done = 0; done < bytes.length;) {
      done += fs.writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
    }
  }
}
