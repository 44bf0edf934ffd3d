/**
 * express-rate-limit's Store over the `rate_limit_windows` table, so that every server process on
 * one database counts a client address's requests together: N instances behind a load balancer
 * allow the limit once, not N times.
 *
 * A request costs one statement, an upsert that starts, counts and reads the address's fixed
 * window atomically (`INSERT … ON CONFLICT DO UPDATE … RETURNING`, the same text on PostgreSQL and
 * SQLite); the window's end comes from the database's clock, so instances whose clocks differ
 * still agree. An address this process has seen over its limit costs no statement until its
 * window ends: a flood is refused without taking a pool connection from real work. Rows of ended
 * windows count nothing and are deleted once a window per process, off the request's path. Why this design and what it costs: docs/SECURITY.md, "Request rate limit".
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import {
  MemoryStore,
  type ClientRateLimitInfo,
  type IncrementResponse,
  type Options,
  type Store,
} from "express-rate-limit";
import type { DataSource } from "typeorm";
import { dialectOf, rawSqlite, type Dialect } from "./data-source";
import { log } from "./logger";
import { isSqliteBusy } from "./transaction";

/** Milliseconds since the epoch by the database's clock, fixed for the statement. */
const NOW_MS: Record<Dialect, string> = {
  postgres: "(EXTRACT(EPOCH FROM statement_timestamp()) * 1000)::bigint",
  sqlite: "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
};

/** Bind parameters: PostgreSQL's are numbered, better-sqlite3's named (bound from an object). */
const PARAM: Record<Dialect, { key: string; window: string }> = {
  postgres: { key: "$1", window: "$2" },
  sqlite: { key: "@key", window: "@window" },
};

const T = `"rate_limit_windows"`;

/** Counts one hit: a new row, a row whose window has ended (a new window), or one more hit in the current one. */
function incrementSql(d: Dialect): string {
  const { key, window } = PARAM[d];
  const ended = `${T}."resetAt" <= excluded."resetAt" - ${window}`;
  return `INSERT INTO ${T} ("key", "hits", "resetAt") VALUES (${key}, 1, ${NOW_MS[d]} + ${window})
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN ${ended} THEN 1 ELSE ${T}."hits" + 1 END,
      "resetAt" = CASE WHEN ${ended} THEN excluded."resetAt" ELSE ${T}."resetAt" END
    RETURNING "hits", "resetAt"`;
}

const sql = (d: Dialect) => ({
  increment: incrementSql(d),
  get: `SELECT "hits", "resetAt" FROM ${T} WHERE "key" = ${PARAM[d].key} AND "resetAt" > ${NOW_MS[d]}`,
  decrement: `UPDATE ${T} SET "hits" = "hits" - 1 WHERE "key" = ${PARAM[d].key} AND "hits" > 0`,
  reset: `DELETE FROM ${T} WHERE "key" = ${PARAM[d].key}`,
  // SKIP LOCKED: the sweep never waits for (or holds up) a request counting the same address.
  sweep:
    d === "postgres"
      ? `DELETE FROM ${T} WHERE "key" IN (SELECT "key" FROM ${T} WHERE "resetAt" <= ${NOW_MS[d]} FOR UPDATE SKIP LOCKED)`
      : `DELETE FROM ${T} WHERE "resetAt" <= ${NOW_MS[d]}`,
});

type Statements = ReturnType<typeof sql>;
type Row = { hits: number | string; resetAt: number | string };

const toInfo = (row: Row): ClientRateLimitInfo => ({
  totalHits: Number(row.hits),
  resetTime: new Date(Number(row.resetAt)),
});

export class DatabaseRateLimitStore implements Store {
  /** Keys are shared with every other process on the database. */
  readonly localKeys = false;
  private windowMs = 60_000;
  private readonly dialect: Dialect;
  private readonly statements: Statements;
  private limit = Infinity;
  private nextSweepAt = 0;
  private sqlite: SqliteCounters | null = null;
  /** Addresses over the limit, by key: their window and hits (counted here) until the window ends. */
  private readonly refused = new Map<string, ClientRateLimitInfo & { resetTime: Date }>();

  /** `prefix` tells this limiter's keys from another's in the shared table. */
  constructor(
    private readonly ds: DataSource,
    readonly prefix: string,
  ) {
    this.dialect = dialectOf(ds);
    this.statements = sql(this.dialect);
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
    if (typeof options.limit === "number") this.limit = options.limit;
    if (this.dialect === "sqlite") this.sqlite = new SqliteCounters(rawSqlite(this.ds), this.statements, options);
  }

  /** The table's key: a hash, so the table is not a list of client addresses. */
  private rowKey(key: string): string {
    return createHash("sha256").update(`${this.prefix}${key}`, "utf8").digest("hex");
  }

  async increment(key: string): Promise<IncrementResponse> {
    this.sweepWhenDue();
    const refused = this.refused.get(key);
    if (refused && refused.resetTime.getTime() > Date.now()) {
      refused.totalHits++;
      return { ...refused };
    }
    const counted = await this.count(key);
    if (counted.totalHits > this.limit && counted.resetTime)
      this.refused.set(key, { ...counted, resetTime: counted.resetTime });
    else if (refused) this.refused.delete(key);
    return counted;
  }

  private async count(key: string): Promise<ClientRateLimitInfo> {
    const params = { key: this.rowKey(key), window: this.windowMs };
    if (this.sqlite) return this.sqlite.increment(key, params);
    const [row] = (await this.ds.query(this.statements.increment, [params.key, params.window])) as Row[];
    return toInfo(row);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const params = { key: this.rowKey(key) };
    const rows: Row[] = this.sqlite
      ? this.sqlite.run((db) => db.prepare(this.statements.get).all(params) as Row[])
      : await this.ds.query(this.statements.get, [params.key]);
    return rows.length ? toInfo(rows[0]) : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.write("decrement", this.rowKey(key));
  }

  async resetKey(key: string): Promise<void> {
    this.refused.delete(key);
    await this.write("reset", this.rowKey(key));
  }

  shutdown(): void {
    this.sqlite?.shutdown();
  }

  private async write(which: "decrement" | "reset", rowKey: string): Promise<void> {
    if (this.sqlite) this.sqlite.run((db) => db.prepare(this.statements[which]).run({ key: rowKey }));
    else await this.ds.query(this.statements[which], [rowKey]);
  }

  /** Deletes ended windows once a window, after the request's own statement has been sent. */
  private sweepWhenDue(): void {
    const now = Date.now();
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + this.windowMs;
    for (const [key, info] of this.refused) if (info.resetTime.getTime() <= now) this.refused.delete(key);
    setImmediate(() => {
      try {
        if (this.sqlite) this.sqlite.run((db) => db.prepare(this.statements.sweep).run());
        else
          this.ds.query(this.statements.sweep).catch((e: unknown) => log.warn("rate-limit sweep failed", { error: e }));
      } catch (e) {
        log.warn("rate-limit sweep failed", { error: e });
      }
    });
  }
}

/**
 * The SQLite side, on the server's one writer connection, synchronously (nothing else runs on the
 * connection in between). A counter is worth less than a curator's edit, so outside a transaction
 * the statement commits with `synchronous = NORMAL`: no fsync of its own (0.03 ms instead of
 * 0.9 ms measured), durable with the next FULL commit, never corrupting anything. Inside a
 * transaction that another request has open on the connection it simply joins it. It never waits
 * for another process's write lock (a CLI import): `busy_timeout = 0`, and while the database is
 * busy this process counts in memory (one SQLite database serves one process, so that is the same
 * count).
 */
class SqliteCounters {
  private readonly defaults: { busyTimeout: number; synchronous: number };
  /** Prepared on first use: the app may be built before its database is migrated. */
  private incrementStatement: Database.Statement | null = null;
  private readonly fallback = new MemoryStore();
  private busyLoggedAt = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly statements: Statements,
    private readonly options: Options,
  ) {
    this.defaults = {
      busyTimeout: Number(db.pragma("busy_timeout", { simple: true })),
      synchronous: Number(db.pragma("synchronous", { simple: true })),
    };
    this.fallback.init(options);
  }

  run<T>(work: (db: Database.Database) => T): T {
    const { db } = this;
    const own = !db.inTransaction; // the safety level may not change inside a transaction
    db.pragma("busy_timeout = 0");
    if (own) db.pragma("synchronous = NORMAL");
    try {
      return work(db);
    } finally {
      if (own) db.pragma(`synchronous = ${this.defaults.synchronous}`);
      db.pragma(`busy_timeout = ${this.defaults.busyTimeout}`);
    }
  }

  async increment(key: string, params: { key: string; window: number }): Promise<IncrementResponse> {
    try {
      this.incrementStatement ??= this.db.prepare(this.statements.increment);
      const statement = this.incrementStatement;
      return toInfo(this.run(() => statement.get(params) as Row));
    } catch (e) {
      if (!isSqliteBusy(e)) throw e;
      if (Date.now() - this.busyLoggedAt > this.options.windowMs) {
        this.busyLoggedAt = Date.now();
        log.warn("rate limit: the database is busy with another process's write; counting in memory meanwhile");
      }
      return this.fallback.increment(key);
    }
  }

  shutdown(): void {
    this.fallback.shutdown();
  }
}
