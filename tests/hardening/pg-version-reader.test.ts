import { Client } from "pg";
import { VERSION_SQL } from "../../server/src/core/pg-version-reader";
import { httpGql } from "../support/auth";
import { testDialect } from "../support/db";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

/**
 * On PostgreSQL the directory version, read before every anonymous read that uses the in-process
 * indexes, is read over one connection of its own as a prepared statement (core/pg-version-reader.ts):
 * one connection however many requests, a new one when it dies, none left once the server closes.
 */
const postgresOnly = testDialect === "postgres" ? describe : describe.skip;

postgresOnly("the directory version's own connection on PostgreSQL", () => {
  let observer: Client | undefined;
  let database: string;
  // Declared before the server's hooks, so it runs before the server's afterAll drops its database.
  afterAll(() => observer?.end());
  const server = useTestServer({ listen: true });

  beforeAll(async () => {
    const f = factories(server.ds);
    for (let i = 0; i < 3; i++) await f.program({ title: `Synthetic Program ${i}` });
    // The facet index current, so that a count is answered from it after the version's read.
    await server.deps.services.programFacetIndex.refresh();
    const url = new URL((server.config.database as { url: string }).url);
    database = url.pathname.slice(1);
    observer = new Client({ connectionString: url.toString() });
    await observer.connect();
  });
  /** Backends of the server's database whose latest statement is the version's read. */
  async function versionBackends(): Promise<number[]> {
    const { rows } = await observer!.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query = $2 AND pid <> pg_backend_pid() ORDER BY pid`,
      [database, VERSION_SQL],
    );
    return rows.map((r) => r.pid as number);
  }

  const count = async () => {
    const r = await httpGql(server.base, `{ programs { totalCount } }`);
    expect(r.errors).toBeUndefined();
    return (r.data as { programs: { totalCount: number } }).programs.totalCount;
  };

  it("reads it over one connection, whatever the number of requests", async () => {
    await Promise.all(Array.from({ length: 8 }, () => count()));
    expect(await count()).toBe(3);
    expect(await versionBackends()).toHaveLength(1);
  });

  it("opens a new connection when its connection dies, and the request that finds it dead still answers", async () => {
    const [before] = await versionBackends();
    await observer!.query("SELECT pg_terminate_backend($1)", [before]);
    expect(await count()).toBe(3);
    const after = await versionBackends();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it("sees a write made outside the server at once", async () => {
    await observer!.query(`UPDATE programs SET status = 'ARCHIVED' WHERE id = (SELECT min(id) FROM programs)`);
    expect(await count()).toBe(2);
  });

  it("closes its connection with the data source", async () => {
    expect(await versionBackends()).toHaveLength(1);
    await server.deps.dataSource.destroy();
    expect(await versionBackends()).toEqual([]);
  });
});
