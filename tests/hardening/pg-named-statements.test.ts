import { StatementNames } from "../../server/src/core/pg-named-statements";
import { VERSION_SQL } from "../../server/src/core/pg-version-reader";
import { testDialect } from "../support/db";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { createTestServer, type ListeningTestServer } from "../support/server";

/**
 * On PostgreSQL the server prepares the reads it runs often (core/pg-named-statements.ts), so a
 * backend parses and plans a repeated page once; what it keeps per connection stays bounded.
 */
describe("which statements get a name", () => {
  it("a SELECT on its second run, the same name for the same text, never a write", () => {
    const names = new StatementNames({ nameAfter: 2, maxNamed: 10 });
    const read = 'SELECT "p"."id" FROM "programs" "p" WHERE "p"."status" = $1';
    expect(names.nameFor(read)).toBeNull();
    const name = names.nameFor(read);
    expect(name).toMatch(/^s_[A-Za-z0-9_-]{27}$/);
    expect(names.nameFor(read)).toBe(name);
    expect(names.nameFor(`${read} LIMIT 2`)).toBeNull();
    // An array parameter: planned for its values on every run, so never named.
    const pages = `SELECT w.* FROM unnest($1::int[]) AS iid(id) CROSS JOIN LATERAL (${read}) w`;
    for (let i = 0; i < 5; i++) expect(names.nameFor(pages)).toBeNull();
    const write = 'UPDATE "programs" SET "title" = $1 WHERE "id" = $2';
    for (let i = 0; i < 5; i++) expect(names.nameFor(write)).toBeNull();
  });

  it("no more than maxNamed texts; later ones run unnamed", () => {
    const names = new StatementNames({ nameAfter: 1, maxNamed: 3 });
    const texts = [1, 2, 3, 4, 5].map((n) => `SELECT ${n}`);
    expect(texts.map((t) => names.nameFor(t) !== null)).toEqual([true, true, true, false, false]);
    expect(names.size).toBe(3);
    expect(names.nameFor(texts[0])).not.toBeNull(); // a named text keeps its name
  });
});

const postgresOnly = testDialect === "postgres" ? describe : describe.skip;

postgresOnly("prepared reads on PostgreSQL", () => {
  let server: ListeningTestServer;
  beforeAll(async () => {
    const before = process.env.PG_POOL_SIZE;
    process.env.PG_POOL_SIZE = "2"; // two connections, whose prepared statements `prepared()` reads
    try {
      server = await createTestServer();
    } finally {
      if (before === undefined) delete process.env.PG_POOL_SIZE;
      else process.env.PG_POOL_SIZE = before;
    }
    const f = factories(server.ds);
    const institution = await f.institution({ slug: "alpha", name: "Alpha Clinic" });
    for (let i = 0; i < 3; i++) await f.program({ title: `Synthetic Program ${i}`, institutionId: institution.id });
  });
  afterAll(() => server.close());

  const PAGE = `{ programs(first: 10) { totalCount edges { node { slug institution { slug } } } } }`;
  /** The statements prepared on the pool's connections (two reads at once take both). */
  const prepared = async () => {
    const read = () => server.ds.query("SELECT statement FROM pg_prepared_statements");
    const both = (await Promise.all([read(), read()])) as { statement: string }[][];
    return both.flat().map((r) => r.statement);
  };

  it("keeps PostgreSQL's default plan cache (a generic plan once it is no costlier)", async () => {
    const modes = (await Promise.all([1, 2].map(() => server.ds.query("SHOW plan_cache_mode")))) as {
      plan_cache_mode: string;
    }[][];
    expect(modes.map((rows) => rows[0].plan_cache_mode)).toEqual(["auto", "auto"]);
  });

  it("prepares a page's statements once it repeats, and answers the same", async () => {
    // The read indexes (the facet index counts anonymous lists) built first: their rebuilds, in the
    // background since the server started, would otherwise repeat the directory version's read
    // while this page runs.
    const { programFacetIndex, eligibilityIndex } = server.deps.services;
    await programFacetIndex.refresh();
    await eligibilityIndex.refresh();
    expect(await programFacetIndex.ifCurrent()).not.toBeNull();
    const initially = await prepared();
    const first = await server.exec(PAGE);
    expectData(first);
    const fresh = first.sql.filter((sql) => !initially.includes(sql));
    expect(fresh.length).toBeGreaterThan(0);
    const before = await prepared();
    expect(fresh.filter((sql) => before.includes(sql))).toEqual([]);
    const second = await server.exec(PAGE);
    const third = await server.exec(PAGE);
    expect(second.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    expect((first.data as any).programs.totalCount).toBe(3);
    const after = await prepared();
    // Every statement of the page is a SELECT, now prepared on the connection; the directory
    // version's read is prepared on a connection of its own (pg-version-reader.test.ts).
    expect(first.sql.length).toBeGreaterThan(1);
    expect(first.sql).toContain(VERSION_SQL);
    expect(first.sql.some((sql) => /COUNT\(/i.test(sql))).toBe(false); // counted on the index
    expect(first.sql.filter((sql) => sql !== VERSION_SQL && !after.includes(sql))).toEqual([]);
  });
});
