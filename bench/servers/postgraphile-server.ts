/**
 * Contender: PostGraphile 4, the peer a team would pick for GraphQL over PostgreSQL, on the
 * bench's PostgreSQL database (DATABASE_URL), with the options its docs give for production:
 * no GraphiQL, no query log, JSON as values, RBAC honoured, non-null set-returning functions, no
 * schema watching, and the connection-filter plugin (the page workload's `type IN (…)`).
 */
import "./postgraphile-graphql";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "pg";
import { postgraphile } from "postgraphile";
import ConnectionFilterPlugin from "postgraphile-plugin-connection-filter";
import { answerCpuQuestions } from "../lib/children";

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("postgres")) throw new Error("the PostGraphile contender needs a PostgreSQL DATABASE_URL");

// Connections stay open (idleTimeoutMillis 0) so that the bench can read their backends' CPU time.
const pool = new Pool({ connectionString: url, max: 10, idleTimeoutMillis: 0 });
const handler = postgraphile(pool, "public", {
  graphiql: false,
  enhanceGraphiql: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  ignoreIndexes: true,
  watchPg: false,
  retryOnInitFail: false,
  extendedErrors: [],
  showErrorStack: false,
  legacyRelations: "omit",
  appendPlugins: [ConnectionFilterPlugin],
  graphileBuildOptions: { connectionFilterRelations: false, connectionFilterComputedColumns: false },
});

const server = http.createServer(handler);
server.listen(0, "127.0.0.1", () => {
  process.send!({ port: (server.address() as AddressInfo).port });
});
process.on("message", (msg) => {
  if (msg !== "stop") return;
  server.close();
  void pool.end().finally(() => process.exit(0));
});
answerCpuQuestions();
