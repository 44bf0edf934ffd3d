import type { DataSource } from "typeorm";
import { Program } from "../../server/src/modules/program/program.entity";
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

const WRITES_PER_SECOND = 5;

/**
 * A curator-like writer: every 200 ms, read one program, change its description and save it
 * (TypeORM, in a transaction, with its version check), on the same database the server reads.
 */
function startWriter(ds: DataSource, maxId: number, stats: { writes: number; failures: number; ms: number[] }): () => Promise<void> {
  let n = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    const id = 1 + ((n++ * 7919) % maxId);
    const started = performance.now();
    inFlight = ds
      .transaction(async (m) => {
        const p = await m.findOneBy(Program, { id });
        if (!p) return;
        p.description = `${(p.description ?? "").slice(0, 400)} (edited by the bench writer ${n})`;
        await m.save(p);
      })
      .then(
        () => {
          stats.writes++;
          stats.ms.push(performance.now() - started);
        },
        () => void stats.failures++,
      );
  }, 1000 / WRITES_PER_SECOND);
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}

export const readsUnderWrites: Measurement<ReadsUnderWritesResult> = {
  key: "readsUnderWrites",
  title: "page-query p95 under a 5/s writer vs alone",
  async run(ctx: BenchContext) {
    const ds = ctx.deps.dataSource;
    const [{ m }] = await ds.query(`SELECT MAX(id) AS m FROM programs`);
    const stats = { writes: 0, failures: 0, ms: [] as number[] };
    const body = pageBody();
    const targets: Target[] = [
      { name: "alone", url: ctx.app.url, body, server: ctx.app },
      { name: "underWrites", url: ctx.app.url, body, server: ctx.app },
    ];
    let writeSeconds = 0;
    const results = await alternate(
      targets,
      { ...ctx.settings, seconds: ctx.settings.shortSeconds, rounds: ctx.quick ? 2 : 3, warmupSeconds: 1 },
      ctx.log,
      async (t) => {
        if (t.name !== "underWrites") return async () => {};
        const started = Date.now();
        const stop = startWriter(ds, Number(m), stats);
        return async () => {
          await stop();
          writeSeconds += (Date.now() - started) / 1000;
        };
      },
    );
    const sorted = stats.ms.sort((a, b) => a - b);
    return {
      alone: results.alone,
      underWrites: results.underWrites,
      writesPerSecond: Math.round((stats.writes / Math.max(writeSeconds, 1e-9)) * 100) / 100,
      writes: stats.writes,
      writeFailures: stats.failures,
      writeP95Ms: sorted.length ? Math.round(percentile(sorted, 95) * 100) / 100 : null,
      p95UnderWritesVsAlone: ratio(results.underWrites.p95, results.alone.p95),
    };
  },
};
