import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { dialectOf } from "./data-source";

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

/**
 * Runs `work` in one transaction: everything it writes commits together or not at all.
 * On PostgreSQL transactions run concurrently (row locks and the version guard keep them apart).
 * On SQLite they are queued, and each begins with `BEGIN IMMEDIATE` so that the write lock is
 * taken up front: a writer in another process (the CLI) waits for it (busy_timeout) instead of
 * failing half-way with SQLITE_BUSY. Never call it again from inside `work`: use the manager.
 */
export async function inTransaction<T>(ds: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(ds) === "postgres") return ds.transaction(work);
  const release = await lockFor(ds).lock();
  const qr = ds.createQueryRunner();
  try {
    await qr.query("BEGIN IMMEDIATE");
    adopt(qr, true);
    try {
      const result = await work(qr.manager);
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
