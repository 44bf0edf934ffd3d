import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../../server/src/core/config";
import { dialectOf } from "../../server/src/core/data-source";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";

/** The database the suite runs on: PostgreSQL when TEST_DATABASE_URL is set, else SQLite. */
export const testDialect: "sqlite" | "postgres" = process.env.TEST_DATABASE_URL ? "postgres" : "sqlite";

export interface TestDatabase {
  config: DatabaseConfig;
  /** Drops the database (PostgreSQL) or deletes its files (SQLite). */
  drop(): Promise<void>;
}

/** A fresh, empty database of the dialect under test, private to the calling test file. */
export async function createTestDatabase(dialect = testDialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "directory-test-"));
    return {
      config: { kind: "sqlite", path: path.join(dir, "test.sqlite") },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    config: { kind: "postgres", url: url.toString() },
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated data source on a fresh database. */
export async function openMigrated(db: TestDatabase): Promise<DataSource> {
  const ds = createDataSource(db.config);
  await ds.initialize();
  await migrate(ds);
  return ds;
}

/** Empties every table (keeping the schema) so that each test starts from nothing. */
export async function resetDatabase(ds: DataSource): Promise<void> {
  const tables = ds.entityMetadatas.map((m) => m.tableName);
  const extra = (await listTables(ds)).filter(
    (t) => !tables.includes(t) && !t.startsWith("migrations") && !/^sqlite_|_fts/.test(t),
  );
  const all = [...tables, ...extra];
  if (dialectOf(ds) === "postgres") {
    // The server's background work (the webhook drainer's poll, the rate-limit sweep) can lock two of
    // these tables in the other order; PostgreSQL then ends one side with a deadlock error, and a
    // reset that lost simply runs again.
    for (let attempt = 1; ; attempt++) {
      try {
        await ds.query(`TRUNCATE ${all.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
        return;
      } catch (e) {
        const { code, driverError } = e as { code?: string; driverError?: { code?: string } };
        if ((driverError?.code ?? code) !== "40P01" || attempt === 3) throw e;
      }
    }
  }
  await ds.transaction(async (m) => {
    await m.query("PRAGMA defer_foreign_keys = ON");
    for (const t of all) await m.query(`DELETE FROM "${t}"`);
    // FTS5 tables (and their shadow tables, skipped above) are emptied through their own command.
    const fts: { name: string }[] = await m.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'`,
    );
    for (const { name } of fts) await m.query(`INSERT INTO "${name}" ("${name}") VALUES ('delete-all')`);
    await m
      .query(`DELETE FROM sqlite_sequence WHERE name IN (${all.map((t) => `'${t}'`).join(", ")})`)
      .catch(() => undefined);
  });
}

async function listTables(ds: DataSource): Promise<string[]> {
  if (dialectOf(ds) === "postgres") {
    const rows: { tablename: string }[] = await ds.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    return rows.map((r) => r.tablename);
  }
  const rows: { name: string }[] = await ds.query("SELECT name FROM sqlite_master WHERE type = 'table'");
  return rows.map((r) => r.name);
}
