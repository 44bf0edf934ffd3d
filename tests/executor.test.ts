import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { getIntrospectionQuery, parse } from "graphql";
import { PAGE_QUERY } from "../bench/queries";
import { createDirectoryApp, type DirectoryApp } from "../server/src/app";
import { loadConfig } from "../server/src/core/config";
import { type AppDeps } from "../server/src/core/context";
import { createAppDeps, createContext } from "../server/src/composition/context";
import { CompiledQueries } from "../server/src/core/executor";
import { CuratorRole, type Curator } from "../server/src/modules/curator/curator.entity";
import { buildDirectorySchema } from "../server/src/composition/schema";
import { seedSampleDirectory } from "../server/src/seed/seed";
import { createTestDatabase, openMigrated, type TestDatabase } from "./support/db";
import { factories } from "./support/factories";

/**
 * The jit executor (core/executor.ts) must answer exactly as graphql-js does. Two servers, one per
 * executor, each on its own database holding the same data, run the same operations in the same
 * order; every answer must be equal (error ids and clock times aside). Each operation runs three
 * times: the jit server runs the first on graphql-js and compiles it on the second
 * (GRAPHQL_JIT_COMPILE_AFTER=2, the default).
 */

type Who = "anonymous" | "viewer" | "editor";

interface Side {
  db: TestDatabase;
  deps: AppDeps;
  app: DirectoryApp;
  curators: Record<Exclude<Who, "anonymous">, Curator>;
  base?: string;
  exec(query: string, variables?: Record<string, unknown>, who?: Who, operationName?: string): Promise<unknown>;
}

async function createSide(executor: "jit" | "graphql-js"): Promise<Side> {
  const db = await createTestDatabase();
  const ds = await openMigrated(db);
  await seedSampleDirectory(ds);
  const f = factories(ds);
  const curators = {
    viewer: await f.curator({ email: "viewer@example.org", name: "Vera Viewer", role: CuratorRole.VIEWER }),
    editor: await f.curator({ email: "editor@example.org", name: "Eddie Editor", role: CuratorRole.EDITOR }),
  };
  const config = {
    ...loadConfig({ RATE_LIMIT_PER_MINUTE: "0", LOGIN_RATE_LIMIT_PER_MINUTE: "0", GRAPHQL_EXECUTOR: executor, GRAPHQL_JIT_COMPILE_AFTER: "2" }),
    database: db.config,
  };
  const deps = createAppDeps(ds, config);
  const app = await createDirectoryApp(deps);
  return {
    db,
    deps,
    app,
    curators,
    async exec(query, variables, who = "anonymous", operationName) {
      const curator = who === "anonymous" ? null : curators[who];
      const response = await app.apollo.executeOperation({ query, variables, operationName }, { contextValue: createContext(deps, curator) });
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      return { status: response.http.status ?? 200, ...response.body.singleResult };
    },
  };
}

/** Error ids are random and clock times differ between the two databases. */
const TIME_KEYS = new Set(["createdAt", "updatedAt", "lastVerifiedAt", "lastLoginAt", "expiresAt", "at"]);
function normalise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (typeof value === "string") {
    if (key && TIME_KEYS.has(key)) return "<time>";
    if (key === "errorId") return "<error id>";
    return value.replace(/error id [0-9a-f-]{36}/, "error id <error id>");
  }
  if (value === null || typeof value !== "object") return value;
  // JSON's view: graphql-js builds data objects without a prototype, jit with one.
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, normalise(v, k)]));
}

let jit: Side;
let js: Side;
beforeAll(async () => {
  [js, jit] = [await createSide("graphql-js"), await createSide("jit")];
});
afterAll(async () => {
  for (const side of [jit, js]) {
    if (!side) continue;
    if (side.base) await side.app.apollo.stop();
    else await side.app.apollo.stop().catch(() => undefined);
    await side.deps.dataSource.destroy();
    await side.db.drop();
  }
});

/** Runs an operation three times on each server; every answer must match graphql-js's. Returns graphql-js's last. */
async function same(query: string, variables?: Record<string, unknown> | ((run: number) => Record<string, unknown>), who: Who = "anonymous", operationName?: string) {
  let last: any;
  for (let run = 0; run < 3; run++) {
    const vars = typeof variables === "function" ? variables(run) : variables;
    const expected = normalise(await js.exec(query, vars, who, operationName));
    const actual = normalise(await jit.exec(query, vars, who, operationName));
    expect({ run, answer: actual }).toEqual({ run, answer: expected });
    last = expected;
  }
  return last;
}

// One root field: two root fields failing on concurrent statements fail in either order, on graphql-js too.
const ERROR_FIELDS = `{ programs(first: 50, orderBy: LAST_VERIFIED) { edges { node { slug verifiedBy { name email role } } } } }`;

describe("jit executor answers as graphql-js does", () => {
  it("pages: the bench page query, first page and the next by cursor", async () => {
    const first = await same(PAGE_QUERY, { first: 3 });
    expect(first.data.programs.edges).toHaveLength(3);
    expect(first.data.programs.pageInfo.hasNextPage).toBe(true);
    const second = await same(PAGE_QUERY, { first: 3, after: first.data.programs.pageInfo.endCursor });
    expect(second.data.programs.edges[0].node.slug).not.toBe(first.data.programs.edges[0].node.slug);
    await same(`{ programs(first: 50) { totalCount edges { cursor node { id slug title type audience country region status version positions imgPositions
      applicationFeeCents feeCurrency sourceUrl pathway { slug name requirements { level note requirement { code } } } institution { slug name programs(first: 2) { totalCount } } } } } }`);
  });

  it("search, facets, eligibility, single records", async () => {
    await same(`query($s: String) { programs(search: $s, first: 5) { totalCount edges { node { slug } } } }`, { s: "residency" });
    await same(`{ programFacets(filter: { type: [RESIDENCY] }) { type { value label count } country { value count } } }`);
    await same(
      `query($p: CandidateProfile!) { eligibility(profile: $p, first: 5) { totalCount edges { node { program { slug } eligible missing { code } reasons } } } }`,
      { p: { stage: "GRADUATE", holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG"], needsVisa: true, scores: [{ code: "USMLE_STEP_1", score: 240 }] } },
    );
    await same(`query($slug: String) { program(slug: $slug) { slug title specialties { slug } } institution(slug: "nope") { name } }`, { slug: "us-residency-through-the-match" });
  });

  it("fragments, aliases, @skip/@include, __typename, several operations in one document", async () => {
    const query = `
      query Shapes($withInstitution: Boolean!, $skipRequirements: Boolean!) {
        a: programs(first: 2) { edges { node { ...P } } }
        b: programs(first: 1, orderBy: TITLE, orderDirection: DESC) { __typename totalCount edges { node { ... on Program { slug } ...P @include(if: $withInstitution) } } }
      }
      query Other { specialties(first: 2) { edges { node { __typename slug } } } }
      fragment P on Program { __typename id title institution @include(if: $withInstitution) { name } requirements @skip(if: $skipRequirements) { level requirement { code } } }`;
    for (const withInstitution of [true, false]) {
      for (const skipRequirements of [true, false]) await same(query, { withInstitution, skipRequirements }, "anonymous", "Shapes");
    }
    // One fragment spread under two conditions (graphql-jit once mixed their conditions up).
    const twice = `query($a: Boolean!, $b: Boolean!) {
      x: programs(first: 1) { edges { node { id ...F @include(if: $a) } } }
      y: programs(first: 1) { edges { node { id ...F @skip(if: $b) institution @include(if: $b) { city } } } }
    }
    fragment F on Program { slug institution { name } }`;
    const merged = `query($a: Boolean!, $b: Boolean = true) {
      programs(first: 2) { edges { node {
        ... @include(if: $a) { institution { name } }
        ... @include(if: $b) { institution { city } }
        ...G
      } } }
    }
    fragment G on Program { ... on Program @skip(if: $a) { specialties { slug } } institution @include(if: $b) { region ...H } }
    fragment H on Institution { slug @skip(if: $b) name }`;
    for (const [a, b] of [[true, true], [true, false], [false, true], [false, false]]) {
      await same(twice, { a, b });
      await same(merged, { a, b });
    }
    await same(merged, { a: false });
    await same(query, {}, "anonymous", "Other");
    await same(query, {}, "anonymous", "Missing"); // no such operation
    await same(query, {}); // several operations, no name
  });

  it("introspection", async () => {
    await same(getIntrospectionQuery());
    await same(`{ __type(name: "Program") { name fields { name type { kind name ofType { name } } } } __typename }`);
  });

  it("variables that do not fit: BAD_USER_INPUT, as graphql-js words it", async () => {
    const bad = await same(PAGE_QUERY, { first: "ten" });
    expect(bad.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(bad.status).toBe(400);
    await same(PAGE_QUERY, {});
    await same(PAGE_QUERY, { first: 2 ** 31 });
    await same(PAGE_QUERY, { first: null });
    const filter = `query($f: ProgramFilter, $first: Int) { programs(filter: $f, first: $first) { totalCount } }`;
    await same(filter, { f: { type: ["SABBATICAL"] } });
    await same(filter, { f: { nope: 1 } });
    await same(filter, { f: "US" });
    await same(filter, { f: { type: "RESIDENCY", country: ["US"] }, first: 1.5 });
    await same(filter, { f: { type: "RESIDENCY" } }); // a single value where a list is expected is fine
  });

  it("resolver errors: BAD_USER_INPUT, UNAUTHENTICATED and null propagation, masked internal errors", async () => {
    const refused = await same(`query($n: Int!) { programs(first: $n) { totalCount } }`, { n: 101 });
    expect(refused.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(refused.data).toBeNull();
    await same(`{ auditLog(first: 1) { totalCount } me { name } }`);
    await same(`{ me { name } programsDueForReview(first: 2) { totalCount } }`, undefined, "viewer");
    await same(`{ specialties(first: 1) { totalCount } curators(first: 1) { totalCount } }`, undefined, "editor");
    // A plain Error from a service: INTERNAL_SERVER_ERROR, message masked, null in its place.
    const spies = [jit, js].map((side) => jest.spyOn(side.deps.services.specialties, "findOne").mockRejectedValue(new Error("database on fire")));
    try {
      const masked = await same(`{ specialty(slug: "any") { name } specialties(first: 1) { totalCount } }`);
      expect(masked.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
      expect(masked.errors[0].message).not.toMatch(/fire/);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("mutations: serial execution, validation, FORBIDDEN, UNAUTHENTICATED, CONFLICT, then null propagation in lists", async () => {
    // Serial: once `a` fails (its slug is taken from the second run on), graphql-js stops and `b` never runs.
    await same(
      `mutation($s: String!) { a: createSpecialty(input: { slug: "serial-fixed", name: "Fixed" }) { slug name } b: createSpecialty(input: { slug: $s, name: "Var" }) { slug } }`,
      (run) => ({ s: `serial-${run}` }),
      "editor",
    );
    await same(`{ specialties(first: 100) { totalCount edges { node { slug name } } } }`);
    const invalid = await same(`mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`, { input: { slug: "Not A Slug", title: "x".repeat(301), type: "FELLOWSHIP", audience: "GRADUATE", country: "US" } }, "editor");
    expect(invalid.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(invalid.errors[0].extensions.fields.length).toBeGreaterThan(1);
    expect((await same(`mutation { createSpecialty(input: { slug: "nope", name: "Nope" }) { slug } }`, undefined, "viewer")).errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await same(`mutation { createSpecialty(input: { slug: "nope", name: "Nope" }) { slug } }`)).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const conflict = await same(`mutation { updateSpecialty(id: "1", version: 999, input: { name: "Stale" }) { version } }`, undefined, "editor");
    expect(conflict.errors[0].extensions.code).toBe("CONFLICT");
    await same(`mutation($id: ID!) { verifyProgram(id: $id, version: 1, note: "checked") { slug verifiedBy { name } } }`, { id: "1" }, "editor");
    // Anonymous may read verifiedBy { name } but not its email (String!): null for verifiedBy, an error per program.
    const partial = await same(ERROR_FIELDS);
    expect(partial.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    await same(ERROR_FIELDS, undefined, "viewer");
    // Errors in the order they happen: here the non-null field's error comes before the nullable one's.
    const spies = [jit, js].map((side) =>
      jest.spyOn(side.deps.services.specialties, "findOne").mockImplementation(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("late");
      }),
    );
    try {
      const two = await same(`{ specialty(slug: "any") { name } program(id: "1") { verifiedBy { email } } }`);
      expect(two.errors.map((e: any) => e.path[0])).toEqual(["program", "specialty"]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("over HTTP: POST, GET with persisted queries, status codes and Cache-Control", async () => {
    for (const side of [jit, js]) {
      await new Promise<void>((resolve) => side.app.httpServer.listen(0, "127.0.0.1", resolve));
      side.base = `http://127.0.0.1:${(side.app.httpServer.address() as AddressInfo).port}`;
    }
    const query = `query Titles($first: Int!) { programs(first: $first) { totalCount edges { node { title } } } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const get = (params: Record<string, unknown>) =>
      `/graphql?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]))}`;
    const requests: [string, RequestInit][] = [
      [get({ extensions, variables: { first: 2 } }), {}],
      [get({ query, extensions, variables: { first: 2 } }), {}],
      [get({ extensions, variables: { first: 2 } }), {}],
      [get({ extensions, variables: { first: 2 } }), {}],
      [get({ extensions, variables: { first: "two" } }), {}],
      [get({ extensions, variables: { first: 500 } }), {}],
      [get({ query: `mutation { logout }` }), {}],
      ["/graphql", { method: "POST", body: JSON.stringify({ query, variables: { first: 1 } }) }],
      ["/graphql", { method: "POST", body: JSON.stringify({ query: `{ programs(first: 100) { edges { node { institution { programs(first: 100) { edges { node { title } } } } } } } }` }) }],
      ["/graphql", { method: "POST", body: JSON.stringify({ query: ERROR_FIELDS }) }],
    ];
    for (const [path, init] of requests) {
      for (let run = 0; run < 2; run++) {
        const answers = await Promise.all(
          [js, jit].map(async (side) => {
            const res = await fetch(`${side.base}${path}`, {
              ...init,
              headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
            });
            return { path, status: res.status, cacheControl: res.headers.get("cache-control"), body: normalise(await res.json()) };
          }),
        );
        expect(answers[1]).toEqual(answers[0]);
      }
    }
  });

  it("compiled what it ran more than once, and nothing on the graphql-js server", () => {
    expect(jit.app.compiledQueries!.stats.compiled).toBeGreaterThan(10);
    expect(js.app.compiledQueries).toBeNull();
  });
});

describe("compiled query cache", () => {
  it("compiles on the Nth execution, keeps at most maxCompiled, and one-off queries never evict compiled ones", async () => {
    const schema = await buildDirectorySchema();
    const cache = new CompiledQueries(schema, { compileAfter: 2, maxCompiled: 2, maxCounted: 3 });
    const doc = (n: number) => parse(`{ programs(first: ${n}) { totalCount } }`);
    const hot = doc(1);
    expect(cache.get("hot", hot, undefined)).toBeNull();
    expect(cache.get("hot", hot, undefined)).not.toBeNull();
    expect(cache.stats).toEqual({ compiled: 1, counted: 0 });
    for (let i = 10; i < 20; i++) expect(cache.get(`once-${i}`, doc(i), undefined)).toBeNull();
    expect(cache.stats).toEqual({ compiled: 1, counted: 3 });
    expect(cache.get("hot", hot, undefined)).not.toBeNull();
    for (const key of ["b", "b", "c", "c"]) cache.get(key, doc(2), undefined);
    expect(cache.stats.compiled).toBe(2);
  });

  it("leaves the shared document as it was (jit annotates the nodes it compiles)", async () => {
    const schema = await buildDirectorySchema();
    const cache = new CompiledQueries(schema, { compileAfter: 1 });
    const document = parse(`query($x: Boolean!) { programs(first: 1) @include(if: $x) { totalCount } }`);
    const before = JSON.stringify(document);
    expect(cache.get("k", document, undefined)).not.toBeNull();
    expect(JSON.stringify(document)).toBe(before);
  });
});
