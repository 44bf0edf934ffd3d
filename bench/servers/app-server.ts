/**
 * Contender: the real directory server (createDirectoryApp), on DATABASE_URL, on an ephemeral
 * loopback port. Tells its parent the port over IPC and stops when told.
 */
import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { answerCpuQuestions } from "../lib/children";
import { createDirectoryApp } from "../../server/src/app";
import { loadConfig } from "../../server/src/core/config";
import { createAppDeps } from "../../server/src/composition/context";
import { openDataSource } from "../../server/src/composition/database";
import { loopHoldOnCpu } from "./loop-hold";
import { logSlowStatements, replaySlowStatements } from "./slow-statements";

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await openDataSource(config.database);
  if (process.env.BENCH_SLOW_SQL_DIR) logSlowStatements(ds, process.env.BENCH_SLOW_SQL_DIR);
  const { httpServer, apollo } = await createDirectoryApp(createAppDeps(ds, config));
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  process.on("message", async (msg) => {
    if (msg !== "stop") return;
    if (process.env.BENCH_SLOW_SQL_DIR) await replaySlowStatements(ds);
    await apollo.stop();
    await ds.destroy();
    process.exit(0);
  });
  const port = (httpServer.address() as AddressInfo).port;
  await untilReady(port);
  process.send!({ port });
}

/**
 * Waits until the instance says it is ready (`/readyz`: its read indexes built), as a balancer
 * would before sending it traffic: the bench measures a serving instance, not its first build.
 */
async function untilReady(port: number): Promise<void> {
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

main().catch((e) => {
  console.error("bench app server failed:", e);
  process.exit(1);
});

answerCpuQuestions();

// How long the event loop was held (the longest delay since the last reset) and the process's RSS.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const onCpu = loopHoldOnCpu();
process.on("message", (msg) => {
  if (msg === "eventLoopReset") {
    loopDelay.reset();
    onCpu.reset();
    process.send!({ answer: msg, value: 0 });
  } else if (msg === "eventLoopMaxMs") process.send!({ answer: msg, value: loopDelay.max / 1e6 });
  else if (msg === "eventLoopMaxOnCpuMs") process.send!({ answer: msg, value: onCpu.maxMs() ?? NaN });
  else if (msg === "rss") process.send!({ answer: msg, value: process.memoryUsage().rss / 1048576 });
});
