import type { DataSource } from "typeorm";
import { dialectOf } from "./data-source";
import { log } from "./logger";

/**
 * The PostgreSQL advisory lock that serialises start-up work between processes on one database:
 * migrations, moving snapshot files of earlier versions into the database, the first seed and the
 * first ADMIN. Any 64-bit number no other lock of the application uses; this one spells "IMGDIR"
 * in ASCII.
 */
export const STARTUP_LOCK_KEY = "80596256966994";

/**
 * Runs `work` while holding the start-up lock. Without it, two instances started together both see
 * the same pending migrations and both run them: one fails half-way ("relation already exists")
 * and exits, or both seed an empty directory. With it the second waits, then finds nothing left to
 * do. The lock is a session lock on one pooled connection (so the pool needs two connections:
 * `work` uses others); it goes away with the connection if the process dies. The wait has no
 * statement timeout: another instance's migrations may take longer than one operation.
 *
 * SQLite serves one process (docs/DEPLOYMENT.md): there `work` simply runs.
 */
export async function withStartupLock<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  if (dialectOf(ds) !== "postgres") return work();
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query("SET statement_timeout = 0");
    const [{ locked }] = (await qr.query("SELECT pg_try_advisory_lock($1::bigint) AS locked", [STARTUP_LOCK_KEY])) as {
      locked: boolean;
    }[];
    if (!locked) {
      log.info("waiting for another instance to finish its start-up (migrations) on this database");
      await qr.query("SELECT pg_advisory_lock($1::bigint)", [STARTUP_LOCK_KEY]);
    }
    try {
      return await work();
    } finally {
      await qr.query("SELECT pg_advisory_unlock($1::bigint)", [STARTUP_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    // Back to the pool's statement timeout before the connection serves anything else.
    await qr.query("RESET statement_timeout").catch(() => undefined);
    await qr.release();
  }
}
