import type { DataSource } from "typeorm";
import { ensureProgramSearchIndex } from "../modules/search/search-index";

/**
 * Runs pending migrations, all in one transaction: a failure part-way leaves the database as it
 * was. Then re-asserts the hand-written search triggers, which a SQLite table rebuild drops.
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const ran = await ds.runMigrations({ transaction: "all" });
  await ensureProgramSearchIndex(ds);
  return ran.map((m) => m.name);
}
