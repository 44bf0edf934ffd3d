import type { DataSource } from "typeorm";
import { withStartupLock } from "../core/startup-lock";
import { ensureProgramSearchIndex } from "../modules/search/search-index";

/**
 * Runs pending migrations under the start-up lock (core/startup-lock.ts), so that processes
 * migrating one PostgreSQL database at the same time take turns. See applyPendingMigrations.
 */
export function migrate(ds: DataSource): Promise<string[]> {
  return withStartupLock(ds, () => applyPendingMigrations(ds));
}

/**
 * Runs pending migrations, all in one transaction: a failure part-way leaves the database as it
 * was. Then re-asserts the hand-written search triggers, which a SQLite table rebuild drops.
 * Call it only while holding the start-up lock (`migrate` does; so does the server's start-up).
 */
export async function applyPendingMigrations(ds: DataSource): Promise<string[]> {
  const ran = await ds.runMigrations({ transaction: "all" });
  await ensureProgramSearchIndex(ds);
  return ran.map((m) => m.name);
}
