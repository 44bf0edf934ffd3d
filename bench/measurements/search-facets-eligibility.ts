/**
 * Search, facets and eligibility latency next to the page query, with realistic variables: a
 * word every synthetic cardiology title holds, one facet filter, a graduate's profile. Each runs
 * only when the schema in this build has its field, and otherwise reports null with the reason.
 */
import type { ChildServer } from "../lib/children";
import { post } from "../lib/http";
import { alternate } from "../lib/load";
import { ratio, type LoadSummary } from "../lib/stats";
import { unavailable, type BenchContext, type Measurement, type Unavailable } from "../lib/types";
import { pageBody, PAGE_QUERY } from "../queries";

export interface FeatureLatency {
  feature: LoadSummary;
  page: LoadSummary;
  p95VsPageQuery: number | null;
  /** CPU per request (process, plus the database's backends on PostgreSQL) ÷ the page query's. */
  cpuVsPageQuery: number | null;
  /** The longest the app's event loop was held while these rounds ran (perf_hooks.monitorEventLoopDelay). */
  eventLoopMaxDelayMs: number | null;
  /** Of that, the longest the main thread was running rather than waiting for a CPU (Linux only; bench/servers/loop-hold.ts). */
  eventLoopMaxOnCpuMs: number | null;
}

const SEARCH_QUERY = PAGE_QUERY.replace(
  "query BenchPage($first: Int!, $after: String)",
  "query BenchSearch($first: Int!, $after: String, $search: String)",
).replace("programs(first: $first, after: $after,", "programs(first: $first, after: $after, search: $search,");
if (!SEARCH_QUERY.includes("search: $search")) throw new Error("bench: SEARCH_QUERY no longer derives from PAGE_QUERY");
const FACETS_QUERY = `query BenchFacets($filter: ProgramFilter) {
  programFacets(filter: $filter) {
    type { value label count } audience { value label count } country { value label count } region { value label count }
    specialty { value label count } pathway { value label count } requirement { value label count }
  }
}`;
const ELIGIBILITY_QUERY = `query BenchEligibility($profile: CandidateProfile!, $filter: ProgramFilter, $first: Int, $after: String) {
  eligibility(profile: $profile, filter: $filter, first: $first, after: $after) {
    edges { node { eligible missing { code } reasons program { id title institution { name } } } }
    pageInfo { endCursor }
  }
}`;
const ELIGIBILITY_VARIABLES = {
  first: 50,
  filter: { country: ["US"] },
  profile: {
    stage: "GRADUATE",
    holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG_CERTIFICATION", "SYNTHETIC_ENGLISH_PROFICIENCY"],
    needsVisa: true,
  },
};

/** Runs `body` and the page query in alternating rounds on `app`; the feature's p95 and CPU as multiples of the page's. */
export async function versusPage(
  ctx: BenchContext,
  body: string,
  app: ChildServer = ctx.app,
): Promise<FeatureLatency | Unavailable> {
  const check = await post(app.url, body);
  if (check.errors?.length) return { value: null, reason: `the operation failed: ${check.errors[0].message}` };
  await app.ask("eventLoopReset");
  const r = await alternate(
    [
      { name: "feature", url: app.url, body, server: app },
      { name: "page", url: app.url, body: pageBody(), server: app },
    ],
    { ...ctx.settings, seconds: ctx.settings.shortSeconds, rounds: 2, warmupSeconds: 1 },
    ctx.log,
  );
  const eventLoopMaxDelayMs = Math.round((await app.ask("eventLoopMaxMs")) * 10) / 10;
  const eventLoopMaxOnCpuMs = Math.round((await app.ask("eventLoopMaxOnCpuMs")) * 10) / 10;
  return {
    feature: r.feature,
    page: r.page,
    p95VsPageQuery: ratio(r.feature.p95, r.page.p95),
    cpuVsPageQuery: ratio(r.feature.serverCpuMsPerRequest, r.page.serverCpuMsPerRequest),
    eventLoopMaxDelayMs: Number.isFinite(eventLoopMaxDelayMs) ? eventLoopMaxDelayMs : null,
    eventLoopMaxOnCpuMs: Number.isFinite(eventLoopMaxOnCpuMs) ? eventLoopMaxOnCpuMs : null,
  };
}

export const searchBody = () =>
  JSON.stringify({ query: SEARCH_QUERY, variables: { first: 50, after: null, search: "cardiology" } });
export const facetsBody = () => JSON.stringify({ query: FACETS_QUERY, variables: { filter: { type: ["RESIDENCY"] } } });

/** The eligibility page after `pages - 1` others (a candidate paging on). */
export async function eligibilityBody(url: string, pages: number): Promise<string> {
  return eligibilityBodyVia((body) => post(url, body), pages);
}

/** As eligibilityBody, with the earlier pages asked through `ask` (in-process tools run no server). */
export async function eligibilityBodyVia(ask: (body: string) => Promise<any>, pages: number): Promise<string> {
  let after: string | null = null;
  for (let i = 1; i < pages; i++) {
    const r: any = await ask(
      JSON.stringify({ query: ELIGIBILITY_QUERY, variables: { ...ELIGIBILITY_VARIABLES, after } }),
    );
    after = r.data?.eligibility?.pageInfo?.endCursor ?? null;
  }
  return JSON.stringify({ query: ELIGIBILITY_QUERY, variables: { ...ELIGIBILITY_VARIABLES, after } });
}

export const search: Measurement<FeatureLatency | Unavailable> = {
  key: "search",
  title: "full-text search page",
  run: async (ctx) =>
    ctx.schemaHas("Query", "programs", "search") ? versusPage(ctx, searchBody()) : unavailable("programs(search:)"),
};

export const facets: Measurement<FeatureLatency | Unavailable> = {
  key: "facets",
  title: "facet counts",
  run: async (ctx) =>
    ctx.schemaHas("Query", "programFacets") ? versusPage(ctx, facetsBody()) : unavailable("programFacets"),
};

export const eligibility: Measurement<FeatureLatency | Unavailable> = {
  key: "eligibility",
  title: "eligibility for a candidate (first page)",
  run: async (ctx) =>
    ctx.schemaHas("Query", "eligibility")
      ? versusPage(ctx, await eligibilityBody(ctx.app.url, 1))
      : unavailable("eligibility"),
};

export const eligibilityPage3: Measurement<FeatureLatency | Unavailable> = {
  key: "eligibilityPage3",
  title: "eligibility for a candidate (third page)",
  run: async (ctx) =>
    ctx.schemaHas("Query", "eligibility")
      ? versusPage(ctx, await eligibilityBody(ctx.app.url, 3))
      : unavailable("eligibility"),
};
