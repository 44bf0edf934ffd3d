import { setTimeout as sleep } from "node:timers/promises";
import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { dialectOf } from "./data-source";
import { UnavailableError } from "./errors";

/**
 * How long a server write waits, asynchronously, for another process's write lock (the CLI
 * importing a snapshot) before answering UNAVAILABLE; and the Retry-After it suggests then.
 */
export const WRITE_LOCK_WAIT_MS = 2000;
export const WRITE_LOCK_RETRY_AFTER_SECONDS = 5;

/**
 * A FIFO async mutex. TypeORM runs every SQLite query on ONE connection, and a second
 * `ds.transaction()` begun while another is open silently becomes a SAVEPOINT inside it: the
 * first one's COMMIT then only releases the savepoint and a later ROLLBACK undoes both. So
 * SQLite write transactions in one process take turns.
 */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    return release;
  }
}

const sqliteLocks = new WeakMap<DataSource, Mutex>();

function lockFor(ds: DataSource): Mutex {
  let m = sqliteLocks.get(ds);
  if (!m) sqliteLocks.set(ds, (m = new Mutex()));
  return m;
}

/** Marks a query runner as inside a transaction we began ourselves, so TypeORM nests savepoints in it. */
function adopt(qr: QueryRunner, active: boolean): void {
  const state = qr as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = active;
  state.transactionDepth = active ? 1 : 0;
}

/** SQLITE_BUSY and its extended codes: another connection holds the lock. */
export function isSqliteBusy(e: unknown): boolean {
  const code =
    (e as { driverError?: { code?: unknown }; code?: unknown })?.driverError?.code ?? (e as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

function busyError(): UnavailableError {
  return new UnavailableError(
    "The database is busy with another writer (such as a snapshot import); nothing was changed, retry shortly",
    WRITE_LOCK_RETRY_AFTER_SECONDS,
  );
}

/**
 * Takes SQLite's write lock. Each attempt waits at most the connection's short busy_timeout,
 * synchronously (better-sqlite3 blocks while SQLite waits); between attempts the event loop
 * runs (reads, health checks), with backoff, until WRITE_LOCK_WAIT_MS have passed.
 */
async function beginImmediate(qr: QueryRunner): Promise<void> {
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    try {
      await qr.query("BEGIN IMMEDIATE");
      return;
    } catch (e) {
      if (!isSqliteBusy(e)) throw e;
      if (Date.now() + pause > deadline) throw busyError();
    }
    await sleep(pause);
  }
}

/**
 * Runs `work` in one transaction: everything it writes commits together or not at all.
 * On PostgreSQL transactions run concurrently (row locks and the version guard keep them apart).
 * On SQLite they are queued, and each begins with `BEGIN IMMEDIATE` so that the write lock is
 * taken up front: while a writer in another process (the CLI) holds it, the transaction waits
 * (see beginImmediate) and then fails with UNAVAILABLE before changing anything, instead of
 * failing half-way with SQLITE_BUSY. Never call it again from inside `work`: use the manager.
 */
export async function inTransaction<T>(ds: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(ds) === "postgres") return ds.transaction(work);
  const release = await lockFor(ds).lock();
  const qr = ds.createQueryRunner();
  try {
    await beginImmediate(qr);
    adopt(qr, true);
    try {
      const result = await work(qr.manager);
      adopt(qr, false);
      await qr.query("COMMIT");
      return result;
    } catch (e) {
      adopt(qr, false);
      await qr.query("ROLLBACK").catch(() => undefined);
      throw isSqliteBusy(e) ? busyError() : e;
    }
  } finally {
    await qr.release();
    release();
  }
}
