import type { ChildServer } from "../lib/children";
import { firstDifference, post } from "../lib/http";
import { alternate } from "../lib/load";
import { ratio, type LoadSummary } from "../lib/stats";
import type { BenchContext, Measurement, Settings } from "../lib/types";
import { pageBody } from "../queries";

export interface PageQueryResult {
  verified: boolean;
  difference: string | null;
  app: LoadSummary;
  floor: LoadSummary;
  throughputVsFloor: number | null;
  p50VsFloor: number | null;
  p95VsFloor: number | null;
  p99VsFloor: number | null;
  /** Server CPU time per request, app over floor: the cost ratio, robust to other load on the machine. */
  cpuPerRequestVsFloor: number | null;
}

/** Checks once that the app and the floor answer the same data (two pages, so cursors agree too). */
export async function verifySamePayload(app: ChildServer, floor: ChildServer): Promise<string | null> {
  const first = [await post(app.url, pageBody()), await post(floor.url, pageBody())];
  const diff = firstDifference(first[0], first[1]);
  if (diff) return diff;
  if (first[0].errors || !first[0].data?.programs?.edges?.length)
    return `the app answered no page: ${JSON.stringify(first[0]).slice(0, 200)}`;
  const after = first[0].data.programs.pageInfo.endCursor;
  return firstDifference(await post(app.url, pageBody(50, after)), await post(floor.url, pageBody(50, after)));
}

/** The page query through the real HTTP server against the floor, alternating after warm-up. */
export async function comparePageQuery(
  app: ChildServer,
  floor: ChildServer,
  settings: Settings,
  log: (l: string) => void,
): Promise<PageQueryResult> {
  const difference = await verifySamePayload(app, floor);
  if (difference) log(`  WARNING: app and floor payloads differ at ${difference}`);
  else log("  verified: app and floor return the same two pages");
  const body = pageBody();
  const results = await alternate(
    [
      { name: "app", url: app.url, body, server: app },
      { name: "floor", url: floor.url, body, server: floor },
    ],
    settings,
    log,
  );
  const [a, f] = [results.app, results.floor];
  return {
    verified: difference === null,
    difference,
    app: a,
    floor: f,
    throughputVsFloor: ratio(a.rps, f.rps),
    p50VsFloor: ratio(a.p50, f.p50),
    p95VsFloor: ratio(a.p95, f.p95),
    p99VsFloor: ratio(a.p99, f.p99),
    cpuPerRequestVsFloor: ratio(a.serverCpuMsPerRequest, f.serverCpuMsPerRequest),
  };
}

export const pageQuery: Measurement<PageQueryResult> = {
  key: "pageQuery",
  title: "page query vs floor (SQLite)",
  run: (ctx: BenchContext) => comparePageQuery(ctx.app, ctx.floor, ctx.settings, ctx.log),
};
