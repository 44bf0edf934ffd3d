import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import type { MigrationClass } from "../server/src/core/data-source";
import { createDataSource } from "../server/src/composition/database";
import { migrate } from "../server/src/composition/migrate";
import { seedSampleDirectory } from "../server/src/seed/seed";
import { createTestDatabase, testDialect } from "./support/db";

/** Every row of every mapped table, and the triggers (the search index's are hand-written). */
async function contents(ds: DataSource): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const { tableName } of ds.entityMetadatas)
    out[tableName] = await ds.query(`SELECT * FROM "${tableName}" ORDER BY 1`);
  out.triggers =
    ds.options.type === "postgres"
      ? await ds.query("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")
      : await ds.query("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1");
  return out;
}

const dialects = Array.from(new Set(["sqlite", testDialect] as const));

describe.each(dialects)("migrations on %s", (dialect) => {
  it("leave no difference between the entities and the database", async () => {
    const db = await createTestDatabase(dialect);
    const ds = createDataSource(db.config);
    await ds.initialize();
    try {
      const ran = await migrate(ds);
      expect(ran.length).toBeGreaterThan(0);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await migrate(ds)).toEqual([]); // a second run has nothing to do
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it("the last one goes down and up again on a populated directory, keeping every row and trigger", async () => {
    // The SQLite generator rebuilds a table for any column change (copy, drop, rename); the rebuild of
    // programs it wrote for ProgramUrls lost every program's links in `down` (see that migration).
    const db = await createTestDatabase(dialect);
    const ds = createDataSource(db.config);
    await ds.initialize();
    try {
      await migrate(ds);
      await seedSampleDirectory(ds);
      const before = await contents(ds);
      expect((before.programs as unknown[]).length).toBeGreaterThan(10);
      await ds.undoLastMigration({ transaction: "all" });
      expect(await migrate(ds)).toHaveLength(1);
      expect(await contents(ds)).toEqual(before);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it("roll back entirely when one fails part-way", async () => {
    class Broken9999999999999 implements MigrationInterface {
      name = "Broken9999999999999";
      async up(q: QueryRunner) {
        await q.query(`CREATE TABLE half_done (id integer)`);
        await q.query(`THIS IS NOT SQL`);
      }
      async down() {}
    }
    const db = await createTestDatabase(dialect);
    const base = createDataSource(db.config);
    const ds = createDataSource(db.config);
    // Same options, one broken migration at the end.
    Object.assign(ds.options, { migrations: [...(base.options.migrations as MigrationClass[]), Broken9999999999999] });
    await ds.initialize();
    try {
      await expect(migrate(ds)).rejects.toThrow();
      const tables: unknown[] =
        dialect === "sqlite"
          ? await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('programs', 'half_done')")
          : await ds.query(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('programs', 'half_done')",
            );
      expect(tables).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
