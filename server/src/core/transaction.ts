import type { DataSource, EntityManager } from "typeorm";
import { dialectOf } from "./data-source";

/**
 * Tail of the queue of SQLite transactions, per data source. TypeORM runs every SQLite query on
 * ONE connection, and a second `ds.transaction()` begun while another is open silently becomes a
 * SAVEPOINT inside it: the first one's COMMIT then only releases the savepoint and a later
 * ROLLBACK undoes both. Running SQLite transactions one at a time is the only safe way.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one transaction: everything it writes commits together or not at all.
 * On PostgreSQL transactions run concurrently (row locks and the version guard keep them
 * apart); on SQLite they are queued. Never call it again from inside `work`: use the manager.
 */
export function inTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  if (dialectOf(ds) === "postgres") return ds.transaction(work);
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const run = previous.then(
    () => ds.transaction(work),
    () => ds.transaction(work),
  );
  // The queue must keep going whether this one succeeds or fails.
  sqliteQueues.set(
    ds,
    run.catch(() => undefined),
  );
  return run;
}
