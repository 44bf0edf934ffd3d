import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { createDirectoryApp } from "./app";
import { ConfigError, describeDatabase, loadConfig } from "./core/config";
import { createAppDeps } from "./composition/context";
import { openDataSource } from "./composition/database";
import { log } from "./core/logger";
import { prepareDatabase } from "./startup";

async function main(): Promise<void> {
  const config = loadConfig();
  // No statement outlives the operation timeout by default (PG_STATEMENT_TIMEOUT_MS overrides).
  const dataSource = await openDataSource(config.database, { statementTimeoutMs: config.http.operationTimeoutMs });
  log.info("database open", { database: describeDatabase(config.database) });
  await prepareDatabase(dataSource, config);
  const deps = createAppDeps(dataSource, config);
  const { httpServer, apollo } = await createDirectoryApp(deps);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  log.info(`IMG Program Directory listening`, {
    graphql: `http://localhost:${port}/graphql`,
    admin: `http://localhost:${port}/admin`,
    health: `http://localhost:${port}/healthz`,
    ready: `http://localhost:${port}/readyz`,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down: finishing in-flight requests", { signal });
    try {
      await apollo.stop(); // drains the HTTP server: no new connections, in-flight requests finish
      await dataSource.destroy();
      log.info("stopped cleanly");
      process.exit(0);
    } catch (e) {
      log.error("shutdown failed", { error: e });
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    console.error(`directory: ${e.message}`);
  } else if ((e as NodeJS.ErrnoException)?.code === "EADDRINUSE") {
    console.error(`directory: port ${process.env.PORT ?? 4000} is already in use (set PORT to another port)`);
  } else {
    console.error("directory: start-up failed:", e);
  }
  process.exit(1);
});
