/**
 * The page-query measurement on PostgreSQL, when BENCH_DATABASE_URL names a server: on the bench's
 * PostgreSQL dataset (bench/lib/postgres-dataset.ts), the app and a pg floor.
 */
import { startChild, withChildren } from "../lib/children";
import { postgresDataset } from "../lib/postgres-dataset";
import type { BenchContext, Measurement, Unavailable } from "../lib/types";
import { comparePageQuery, type PageQueryResult } from "./page-query";

export type PostgresResult = (PageQueryResult & { serverVersion: string; generateSeconds: number }) | Unavailable;

export const postgresPageQuery: Measurement<PostgresResult> = {
  key: "postgres",
  title: "page query vs floor (PostgreSQL)",
  async run(ctx: BenchContext) {
    const made = postgresDataset(ctx);
    if (!made) return { value: null, reason: "BENCH_DATABASE_URL is not set" };
    const { url, serverVersion, generateSeconds } = await made;
    const env = { DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0" };
    return await withChildren(
      [startChild("app-pg", "app-server.js", env), startChild("floor-pg", "floor-server.js", env)],
      async ([app, floor]) => ({
        ...(await comparePageQuery(app, floor, ctx.settings, ctx.log)),
        serverVersion,
        generateSeconds,
      }),
    );
  },
};
