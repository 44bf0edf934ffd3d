/**
 * The app against PostGraphile 4 on the same PostgreSQL database (BENCH_DATABASE_URL), on the
 * four workloads of bench/peer-queries.ts. Each workload is first checked once to return the same
 * programs and counts from both; then they alternate in rounds. CPU per request is each server
 * process plus the PostgreSQL backends of the database (bench/lib/pg-backends.ts). It runs at each
 * size of `settings.peerPrograms` (the full run: 20,000 and 100,000 programs, the sizes the goal
 * names), each on a database of that size.
 */
import path from "node:path";
import { Client } from "pg";
import { startChild, withChildren, type ChildServer } from "../lib/children";
import { firstDifference, post } from "../lib/http";
import { alternate } from "../lib/load";
import { BackendCpu, withBackendCpu } from "../lib/pg-backends";
import { postgresDataset } from "../lib/postgres-dataset";
import { ratio, type LoadSummary } from "../lib/stats";
import type { BenchContext, Measurement, Unavailable } from "../lib/types";
import { peerPair, PEER_WORKLOADS, type PeerPair, type PeerWorkload } from "../peer-queries";

export interface PeerWorkloadResult {
  app: LoadSummary | null;
  postgraphile: LoadSummary | null;
  /** app ÷ PostGraphile: ≥ 1 means the app serves more requests per second. */
  rpsRatio: number | null;
  /** app ÷ PostGraphile: ≤ 1 means the app spends less CPU (process + backends) per request. */
  cpuRatio: number | null;
  /** Set when the answers differ; the workload is then not timed. */
  difference?: string;
}

/** The four workloads at one directory size. */
export type PeerAtSize = { programs: number } & Record<PeerWorkload, PeerWorkloadResult>;

/** The largest size's workloads at the top (the JSON's `peer.postgraphile.<workload>`), every size in `bySize`. */
export type PeerResult = (PeerAtSize & { bySize: PeerAtSize[] }) | Unavailable;

/** A published program in the middle of the directory, for the detail workload. */
async function middleSlug(url: string): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ slug: string }>(
      `SELECT slug FROM programs WHERE status = 'PUBLISHED' ORDER BY id
       OFFSET (SELECT COUNT(*) / 2 FROM programs WHERE status = 'PUBLISHED') LIMIT 1`,
    );
    return rows[0].slug;
  } finally {
    await c.end();
  }
}

/** Both answers of one workload, reduced to what must agree: null when they do, else where not. */
export async function comparePeer(appUrl: string, peerUrl: string, pair: PeerPair): Promise<string | null> {
  const [a, p] = await Promise.all([post(appUrl, JSON.stringify(pair.app)), post(peerUrl, JSON.stringify(pair.peer))]);
  if (a.errors?.length) return `the app answered an error: ${a.errors[0].message}`;
  if (p.errors?.length) return `PostGraphile answered an error: ${p.errors[0].message}`;
  return firstDifference(pair.appDigest(a.data), pair.peerDigest(p.data));
}

/** With --profile DIR, a contender writes its .cpuprofile into DIR/<who> when it stops. */
function profiled(who: string): string[] {
  const dir = process.env.BENCH_PROFILE_DIR;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dir, who)}`] : [];
}

export const postgraphilePeer: Measurement<PeerResult> = {
  key: "postgraphile",
  title: "app vs PostGraphile 4 (PostgreSQL)",
  async run(ctx: BenchContext): Promise<PeerResult> {
    if (!process.env.BENCH_DATABASE_URL) return { value: null, reason: "BENCH_DATABASE_URL is not set" };
    const bySize: PeerAtSize[] = [];
    for (const programs of [...ctx.settings.peerPrograms].sort((a, b) => a - b)) {
      if (ctx.settings.peerPrograms.length > 1) ctx.log(`  at ${programs} programs:`);
      bySize.push(await atSize(ctx, programs));
    }
    return { ...bySize[bySize.length - 1], bySize };
  },
};

async function atSize(ctx: BenchContext, programs: number): Promise<PeerAtSize> {
  const db = await postgresDataset(ctx, programs)!;
  const env = { DATABASE_URL: db.url, RATE_LIMIT_PER_MINUTE: "0" };
  const slug = await middleSlug(db.url);
  const backends = await BackendCpu.open(db.url, db.name);
  const who = (name: string) => (ctx.settings.peerPrograms.length > 1 ? `${name}-${programs}` : name);
  try {
    return await withChildren(
      [
        startChild("app-pg", "app-server.js", env, profiled(who("app-pg"))),
        startChild("postgraphile", "postgraphile-server.js", env, profiled(who("postgraphile"))),
      ],
      async ([app, peer]) => {
        const result = { programs } as PeerAtSize;
        for (const w of PEER_WORKLOADS) result[w] = await timeWorkload(ctx, w, peerPair(w, slug), app, peer, backends);
        return result;
      },
    );
  } finally {
    await backends.close();
  }
}

async function timeWorkload(
  ctx: BenchContext,
  workload: PeerWorkload,
  pair: PeerPair,
  app: ChildServer,
  peer: ChildServer,
  backends: BackendCpu,
): Promise<PeerWorkloadResult> {
  const difference = await comparePeer(app.url, peer.url, pair);
  if (difference) {
    ctx.log(`  ${workload}: WARNING, the answers differ (${difference}); not timed`);
    return { app: null, postgraphile: null, rpsRatio: null, cpuRatio: null, difference };
  }
  ctx.log(`  ${workload}: same programs and counts from both`);
  const r = await alternate(
    [
      { name: `app ${workload}`, url: app.url, body: JSON.stringify(pair.app), server: withBackendCpu(app, backends) },
      {
        name: `postgraphile ${workload}`,
        url: peer.url,
        body: JSON.stringify(pair.peer),
        server: withBackendCpu(peer, backends),
      },
    ],
    { ...ctx.settings, seconds: ctx.settings.shortSeconds, rounds: 2, warmupSeconds: 2 },
    ctx.log,
  );
  const a = r[`app ${workload}`];
  const p = r[`postgraphile ${workload}`];
  return {
    app: a,
    postgraphile: p,
    rpsRatio: ratio(a.rps, p.rps),
    cpuRatio: ratio(a.serverCpuMsPerRequest, p.serverCpuMsPerRequest),
  };
}
