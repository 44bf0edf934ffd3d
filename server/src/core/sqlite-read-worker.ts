import { deserialize } from "node:v8";
import { Worker } from "node:worker_threads";
import { UnavailableError } from "./errors";
import { nextTurn } from "./event-loop";

/**
 * The worker's whole program, evaluated rather than loaded from a file so that it runs the same
 * from the TypeScript sources (tests, swc) and from the build. Its own better-sqlite3 connection
 * (query_only: it can never write) answers one statement at a time; a statement that writes is refused.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("busy_timeout = " + Number(workerData.busyTimeoutMs));
db.pragma("query_only = ON");
const { serialize } = require("node:v8");
const statements = new Map();
const SLICE = Number(workerData.sliceRows);
/** A large result goes as serialised slices (the rows are read back one slice per turn of the main thread's loop). */
function reply(rows) {
  if (rows.length <= SLICE) return parentPort.postMessage({ rows });
  // The statement has ended: serialising its rows is no part of its time limit.
  parentPort.postMessage({ read: true });
  const slices = [];
  for (let i = 0; i < rows.length; i += SLICE) slices.push(new Uint8Array(serialize(rows.slice(i, i + SLICE))).buffer);
  parentPort.postMessage({ slices }, slices);
}
parentPort.on("message", ({ sql, params }) => {
  parentPort.postMessage({ started: true });
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
      if (statements.size > 100) statements.delete(statements.keys().next().value);
    }
    if (!stmt.reader) throw Object.assign(new Error("an off-thread statement must only read"), { code: "SQLITE_READONLY" });
    reply(stmt.all(...params));
  } catch (e) {
    parentPort.postMessage({ error: { message: String(e && e.message), code: e && e.code } });
  }
});
`;

/**
 * Rows per slice of a large result. Reading rows into this thread holds its event loop for as long
 * as it takes, about a millisecond per thousand rows on a busy machine: a large result (every
 * program's rules, hundreds of thousands of rows, for the eligibility index) comes as slices
 * serialised in the worker, read back one per turn (core/event-loop.ts `nextTurn`), while the
 * worker goes on with the next statement.
 */
const SLICE_ROWS = 2000;

export interface ReadWorkerOptions {
  /** The SQLite file (the worker opens its own connection on it). */
  path: string;
  /** How long a statement may run before the worker is stopped and the statement fails (UNAVAILABLE). */
  statementTimeoutMs: number;
  /** How many statements may wait for the worker; more fail at once with UNAVAILABLE. */
  maxQueued: number;
  busyTimeoutMs: number;
}

interface Reply {
  started?: boolean;
  rows?: unknown[];
  /** The statement has read a large result; its slices follow. */
  read?: boolean;
  /** A large result: its rows in slices, each serialised with v8.serialize. */
  slices?: ArrayBuffer[];
  error?: { message: string; code?: string };
}

interface Job {
  sql: string;
  params: unknown[];
  /** A light read (see `takesLightRead`), sent here only while the worker held no heavy one. */
  light: boolean;
  resolve(rows: unknown[]): void;
  reject(e: unknown): void;
}

/**
 * How many light reads the worker may hold at once (running and waiting). Beyond that a light read
 * runs on the event loop's reader: waiting for the worker would cost it more than it saves.
 */
const LIGHT_READS_AT_ONCE = 2;

/** Seconds a client is asked to wait before retrying after the worker's queue was full or a statement ran too long. */
const RETRY_AFTER_SECONDS = 5;

/** How long `close()` waits for workers stopped on a timeout to exit. */
const CLOSE_WAIT_MS = 5_000;

/**
 * Runs read statements on a SQLite connection in a worker thread, one at a time in arrival
 * order, so that a statement taking seconds (facet counts or eligibility ranking over tens of
 * thousands of programs) never holds the server's event loop: health checks, other requests and
 * the writer carry on while it runs. The worker starts on first use and again after a timeout.
 */
export class SqliteReadWorker {
  private worker: Worker | null = null;
  /** The job the worker has; its timer starts when the worker starts it (not while a new worker boots). */
  private running: { job: Job; timer: NodeJS.Timeout | null } | null = null;
  private readonly queue: Job[] = [];
  private closed = false;
  /**
   * Workers stopped on a timeout, until they have exited: a thread cannot leave SQLite's native loop
   * until its statement ends, so a stopped worker lives on that long (its statement bounded by the
   * app's own queries).
   */
  private readonly stopping = new Set<Promise<number>>();

  constructor(private readonly options: ReadWorkerOptions) {}

  /**
   * Whether a light read (a page of programs: a millisecond or so) should run here rather than on
   * the event loop's own reader: while the worker holds no heavy read and fewer than
   * LIGHT_READS_AT_ONCE light ones, so that the statement runs beside the main thread's GraphQL
   * work instead of before it, and never waits behind a statement that takes seconds.
   */
  takesLightRead(): boolean {
    if (this.closed) return false;
    const jobs = this.running ? [this.running.job, ...this.queue] : this.queue;
    return jobs.length < LIGHT_READS_AT_ONCE && jobs.every((job) => job.light);
  }

  all(sql: string, params: unknown[], light = false): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error("the SQLite read worker is closed"));
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(
        new UnavailableError("The directory is busy answering heavy queries; retry shortly", RETRY_AFTER_SECONDS),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ sql, params, light, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = [...(this.running ? [this.running.job] : []), ...this.queue.splice(0)];
    if (this.running?.timer) clearTimeout(this.running.timer);
    this.running = null;
    for (const job of pending) job.reject(new Error("the SQLite read worker is closed"));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    // What it stopped earlier goes with it (waited for at most CLOSE_WAIT_MS), so nothing outlives its owner.
    if (this.stopping.size) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS).unref()));
      await Promise.race([Promise.all(this.stopping), waited]);
      clearTimeout(timer);
    }
  }

  private next(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    const worker = this.worker ?? this.start();
    this.running = { job, timer: null };
    worker.ref();
    worker.postMessage({ sql: job.sql, params: job.params });
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve("better-sqlite3"),
        path: this.options.path,
        busyTimeoutMs: this.options.busyTimeoutMs,
        sliceRows: SLICE_ROWS,
      },
    });
    worker.on("message", (reply: Reply) => {
      if (this.worker !== worker) return; // a late word from a worker stopped on timeout
      if (reply.started) this.started();
      else if (reply.read) this.read();
      else this.finish(reply);
    });
    worker.on("error", (e) => this.failed(worker, e));
    worker.on("exit", () => this.failed(worker, new Error("the SQLite read worker stopped")));
    this.worker = worker;
    return worker;
  }

  private started(): void {
    if (!this.running) return;
    this.running.timer = setTimeout(() => this.timedOut(), this.options.statementTimeoutMs);
    this.running.timer.unref();
  }

  private read(): void {
    if (this.running?.timer) clearTimeout(this.running.timer);
    if (this.running) this.running.timer = null;
  }

  private finish(reply: Reply): void {
    const current = this.running;
    if (!current) return;
    if (current.timer) clearTimeout(current.timer);
    this.running = null;
    if (reply.error) current.job.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    // What the reader does with the rows (the rest of its request) waits for a turn like any request.
    else void readRows(reply).then(current.job.resolve, current.job.reject);
    this.next();
    // An idle worker does not keep the process alive (a CLI command ends when its work does).
    if (!this.running) this.worker?.unref();
  }

  /** SQLite cannot interrupt a statement from outside its thread: stop the worker, start another for the queue. */
  private timedOut(): void {
    const current = this.running;
    if (!current) return;
    this.running = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      const exited = worker.terminate();
      this.stopping.add(exited);
      const gone = () => void this.stopping.delete(exited);
      exited.then(gone, gone);
    }
    current.job.reject(
      new UnavailableError("The query took too long and was stopped; narrow it or retry later", RETRY_AFTER_SECONDS),
    );
    this.next();
  }

  private failed(worker: Worker, e: unknown): void {
    if (this.worker !== worker) return; // a worker stopped on purpose (timeout, close)
    this.worker = null;
    const current = this.running;
    if (current) {
      if (current.timer) clearTimeout(current.timer);
      this.running = null;
      current.job.reject(e);
    }
    this.next();
  }
}

/** The rows of a reply, a slice per turn of the event loop, on a later turn than the reply's. */
async function readRows(reply: Reply): Promise<unknown[]> {
  await nextTurn();
  if (!reply.slices) return reply.rows ?? [];
  const rows: unknown[] = [];
  for (const [i, slice] of reply.slices.entries()) {
    if (i > 0) await nextTurn();
    for (const row of deserialize(new Uint8Array(slice)) as unknown[]) rows.push(row);
  }
  return rows;
}
