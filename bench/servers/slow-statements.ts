/**
 * With `npm run bench -- --profile DIR`, each app contender writes the statements that took over
 * 50 ms, with the database's plan for each, to DIR/slow-statements-<pid>.log (TypeORM's slow-query
 * hook: statements SQLite runs on its read worker thread are not seen here).
 *
 * Under the bench's load a statement's time as the app sees it is mostly waiting: for a CPU (two
 * cores, eight connections, the load generator, the database) and for the event loop to read the
 * answer. So each is marked public (run by a request) or background (index rebuilds, the webhook
 * drainer: PostgreSQL's operation guard tells them apart), and when the app stops, each distinct
 * public read is run again on the quiet machine with `EXPLAIN ANALYZE` (PostgreSQL) or timed
 * (SQLite): DIR/slow-statements-<pid>.replayed.json holds what the database itself took, which is
 * what the goal "no public statement over 50 ms" judges.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { DataSource } from "typeorm";
import { dialectOf } from "../../server/src/core/data-source";
import { PostgresOperationGuard } from "../../server/src/core/pg-operation-guard";

export const SLOW_STATEMENT_MS = 50;
/** At most this many distinct statements are run again, within this time (the bench stops a child after 10 s). */
const REPLAY_AT_MOST = 25;
const REPLAY_BUDGET_MS = 7_000;

export interface ReplayedStatement {
  query: string;
  /** The longest time the app saw under load. */
  underLoadMs: number;
  timesLogged: number;
  /**
   * What the database took to run it again on a quiet machine (PostgreSQL: planning + execution),
   * the fastest of REPLAY_RUNS runs: a serving instance runs it with its pages in memory.
   */
  replayedMs: number | null;
  /** The first of those runs (the pages the load did not touch may still come from disk). */
  firstReplayMs: number | null;
}

/** Runs of each slow statement when it is run again. */
const REPLAY_RUNS = 3;

const publicReads = new Map<string, { parameters: unknown[]; underLoadMs: number; timesLogged: number }>();
let replayFile: string | null = null;

export function logSlowStatements(ds: DataSource, dir: string): void {
  const file = path.join(dir, `slow-statements-${process.pid}.log`);
  replayFile = path.join(dir, `slow-statements-${process.pid}.replayed.json`);
  fs.mkdirSync(dir, { recursive: true });
  (ds.driver.options as { maxQueryExecutionTime?: number }).maxQueryExecutionTime = SLOW_STATEMENT_MS;
  const postgres = dialectOf(ds) === "postgres";
  const explain = postgres ? "EXPLAIN" : "EXPLAIN QUERY PLAN";
  // SQLite has no operation guard: every statement it sees counts as public.
  const guard = postgres ? PostgresOperationGuard.for(ds) : null;
  ds.logger.logQuerySlow = (ms: number, query: string, parameters?: unknown[]) => {
    if (/^\s*(EXPLAIN|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) return;
    const kind = guard && !guard.inOperation() ? "background" : "public";
    if (kind === "public" && /^\s*(SELECT|WITH)\b/i.test(query)) {
      const seen = publicReads.get(query);
      if (seen) {
        seen.underLoadMs = Math.max(seen.underLoadMs, ms);
        seen.timesLogged++;
      } else publicReads.set(query, { parameters: parameters ?? [], underLoadMs: ms, timesLogged: 1 });
    }
    void ds
      .query(`${explain} ${query}`, parameters)
      .then((rows: Record<string, unknown>[]) => rows.map((r) => Object.values(r).join(" ")).join("\n"))
      .catch((e: Error) => `(no plan: ${e.message})`)
      .then((plan) =>
        fs.promises.appendFile(
          file,
          `-- ${ms} ms (${kind})\n${query}\n-- parameters: ${JSON.stringify(parameters ?? []).slice(0, 500)}\n${plan}\n\n`,
        ),
      );
  };
}

/** Runs each distinct public read logged as slow again, now that the load has stopped, and writes what it took. */
export async function replaySlowStatements(ds: DataSource): Promise<void> {
  if (!replayFile) return;
  const postgres = dialectOf(ds) === "postgres";
  const started = performance.now();
  const out: ReplayedStatement[] = [];
  const slowest = [...publicReads].sort((a, b) => b[1].underLoadMs - a[1].underLoadMs);
  for (const [query, seen] of slowest) {
    const runs: number[] = [];
    if (out.length < REPLAY_AT_MOST && performance.now() - started < REPLAY_BUDGET_MS) {
      try {
        for (let run = 0; run < REPLAY_RUNS; run++) runs.push(await timeOnce(ds, postgres, query, seen.parameters));
      } catch {
        runs.length = 0;
      }
    }
    out.push({
      query,
      underLoadMs: seen.underLoadMs,
      timesLogged: seen.timesLogged,
      replayedMs: runs.length ? Math.min(...runs) : null,
      firstReplayMs: runs[0] ?? null,
    });
  }
  fs.writeFileSync(replayFile, JSON.stringify(out, null, 2) + "\n");
}

/** One run of a statement, in ms: PostgreSQL's own planning and execution time (without per-node timing), else as timed here. */
async function timeOnce(ds: DataSource, postgres: boolean, query: string, parameters: unknown[]): Promise<number> {
  if (postgres) {
    const [row] = await ds.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${query}`, parameters);
    const [plan] = row["QUERY PLAN"] as { "Planning Time": number; "Execution Time": number }[];
    return plan["Planning Time"] + plan["Execution Time"];
  }
  const t = performance.now();
  await ds.query(query, parameters);
  return performance.now() - t;
}
