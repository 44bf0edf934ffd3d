import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express from "express";
import { adminStatic } from "./core/admin-static";
import { sessionFromRequest } from "./core/auth";
import { siteStatic } from "./core/site-static";
import { type AppDeps, type Context } from "./core/context";
import { createContext } from "./composition/context";
import { localeFromAcceptLanguage } from "./core/locale";
import { dialectOf } from "./core/data-source";
import { nextTurn } from "./core/event-loop";
import { explorerRoutes } from "./core/explorer";
import { jitGateway, type CompiledQueries } from "./core/executor";
import { createFormatError } from "./core/format-error";
import {
  corsGuard,
  finalErrorHandler,
  jsonBody,
  notFoundRoute,
  operationDeadline,
  operationTimeout,
  rateLimits,
} from "./core/http-guards";
import { cacheControlPlugin, GRAPHQL_VARY } from "./core/cache-control";
import { costLimitPlugin, limitRules } from "./core/limits";
import { NoSubscriptionsRule } from "./core/no-subscriptions";
import { nameFrequentStatements } from "./core/pg-named-statements";
import { PostgresOperationGuard } from "./core/pg-operation-guard";
import { StatementCounter, withStatementCounter } from "./core/sql-counter";
import { changesNdjsonHandler } from "./modules/feed/feed.http";
import { snapshotDownloadHandler } from "./modules/snapshot/snapshot.http";
import { buildDirectorySchema } from "./composition/schema";

/** How long an idle keep-alive connection stays open: longer than a load balancer's idle timeout. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** A SELECT is prepared on its second run; at most this many texts per process (each backend holds each once). */
const NAMED_STATEMENTS = { nameAfter: 2, maxNamed: 200 };

export interface DirectoryApp {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** The jit executor's compiled operations (null with GRAPHQL_EXECUTOR=graphql-js). */
  compiledQueries: CompiledQueries | null;
}

/** Builds the HTTP app (GraphQL, health) around already-open dependencies; the caller listens. */
export async function createDirectoryApp(deps: AppDeps): Promise<DirectoryApp> {
  // Before this process can start an export of its own: whatever .partial file exists is a leftover.
  deps.services.snapshots.removeLeftoverPartials();
  const schema = await buildDirectorySchema();
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false); // GET /graphql answers get theirs below
  // Express reads NODE_ENV itself and treats unset as development; the app's own default is production.
  app.set("env", deps.config.nodeEnv);
  // Behind a load balancer, the client address (login rate limits) comes from X-Forwarded-For.
  app.set("trust proxy", deps.config.trustProxy);
  const httpServer = http.createServer(app);
  // An idle keep-alive connection is closed by the side that times out first; a client (or a load
  // balancer, 60 s idle on the usual ones) reusing it at that moment gets ECONNRESET (or a 502).
  // Node's 5 s default loses that race on a loaded machine; outlast the proxy instead.
  httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const exposeDetails = deps.config.nodeEnv === "development";
  // GRAPHQL_EXECUTOR=jit (default): operations run often run compiled by graphql-jit, plugged in
  // through Apollo's `gateway` option, its only way to replace execution (core/executor.ts).
  const gateway = deps.config.executor.kind === "jit" ? jitGateway(schema, deps.config.executor) : null;
  const schemaOrGateway = gateway ? { gateway } : { schema };
  const apollo = new ApolloServer<Context>({
    ...schemaOrGateway,
    formatError: createFormatError(exposeDetails),
    includeStacktraceInErrorResponses: exposeDetails,
    introspection: true,
    allowBatchedHttpRequests: false,
    // GET works for queries (mutations need POST); CSRF prevention stays on, so a GET needs a
    // non-simple header such as `apollo-require-preflight: true`. APQ uses Apollo's in-memory LRU cache.
    csrfPrevention: true,
    persistedQueries: {},
    validationRules: [...limitRules(deps.config.limits), NoSubscriptionsRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(), // ours decides the header (core/cache-control.ts)
      // Browsers get the self-hosted explorer (core/explorer.ts), not Apollo's CDN-loaded Sandbox.
      ApolloServerPluginLandingPageDisabled(),
      // Not a federation subgraph: Apollo would otherwise install its inline-trace plugin, which
      // finds that out on every request.
      ApolloServerPluginInlineTraceDisabled(),
      costLimitPlugin<Context>(deps.config.limits.maxCost),
      cacheControlPlugin(deps.config.publicCacheMaxAge),
      // The webhook outbox is drained while the app serves, and stops (after its round in flight) with it.
      {
        async serverWillStart() {
          deps.services.webhookDrainer.start();
          // Built in the background: until they are current, facet counts and eligibility come from SQL.
          void deps.services.programFacetIndex.refresh().then(() => deps.services.eligibilityIndex.refresh());
          return { serverWillStop: () => deps.services.webhookDrainer.stop() };
        },
      },
    ],
  });
  await apollo.start();

  // One per-address limit (one store, one sweep, one memory of refused addresses) for every public route.
  const requestLimit = rateLimits(deps.config.http, deps.dataSource);
  // GraphQL first: its requests are the most frequent, and no route before it shares its path.
  // GraphiQL for a browser opening /graphql (no operation, HTML preferred); its files under /explorer.
  const explorer = explorerRoutes();
  app.get("/graphql", explorer.page);

  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const session = await sessionFromRequest(deps, req.headers.authorization);
      return createContext(deps, session?.curator ?? null, res.locals.statements as StatementCounter, {
        sessionId: session?.sessionId ?? null,
        clientAddress: req.ip ?? null,
        locale: localeFromAcceptLanguage(req.headers["accept-language"]),
      });
    },
  });
  // Attributing statements to requests needs AsyncLocalStorage, whose promise hooks cost ~15% of
  // a page query's CPU (npm run bench): on in development and tests, or with DEBUG_SQL. On
  // PostgreSQL the operation guard needs one in every case: it is what keeps the pool available.
  const countStatements = deps.config.nodeEnv !== "production" || Boolean(process.env.DEBUG_SQL);
  const limits = deps.config.http;
  // On PostgreSQL a timed-out operation's statements are cancelled and its pool connections freed.
  const dialect = dialectOf(deps.dataSource);
  const pgGuard = dialect === "postgres" ? PostgresOperationGuard.for(deps.dataSource) : null;
  // On PostgreSQL, reads run often are prepared once per connection (core/pg-named-statements.ts).
  if (pgGuard) nameFrequentStatements(deps.dataSource, NAMED_STATEMENTS);
  // On SQLite, whose reads are synchronous, one operation starts per turn of the event loop, however
  // many arrived together (core/event-loop.ts). On PostgreSQL every statement gives the loop back,
  // and the extra turn cost 9% of a count's CPU (docs/BENCHMARKS.md).
  const oneOperationPerTurn: express.RequestHandler[] =
    dialect === "sqlite" ? [(_req, _res, next) => void nextTurn().then(() => next())] : [];
  const runOperation: express.RequestHandler = (req, res, next) => {
    // A request with credentials is never cacheable, even when it fails before any plugin runs
    // (an invalid token is refused while the context is built).
    if (req.headers.authorization) res.set("Cache-Control", "private, no-store");
    res.vary(GRAPHQL_VARY); // set again by core/cache-control.ts once the operation ran
    const counter = new StatementCounter();
    res.locals.statements = counter;
    const run = () =>
      countStatements ? withStatementCounter(counter, () => graphql(req, res, next)) : graphql(req, res, next);
    const deadline = operationDeadline(res);
    void (pgGuard && deadline ? pgGuard.run(deadline, run) : run());
  };
  // Answers to POST carry no ETag: no cache revalidates a POST, and Express hashes every answer it
  // sends to make one (SHA-1 over up to hundreds of KB; 3–7% of a request's CPU, docs/BENCHMARKS.md).
  // So the app makes none (its other JSON answers, health and errors, are never revalidated either:
  // snapshots and static files set their own). GET answers, which a cache may revalidate with
  // If-None-Match, go through a mounted app that makes them. Mounting costs each request it serves
  // two prototype switches and a second router (~10% of a count's CPU), so POST, the frequent
  // method, does not go through it. A mounted app inherits the settings not set here (trust proxy, env).
  const getAnswers = express();
  getAnswers.disable("x-powered-by");
  getAnswers.set("etag", "weak");
  getAnswers.use(runOperation);
  app.use(
    "/graphql",
    corsGuard(limits),
    ...jsonBody(limits),
    ...requestLimit,
    operationTimeout(limits),
    ...oneOperationPerTurn,
    (req, res, next) => (req.method === "POST" ? runOperation(req, res, next) : next()),
    getAnswers,
  );

  app.get("/healthz", async (_req, res) => {
    const started = Date.now();
    try {
      await deps.dataSource.query("SELECT 1");
      res.status(200).json({
        status: "ok",
        database: { dialect: dialectOf(deps.dataSource), ok: true, latencyMs: Date.now() - started },
      });
    } catch {
      res.status(503).json({ status: "unavailable", database: { dialect: dialectOf(deps.dataSource), ok: false } });
    }
  });

  // Readiness: the database answers and the in-process read indexes have had their first build, so
  // facet counts, eligibility and counts do not fall back to SQL for the instance's first requests.
  app.get("/readyz", async (_req, res) => {
    const indexes = Object.fromEntries(
      [deps.services.programFacetIndex, deps.services.eligibilityIndex].map((index) => [index.name, index.state()]),
    );
    const ready = Object.values(indexes).every((state) => state !== "building");
    try {
      await deps.dataSource.query("SELECT 1");
      res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "starting", database: { ok: true }, indexes });
    } catch {
      res.status(503).json({ status: "unavailable", database: { ok: false }, indexes });
    }
  });

  app.get("/snapshots/:file", snapshotDownloadHandler(deps));
  // The public change feed as NDJSON: public like /graphql's reads, so the same CORS and rate limit.
  app.get("/changes.ndjson", corsGuard(deps.config.http), ...requestLimit, changesNdjsonHandler(deps));
  app.use("/admin", adminStatic());
  app.use("/explorer", explorer.assets);
  // The public site at / (its own routes and assets; after every API route, so it shadows none).
  app.use(siteStatic());

  // Last: every other address is a JSON 404, and every error a JSON answer (no HTML, stack or path).
  app.use(notFoundRoute);
  app.use(finalErrorHandler);

  return { app, httpServer, apollo, compiledQueries: gateway?.cache ?? null };
}
