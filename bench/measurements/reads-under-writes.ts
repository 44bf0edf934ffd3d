import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { alternate, type Target } from "../lib/load";
import { percentile, ratio, type LoadSummary } from "../lib/stats";
import type { BenchContext, Measurement } from "../lib/types";
import { pageBody } from "../queries";

export interface ReadsUnderWritesResult {
  alone: LoadSummary;
  underWrites: LoadSummary;
  writesPerSecond: number;
  writes: number;
  writeFailures: number;
  writeP95Ms: number | null;
  p95UnderWritesVsAlone: number | null;
}

interface WriterStats {
  writes: number;
  failures: number;
  ms: number[];
  seconds: number;
}

function ask<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (!(key in m)) return;
      child.off("message", on);
      resolve(m[key] as T);
    };
    child.on("message", on);
    child.send(message);
  });
}

/** Page-query latency while a separate writer process updates programs at 5/s, against reads alone. */
export const readsUnderWrites: Measurement<ReadsUnderWritesResult> = {
  key: "readsUnderWrites",
  title: "page-query p95 under a 5/s writer vs alone",
  async run(ctx: BenchContext) {
    const writer = fork(path.join(__dirname, "..", "servers", "writer.js"), [], {
      env: { ...process.env, DATABASE_URL: ctx.databaseUrl, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const all: WriterStats[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        writer.once("message", () => resolve());
        writer.once("exit", (code) => reject(new Error(`the writer exited with ${code}`)));
      });
      writer.removeAllListeners("exit");
      const body = pageBody();
      const targets: Target[] = [
        { name: "alone", url: ctx.app.url, body, server: ctx.app },
        { name: "underWrites", url: ctx.app.url, body, server: ctx.app },
      ];
      const results = await alternate(
        targets,
        { ...ctx.settings, seconds: ctx.settings.shortSeconds, rounds: ctx.quick ? 2 : 3, warmupSeconds: 1 },
        ctx.log,
        async (t) => {
          if (t.name !== "underWrites") return async () => {};
          await ask(writer, "start", "started");
          return async () => void all.push(await ask<WriterStats>(writer, "stop", "stats"));
        },
      );
      const ms = all.flatMap((s) => s.ms).sort((a, b) => a - b);
      const writes = all.reduce((a, s) => a + s.writes, 0);
      const seconds = all.reduce((a, s) => a + s.seconds, 0);
      return {
        alone: results.alone,
        underWrites: results.underWrites,
        writesPerSecond: Math.round((writes / Math.max(seconds, 1e-9)) * 100) / 100,
        writes,
        writeFailures: all.reduce((a, s) => a + s.failures, 0),
        writeP95Ms: ms.length ? Math.round(percentile(ms, 95) * 100) / 100 : null,
        p95UnderWritesVsAlone: ratio(results.underWrites.p95, results.alone.p95),
      };
    } finally {
      writer.send("exit");
    }
  },
};
