import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { dialectOf } from "./data-source";

/**
 * A FIFO async mutex. TypeORM's better-sqlite3 driver shares ONE connection between all query
 * runners, so two overlapping transactions in one process would interleave their statements
 * (and the second BEGIN fails). Write transactions therefore take turns.
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

/**
 * Runs `fn` in one write transaction. On SQLite: one at a time per process, and `BEGIN IMMEDIATE`
 * so the write lock is taken up front — a writer in another process (the CLI) waits for it
 * (busy_timeout) instead of failing half-way with SQLITE_BUSY. On PostgreSQL: an ordinary
 * READ COMMITTED transaction (row locks and the version check make concurrent edits safe).
 */
export async function writeTransaction<T>(ds: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(ds) === "postgres") return ds.transaction(fn);
  const release = await lockFor(ds).lock();
  const qr = ds.createQueryRunner();
  try {
    await qr.query("BEGIN IMMEDIATE");
    adopt(qr, true);
    try {
      const result = await fn(qr.manager);
      adopt(qr, false);
      await qr.query("COMMIT");
      return result;
    } catch (e) {
      adopt(qr, false);
      await qr.query("ROLLBACK").catch(() => undefined);
      throw e;
    }
  } finally {
    await qr.release();
    release();
  }
}
