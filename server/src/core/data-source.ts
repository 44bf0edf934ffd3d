import fs from "node:fs";
import type Database from "better-sqlite3";
import path from "node:path";
import { types as pgTypes } from "pg";
import { DataSource, type DataSourceOptions, type MigrationInterface } from "typeorm";
import { ConfigError, type DatabaseConfig } from "./config";
import { CountingLogger } from "./sql-counter";
import { attachSqliteReaders } from "./sqlite-readers";

export type Dialect = "sqlite" | "postgres";

/** The better-sqlite3 handle behind a TypeORM SQLite data source (TypeORM shares this one connection). */
export function rawSqlite(ds: DataSource): Database.Database {
  const db = (ds.driver as unknown as { databaseConnection?: Database.Database }).databaseConnection;
  if (!db) throw new Error("not an open better-sqlite3 data source");
  return db;
}

export function dialectOf(ds: DataSource): Dialect {
  return ds.options.type === "postgres" ? "postgres" : "sqlite";
}

/**
 * How long a SQLite connection waits for another process's write lock. better-sqlite3 waits
 * synchronously, holding the event loop: the server's connections wait SERVER_BUSY_TIMEOUT_MS
 * at most and a server write transaction then retries asynchronously (core/transaction.ts);
 * the CLI, which serves no one else meanwhile, waits CLI_BUSY_TIMEOUT_MS.
 */
export const SERVER_BUSY_TIMEOUT_MS = 50;
export const CLI_BUSY_TIMEOUT_MS = 5000;

export interface DataSourceRole {
  /** SQLite's busy_timeout for this process's connections (SERVER_BUSY_TIMEOUT_MS unless said). */
  busyTimeoutMs?: number;
  /** PostgreSQL's default `statement_timeout`: the server passes its operation timeout, so no statement outlives an operation. */
  statementTimeoutMs?: number;
}

/** Pragmas every SQLite connection gets: durable writes that wait (a bounded time) for each other. */
export function applySqlitePragmas(
  db: { pragma(source: string): unknown },
  busyTimeoutMs = SERVER_BUSY_TIMEOUT_MS,
): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  // TypeORM alters a table by rebuilding it (create temporary_x, copy, drop x, rename): the
  // modern rename check fails when a trigger elsewhere (the search index's) names the dropped
  // table for a moment. Legacy renames skip that check; the app itself never renames tables.
  db.pragma("legacy_alter_table = ON");
}

/** A mapped entity class (TypeORM instantiates it with no arguments). */
export type EntityClass = new () => object;
/** A migration class. */
export type MigrationClass = new () => MigrationInterface;

/** What the database holds: the mapped entities and each dialect's migrations (the composition root's lists). */
export interface DatabaseMapping {
  entities: EntityClass[];
  migrations: { sqlite: MigrationClass[]; postgres: MigrationClass[] };
}

/** Without an operation timeout (the CLI), a statement may run this long by default. */
const CLI_STATEMENT_TIMEOUT_MS = 15_000;

export function buildDataSource(db: DatabaseConfig, mapping: DatabaseMapping, role: DataSourceRole = {}): DataSource {
  const busyTimeoutMs = role.busyTimeoutMs ?? SERVER_BUSY_TIMEOUT_MS;
  const common = {
    entities: mapping.entities,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: "all" as const,
    logging: ["query", "error", "warn", "migration"] as ("query" | "error" | "warn" | "migration")[],
    logger: new CountingLogger(),
  };
  let options: DataSourceOptions;
  if (db.kind === "sqlite") {
    if (db.path !== ":memory:") {
      const dir = path.dirname(path.resolve(db.path));
      try {
        fs.mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw new ConfigError(`cannot create the SQLite directory ${dir}: ${(e as Error).message}`);
      }
    }
    options = {
      ...common,
      type: "better-sqlite3",
      database: db.path,
      migrations: mapping.migrations.sqlite,
      timeout: busyTimeoutMs,
      prepareDatabase: (connection: Database.Database) => applySqlitePragmas(connection, busyTimeoutMs),
    };
  } else {
    // A `date` is a calendar day: keep PostgreSQL's "YYYY-MM-DD" text. pg's default parser makes it
    // a Date at local midnight, which depends on the process's time zone (core/local-date.ts).
    pgTypes.setTypeParser(pgTypes.builtins.DATE, (text) => text);
    options = {
      ...common,
      type: "postgres",
      url: db.url,
      migrations: mapping.migrations.postgres,
      extra: {
        max: Number(process.env.PG_POOL_SIZE ?? 10),
        statement_timeout: Number(
          process.env.PG_STATEMENT_TIMEOUT_MS ?? role.statementTimeoutMs ?? CLI_STATEMENT_TIMEOUT_MS,
        ),
        connectionTimeoutMillis: Number(process.env.PG_CONNECT_TIMEOUT_MS ?? 15000),
        // PostgreSQL's JIT compiles any statement whose estimated cost passes jit_above_cost: the
        // eligibility cursor query spent 812 of its 860 ms compiling, 32 ms without (docs/DEPLOYMENT.md).
        // Prepared statements (core/pg-named-statements.ts) keep PostgreSQL's default plan cache:
        // a generic plan is reused once it is no costlier than the custom ones (the detail
        // statement's backend time 0.62 → 0.22 ms per request). Texts whose plan depends on an
        // array's length run unnamed, so they are planned for each execution's values.
        options: "-c jit=off",
      },
    };
  }
  const ds = new DataSource(options);
  if (db.kind === "sqlite" && db.path !== ":memory:") {
    attachSqliteReaders(ds, {
      path: db.path,
      busyTimeoutMs,
      statementTimeoutMs: Number(process.env.SQLITE_STATEMENT_TIMEOUT_MS ?? 15000),
      maxQueued: Number(process.env.SQLITE_HEAVY_QUEUE ?? 64),
    });
  }
  return ds;
}

/** Opens the database and turns driver failures into one readable line. */
export async function openMappedDataSource(
  db: DatabaseConfig,
  mapping: DatabaseMapping,
  role: DataSourceRole = {},
): Promise<DataSource> {
  const ds = buildDataSource(db, mapping, role);
  try {
    await ds.initialize();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const where = db.kind === "sqlite" ? `SQLite database ${db.path}` : "PostgreSQL";
    const reason =
      err.code === "ECONNREFUSED"
        ? "connection refused"
        : err.code === "ENOTFOUND"
          ? "host not found"
          : err.code === "3D000"
            ? "database does not exist"
            : err.code === "28P01" || err.code === "28000"
              ? "authentication failed"
              : (err.message ?? String(e)).split("\n")[0];
    throw new ConfigError(`cannot open ${where}: ${reason}`);
  }
  return ds;
}
