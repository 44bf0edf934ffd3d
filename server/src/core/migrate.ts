import type { DataSource } from "typeorm";

/** Runs pending migrations, all in one transaction: a failure part-way leaves the database as it was. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const ran = await ds.runMigrations({ transaction: "all" });
  return ran.map((m) => m.name);
}
