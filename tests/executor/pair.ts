import { createDirectoryApp, type DirectoryApp } from "../../server/src/app";
import { loadConfig } from "../../server/src/core/config";
import { type AppDeps } from "../../server/src/core/context";
import { createAppDeps, createContext } from "../../server/src/composition/context";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { createTestDatabase, openMigrated, type TestDatabase } from "../support/db";
import { factories } from "../support/factories";

/**
 * The jit executor (core/executor.ts) must answer exactly as graphql-js does. Two servers, one per
 * executor, each on its own database holding the same data, run the same operations in the same
 * order; every answer must be equal (error ids and clock times aside). Each operation runs three
 * times: the jit server runs the first on graphql-js and compiles it on the second
 * (GRAPHQL_JIT_COMPILE_AFTER=2, the default).
 */

export type Who = "anonymous" | "viewer" | "editor";

export interface Side {
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
    ...loadConfig({
      RATE_LIMIT_PER_MINUTE: "0",
      LOGIN_RATE_LIMIT_PER_MINUTE: "0",
      GRAPHQL_EXECUTOR: executor,
      GRAPHQL_JIT_COMPILE_AFTER: "2",
    }),
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
      const response = await app.apollo.executeOperation(
        { query, variables, operationName },
        { contextValue: createContext(deps, curator) },
      );
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      return { status: response.http.status ?? 200, ...response.body.singleResult };
    },
  };
}

/** Error ids are random and clock times differ between the two databases. */
const TIME_KEYS = new Set(["createdAt", "updatedAt", "lastVerifiedAt", "lastLoginAt", "expiresAt", "at"]);
export function normalise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (typeof value === "string") {
    if (key && TIME_KEYS.has(key)) return "<time>";
    if (key === "errorId") return "<error id>";
    return value.replace(/error id [0-9a-f-]{36}/, "error id <error id>");
  }
  if (value === null || typeof value !== "object") return value;
  // JSON's view: graphql-js builds data objects without a prototype, jit with one.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, normalise(v, k)]),
  );
}

// One root field: two root fields failing on concurrent statements fail in either order, on graphql-js too.
export const ERROR_FIELDS = `{ programs(first: 50, orderBy: LAST_VERIFIED) { edges { node { slug verifiedBy { name email role } } } } }`;

export interface ExecutorPair {
  readonly jit: Side;
  readonly js: Side;
  /** Runs an operation three times on each server; every answer must match graphql-js's. Returns graphql-js's last. */
  same(
    query: string,
    variables?: Record<string, unknown> | ((run: number) => Record<string, unknown>),
    who?: Who,
    operationName?: string,
  ): Promise<any>;
}

/** The file's two servers (graphql-js and jit, same seeded data), made in beforeAll and closed in afterAll. */
export function useExecutorPair(): ExecutorPair {
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

  async function same(
    query: string,
    variables?: Record<string, unknown> | ((run: number) => Record<string, unknown>),
    who: Who = "anonymous",
    operationName?: string,
  ) {
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
  return {
    get jit() {
      return jit;
    },
    get js() {
      return js;
    },
    same,
  };
}
