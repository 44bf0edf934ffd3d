/**
 * Search, facets and eligibility latency next to the page query, with realistic variables: a
 * word every synthetic cardiology title holds, one facet filter, a graduate's profile. Each runs
 * only when the schema in this build has its field, and otherwise reports null with the reason.
 */
import { post } from "../lib/http";
import { alternate } from "../lib/load";
import { ratio, type LoadSummary } from "../lib/stats";
import { unavailable, type BenchContext, type Measurement, type Unavailable } from "../lib/types";
import { pageBody, PAGE_QUERY } from "../queries";

export interface FeatureLatency {
  feature: LoadSummary;
  page: LoadSummary;
  p95VsPageQuery: number | null;
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
const ELIGIBILITY_QUERY = `query BenchEligibility($profile: CandidateProfile!, $filter: ProgramFilter, $first: Int) {
  eligibility(profile: $profile, filter: $filter, first: $first) {
    edges { node { eligible missing { code } reasons program { id title institution { name } } } }
  }
}`;

/** Runs `body` and the page query in alternating rounds; the feature's p95 as a multiple of the page's. */
export async function versusPage(ctx: BenchContext, body: string): Promise<FeatureLatency | Unavailable> {
  const check = await post(ctx.app.url, body);
  if (check.errors?.length) return { value: null, reason: `the operation failed: ${check.errors[0].message}` };
  const r = await alternate(
    [
      { name: "feature", url: ctx.app.url, body, server: ctx.app },
      { name: "page", url: ctx.app.url, body: pageBody(), server: ctx.app },
    ],
    { ...ctx.settings, seconds: ctx.settings.shortSeconds, rounds: 2, warmupSeconds: 1 },
    ctx.log,
  );
  return { feature: r.feature, page: r.page, p95VsPageQuery: ratio(r.feature.p95, r.page.p95) };
}

export const search: Measurement<FeatureLatency | Unavailable> = {
  key: "search",
  title: "full-text search page",
  run: async (ctx) =>
    ctx.schemaHas("Query", "programs", "search")
      ? versusPage(
          ctx,
          JSON.stringify({ query: SEARCH_QUERY, variables: { first: 50, after: null, search: "cardiology" } }),
        )
      : unavailable("programs(search:)"),
};

export const facets: Measurement<FeatureLatency | Unavailable> = {
  key: "facets",
  title: "facet counts",
  run: async (ctx) =>
    ctx.schemaHas("Query", "programFacets")
      ? versusPage(ctx, JSON.stringify({ query: FACETS_QUERY, variables: { filter: { type: ["RESIDENCY"] } } }))
      : unavailable("programFacets"),
};

export const eligibility: Measurement<FeatureLatency | Unavailable> = {
  key: "eligibility",
  title: "eligibility for a candidate",
  run: async (ctx) =>
    ctx.schemaHas("Query", "eligibility")
      ? versusPage(
          ctx,
          JSON.stringify({
            query: ELIGIBILITY_QUERY,
            variables: {
              first: 50,
              filter: { country: ["US"] },
              profile: {
                stage: "GRADUATE",
                holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG_CERTIFICATION", "SYNTHETIC_ENGLISH_PROFICIENCY"],
                needsVisa: true,
              },
            },
          }),
        )
      : unavailable("eligibility"),
};
