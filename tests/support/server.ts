import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { ApolloServer } from "@apollo/server";
import type { Express } from "express";
import type { DataSource } from "typeorm";
import { createDirectoryApp } from "../../server/src/app";
import { loadConfig, type AppConfig } from "../../server/src/core/config";
import { type AppDeps, type Context } from "../../server/src/core/context";
import { createAppDeps, createContext } from "../../server/src/composition/context";
import { StatementCounter, withStatementCounter } from "../../server/src/core/sql-counter";
import type { Curator } from "../../server/src/modules/curator/curator.entity";
import { createTestDatabase, openMigrated, resetDatabase, type TestDatabase } from "./db";

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  /** SQL statements the operation issued. */
  statements: number;
  /** Their text (the first 200). */
  sql: string[];
}

export interface TestServer {
  ds: DataSource;
  deps: AppDeps;
  config: AppConfig;
  apollo: ApolloServer<Context>;
  /** The Express app (its settings; requests go through `listen()`). */
  app: Express;
  /** Runs an operation through Apollo (formatError included), as `curator` or anonymously. */
  exec<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Curator | null,
  ): Promise<GqlResult<T>>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A TestServer that `listen()` also serves over HTTP on a free loopback port. */
export type ListeningTestServer = TestServer & { listen(): Promise<string> };

/**
 * One migrated database and one Apollo server; a test file usually gets it from `useTestServer()`,
 * which creates it in beforeAll and closes it in afterAll.
 */
export async function createTestServer(env: Record<string, string> = {}): Promise<ListeningTestServer> {
  const db: TestDatabase = await createTestDatabase();
  const ds = await openMigrated(db);
  // Rate limits are off in tests unless a test turns them on through `env`.
  // Stored snapshots go to a temporary folder unless a test names one.
  const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshots-"));
  // GRAPHQL_EXECUTOR and GRAPHQL_JIT_COMPILE_AFTER pass through, so the whole suite can run on
  // either executor (GRAPHQL_JIT_COMPILE_AFTER=1 compiles every operation on its first run).
  const executorEnv = Object.fromEntries(
    ["GRAPHQL_EXECUTOR", "GRAPHQL_JIT_COMPILE_AFTER"].flatMap((name) =>
      process.env[name] ? [[name, process.env[name]!]] : [],
    ),
  );
  const config = {
    ...loadConfig({
      RATE_LIMIT_PER_MINUTE: "0",
      LOGIN_RATE_LIMIT_PER_MINUTE: "0",
      SNAPSHOT_DIR: snapshotDir,
      ...executorEnv,
      ...env,
    }),
    database: db.config,
  };
  const deps = createAppDeps(ds, config);
  const { app, apollo, httpServer } = await createDirectoryApp(deps);
  let listening = false;
  return {
    ds,
    deps,
    config,
    apollo,
    app,
    async exec(query, variables, as = null) {
      const counter = new StatementCounter();
      const response = await withStatementCounter(counter, () =>
        apollo.executeOperation({ query, variables }, { contextValue: createContext(deps, as, counter) }),
      );
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      const { data, errors } = response.body.singleResult;
      return {
        data: data as any,
        errors: errors as GqlResult["errors"],
        statements: counter.count,
        sql: counter.statements,
      };
    },
    reset: () => resetDatabase(ds),
    async listen() {
      await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
      listening = true;
      const { port } = httpServer.address() as AddressInfo;
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      if (listening) await apollo.stop();
      else await apollo.stop().catch(() => undefined);
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    },
  };
}

export interface UseTestServerOptions {
  /** Settings the server's config reads, over the test defaults (rate limits off, a temporary SNAPSHOT_DIR). */
  env?: Record<string, string>;
  /** Also serve it over HTTP on a free loopback port; its address is then `base`. */
  listen?: boolean;
  /** Empty the database before each test (a file's own beforeEach, declared after, runs after the reset). */
  reset?: boolean;
}

export interface TestServerHandle extends ListeningTestServer {
  /** The HTTP address (`http://127.0.0.1:port`) when created with `listen: true`. */
  readonly base: string;
}

/**
 * The per-file server: registers Jest's beforeAll (create, and listen when asked), afterAll (close) and, with
 * `reset`, beforeEach (reset). Call it at the top of a file or describe block. The handle forwards to the server
 * created in beforeAll, so it can be captured before the server exists; a file's extra setup goes in a beforeAll
 * declared after it (Jest runs hooks in declaration order).
 */
export function useTestServer(options: UseTestServerOptions = {}): TestServerHandle {
  let current: ListeningTestServer | undefined;
  let base: string | undefined;
  beforeAll(async () => {
    current = await createTestServer(options.env);
    if (options.listen) base = await current.listen();
  });
  afterAll(async () => {
    const server = current;
    current = undefined;
    await server?.close();
  });
  if (options.reset) beforeEach(() => live().reset());

  function live(): ListeningTestServer {
    if (!current) throw new Error("useTestServer: the server exists only between its beforeAll and afterAll");
    return current;
  }
  return {
    get ds() {
      return live().ds;
    },
    get deps() {
      return live().deps;
    },
    get config() {
      return live().config;
    },
    get apollo() {
      return live().apollo;
    },
    get app() {
      return live().app;
    },
    get base() {
      if (base === undefined) throw new Error("useTestServer: `base` needs { listen: true }");
      return base;
    },
    exec: (query, variables, as) => live().exec(query, variables, as),
    reset: () => live().reset(),
    listen: () => live().listen(),
    close: () => live().close(),
  };
}
