import { Client } from "pg";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { postgresMigrations } from "../migrations/postgres";
import type { MigrationClass } from "../server/src/core/data-source";
import { createDataSource } from "../server/src/composition/database";
import { migrate } from "../server/src/composition/migrate";
import { STARTUP_LOCK_KEY } from "../server/src/core/startup-lock";
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

type Contents = Record<string, unknown>;
type Row = Record<string, unknown>;

/** The columns each table's rows have (of tables that have rows). */
function columnsOf(c: Contents): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(c))
    if (Array.isArray(rows) && rows.length) out[table] = Object.keys(rows[0] as Row);
  return out;
}

/** The contents with each table's rows cut down to the given columns (all of a table not named). */
function only(c: Contents, columns: Record<string, string[]>): Contents {
  const out: Contents = {};
  for (const [table, rows] of Object.entries(c)) {
    const keep = columns[table];
    out[table] =
      keep && Array.isArray(rows) ? (rows as Row[]).map((r) => Object.fromEntries(keep.map((k) => [k, r[k]]))) : rows;
  }
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
      // Columns the last migration adds lose their values going down (e.g. the sample's sourceNotes on
      // institutions): every row and every other value must come back.
      const kept = columnsOf(await contents(ds));
      expect(await migrate(ds)).toHaveLength(1);
      expect(only(await contents(ds), kept)).toEqual(only(before, kept));
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

// An advisory lock is PostgreSQL's; SQLite serves one process (docs/DEPLOYMENT.md), so there is nothing to race.
const onPostgres = testDialect === "postgres" ? describe : describe.skip;

onPostgres("migrations of several processes on one PostgreSQL take turns (the start-up lock; PostgreSQL only)", () => {
  /** Every migration recorded, by name: each must appear once. */
  const recorded = async (ds: DataSource) =>
    ((await ds.query(`SELECT "name" FROM "migrations" ORDER BY "id"`)) as { name: string }[]).map((r) => r.name);
  const allNames = postgresMigrations.map((m) => new m().name);

  it("migrate() waits while another process holds the lock, then applies each migration once", async () => {
    const db = await createTestDatabase("postgres");
    if (db.config.kind !== "postgres") throw new Error("unreachable");
    const holder = new Client({ connectionString: db.config.url });
    await holder.connect();
    const ds = createDataSource(db.config);
    await ds.initialize();
    try {
      await holder.query("SELECT pg_advisory_lock($1::bigint)", [STARTUP_LOCK_KEY]);
      let finished = false;
      const running = migrate(ds).finally(() => (finished = true));
      // Until a session of this database queues for the lock (bounded: 400 looks, each after 25 ms).
      const waiting = async () =>
        (
          await holder.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )
        ).rows[0].n as number;
      for (let look = 0; look < 400 && !finished && (await waiting()) === 0; look++)
        await new Promise((r) => setTimeout(r, 25));
      expect(finished).toBe(false);
      expect(await waiting()).toBe(1);
      const table = await holder.query(`SELECT to_regclass('public.migrations') AS t`);
      expect(table.rows[0].t).toBeNull(); // nothing ran while the lock was held elsewhere
      await holder.query("SELECT pg_advisory_unlock($1::bigint)", [STARTUP_LOCK_KEY]);
      expect(await running).toEqual(allNames);
      expect(await recorded(ds)).toEqual(allNames);
    } finally {
      await holder.end();
      await ds.destroy();
      await db.drop();
    }
  });

  it("two processes migrating one fresh database at once both succeed, and each migration runs once", async () => {
    const db = await createTestDatabase("postgres");
    const [a, b] = [createDataSource(db.config), createDataSource(db.config)];
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [ranA, ranB] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ranA, ...ranB].sort()).toEqual([...allNames].sort());
      expect(await recorded(a)).toEqual(allNames);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await db.drop();
    }
  });
});
