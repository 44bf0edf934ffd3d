import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express from "express";
import { curatorFromRequest } from "./core/auth";
import { createContext, type AppDeps, type Context } from "./core/context";
import { dialectOf } from "./core/data-source";
import { createFormatError } from "./core/format-error";
import { StatementCounter, withStatementCounter } from "./core/sql-counter";
import { buildDirectorySchema } from "./schema";

export interface DirectoryApp {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
}

/** Builds the HTTP app (GraphQL, health) around already-open dependencies; the caller listens. */
export async function createDirectoryApp(deps: AppDeps): Promise<DirectoryApp> {
  const schema = await buildDirectorySchema();
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const exposeDetails = deps.config.nodeEnv === "development";
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createFormatError(exposeDetails),
    includeStacktraceInErrorResponses: exposeDetails,
    introspection: true,
    // Apollo installs its cache-control plugin by default; it hooks every resolved field
    // (willResolveField), which cost ~10% of page-query throughput in `npm run bench`, and no
    // type here declares cache hints. HTTP caching for public GETs belongs at the HTTP layer.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  app.get("/healthz", async (_req, res) => {
    const started = Date.now();
    try {
      await deps.dataSource.query("SELECT 1");
      res.status(200).json({ status: "ok", database: { dialect: dialectOf(deps.dataSource), ok: true, latencyMs: Date.now() - started } });
    } catch {
      res.status(503).json({ status: "unavailable", database: { dialect: dialectOf(deps.dataSource), ok: false } });
    }
  });

  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const curator = await curatorFromRequest(deps, req.headers.authorization);
      return createContext(deps, curator, res.locals.statements as StatementCounter);
    },
  });
  // Attributing statements to requests needs AsyncLocalStorage, whose promise hooks cost ~15% of
  // a page query's CPU (npm run bench): on in development and tests, or with DEBUG_SQL.
  const countStatements = deps.config.nodeEnv !== "production" || Boolean(process.env.DEBUG_SQL);
  app.use("/graphql", express.json({ limit: "1mb" }), (req, res, next) => {
    const counter = new StatementCounter();
    res.locals.statements = counter;
    if (countStatements) withStatementCounter(counter, () => graphql(req, res, next));
    else void graphql(req, res, next);
  });

  return { app, httpServer, apollo };
}
