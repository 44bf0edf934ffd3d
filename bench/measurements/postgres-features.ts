/**
 * Search, facets and eligibility (first and third page) next to the page query on the bench's
 * PostgreSQL dataset, CPU counted as the app's process plus the database's backends.
 */
import { startChild, withChildren } from "../lib/children";
import { BackendCpu, withBackendCpu } from "../lib/pg-backends";
import { postgresDataset } from "../lib/postgres-dataset";
import type { Measurement, Unavailable } from "../lib/types";
import { eligibilityBody, facetsBody, searchBody, versusPage, type FeatureLatency } from "./search-facets-eligibility";

export type PostgresFeatures =
  Record<"search" | "facets" | "eligibility" | "eligibilityPage3", FeatureLatency | Unavailable> | Unavailable;

export const postgresFeatures: Measurement<PostgresFeatures> = {
  key: "postgresFeatures",
  title: "search, facets and eligibility next to the page (PostgreSQL)",
  async run(ctx) {
    const made = postgresDataset(ctx);
    if (!made) return { value: null, reason: "BENCH_DATABASE_URL is not set" };
    const db = await made;
    const backends = await BackendCpu.open(db.url, db.name);
    try {
      const env = { DATABASE_URL: db.url, RATE_LIMIT_PER_MINUTE: "0" };
      return await withChildren([startChild("app-pg", "app-server.js", env)], async ([started]) => {
        const app = withBackendCpu(started, backends);
        const run = async (name: string, body: string) => {
          ctx.log(`  ${name} (PostgreSQL)`);
          return versusPage(ctx, body, app);
        };
        return {
          search: await run("search", searchBody()),
          facets: await run("facets", facetsBody()),
          eligibility: await run("eligibility, first page", await eligibilityBody(app.url, 1)),
          eligibilityPage3: await run("eligibility, third page", await eligibilityBody(app.url, 3)),
        };
      });
    } finally {
      await backends.close();
    }
  },
};
