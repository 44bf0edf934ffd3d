/**
 * The per-address request limit counts in the database (server/src/core/rate-limit-store.ts):
 * every server process on one database shares one count per address, windows end, ended windows
 * are swept, an address already refused costs no statement, and on SQLite a writer in another
 * process never makes the limit wait or lapse.
 */
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import type { DataSource } from "typeorm";
import { createDirectoryApp, type DirectoryApp } from "../../server/src/app";
import { createAppDeps } from "../../server/src/composition/context";
import { createDataSource } from "../../server/src/composition/database";
import { rawSqlite, SERVER_BUSY_TIMEOUT_MS } from "../../server/src/core/data-source";
import { testDialect } from "../support/db";
import { createTestServer, useTestServer, type ListeningTestServer } from "../support/server";

const LIMIT = 4;
const ENV = { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: "true" };

/** An anonymous read from `address` (X-Forwarded-For, trusted here); its HTTP status. */
async function readFrom(base: string, address: string): Promise<number> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ query: "{ specialties { totalCount } }" }),
  });
  await res.arrayBuffer();
  return res.status;
}

const windows = (ds: DataSource) =>
  ds.query(`SELECT "key", "hits", "resetAt" FROM "rate_limit_windows" ORDER BY "hits"`) as Promise<
    { key: string; hits: number | string; resetAt: number | string }[]
  >;
const hitsIn = async (ds: DataSource) => (await windows(ds)).map((w) => Number(w.hits));

/** A second server process's app on the same database (its own pool or connection, its own store). */
async function secondInstance(server: ListeningTestServer | ReturnType<typeof useTestServer>) {
  const ds = createDataSource(server.config.database);
  await ds.initialize();
  const app: DirectoryApp = await createDirectoryApp(createAppDeps(ds, server.config));
  await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`,
    async close() {
      await app.apollo.stop();
      await ds.destroy();
    },
  };
}

describe("the request limit is one count per address for every process on the database", () => {
  const server = useTestServer({ env: ENV, listen: true, reset: true });

  it("requests through two instances add up; another address is not affected; the table holds no address", async () => {
    const other = await secondInstance(server);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT; i++) statuses.push(await readFrom(i % 2 ? other.base : server.base, "203.0.113.5"));
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(await readFrom(other.base, "203.0.113.5")).toBe(429);
      expect(await readFrom(server.base, "203.0.113.5")).toBe(429);
      expect(await readFrom(other.base, "198.51.100.9")).toBe(200);
      const rows = await windows(server.ds);
      expect(rows.map((r) => r.key)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.any(String)]);
      expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113|198\.51\.100/);
    } finally {
      await other.close();
    }
  });

  it("an address over its limit costs each instance one statement: later refusals are counted in memory", async () => {
    const other = await secondInstance(server);
    try {
      for (let i = 0; i < LIMIT; i++) await readFrom(server.base, "203.0.113.6");
      for (let i = 0; i < 3; i++) expect(await readFrom(server.base, "203.0.113.6")).toBe(429);
      // The first refusal was counted in the table (LIMIT + 1); the next two were not.
      expect(await hitsIn(server.ds)).toEqual([LIMIT + 1]);
      for (let i = 0; i < 3; i++) expect(await readFrom(other.base, "203.0.113.6")).toBe(429);
      expect(await hitsIn(server.ds)).toEqual([LIMIT + 2]);
    } finally {
      await other.close();
    }
  });

  it("counting starts over once the window has ended (the database's clock decides)", async () => {
    for (let i = 0; i < LIMIT; i++) await readFrom(server.base, "203.0.113.7");
    expect(await readFrom(server.base, "203.0.113.7")).toBe(429);
    // What the end of the minute would do. (The instance that refused remembers that until the end of the
    // window by its own reckoning, which a real window end matches: ask a fresh one.)
    await server.ds.query(`UPDATE "rate_limit_windows" SET "resetAt" = 0`);
    const other = await secondInstance(server);
    try {
      expect(await readFrom(other.base, "203.0.113.7")).toBe(200);
      expect(await hitsIn(server.ds)).toEqual([1]);
      const [row] = await windows(server.ds);
      const dbNow = Number(
        (
          await server.ds.query(
            testDialect === "postgres"
              ? `SELECT (EXTRACT(EPOCH FROM statement_timestamp()) * 1000)::bigint AS now`
              : `SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) AS now`,
          )
        )[0].now,
      );
      // A new minute-long window, from the database's clock.
      expect(Number(row.resetAt) - dbNow).toBeGreaterThan(50_000);
      expect(Number(row.resetAt) - dbNow).toBeLessThanOrEqual(60_000);
    } finally {
      await other.close();
    }
  });
});

describe("ended windows are deleted", () => {
  let server: ListeningTestServer;
  afterAll(() => server?.close());

  it("a process's first request sweeps every ended window, off the request's path", async () => {
    server = await createTestServer(ENV);
    const base = await server.listen();
    const ended = Array.from({ length: 50 }, (_, i) => i.toString(16).padStart(64, "0"));
    for (const key of ended)
      await server.ds.query(
        `INSERT INTO "rate_limit_windows" ("key", "hits", "resetAt") VALUES (${testDialect === "postgres" ? "$1, 3, 1000" : "?, 3, 1000"})`,
        [key],
      );
    expect(await readFrom(base, "203.0.113.8")).toBe(200);
    // The sweep runs after the request's own statement: look (bounded) until it has.
    for (let look = 0; look < 200 && (await windows(server.ds)).length > 1; look++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await hitsIn(server.ds)).toEqual([1]);
  });
});

// A second process holding SQLite's write lock (a CLI import); PostgreSQL locks rows, so nothing waits there.
(testDialect === "sqlite" ? describe : describe.skip)("SQLite: another process holding the write lock", () => {
  const server = useTestServer({ env: ENV, listen: true, reset: true });

  it("requests are still counted and refused past the limit, without waiting for the lock", async () => {
    const db = server.config.database;
    if (db.kind !== "sqlite") throw new Error("unreachable");
    const importer = new Database(db.path);
    importer.exec("BEGIN IMMEDIATE");
    importer.prepare(`INSERT INTO "rate_limit_windows" ("key", "hits", "resetAt") VALUES ('held', 1, 1)`).run();
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i++) statuses.push(await readFrom(server.base, "203.0.113.9"));
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    } finally {
      importer.exec("ROLLBACK");
      importer.close();
    }
    // Once the lock is free, counting goes back to the table.
    expect(await readFrom(server.base, "198.51.100.10")).toBe(200);
    expect(await hitsIn(server.ds)).toEqual([1]);
  });

  it("the writer connection keeps its settings: FULL durability and its busy timeout for everything else", async () => {
    expect(await readFrom(server.base, "198.51.100.11")).toBe(200);
    const writer = rawSqlite(server.ds);
    expect(writer.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(writer.pragma("busy_timeout", { simple: true })).toBe(SERVER_BUSY_TIMEOUT_MS);
  });
});
