/**
 * The page-query measurement on PostgreSQL, when BENCH_DATABASE_URL names a server: the bench
 * creates a scratch database there (dropped afterwards), generates the same dataset, and runs
 * the app and a pg floor against it.
 */
import { Client } from "pg";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { startChild, withChildren } from "../lib/children";
import type { BenchContext, Measurement, Unavailable } from "../lib/types";
import { comparePageQuery, type PageQueryResult } from "./page-query";

export type PostgresResult = (PageQueryResult & { serverVersion: string; generateSeconds: number }) | Unavailable;

async function admin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export const postgresPageQuery: Measurement<PostgresResult> = {
  key: "postgres",
  title: "page query vs floor (PostgreSQL)",
  async run(ctx: BenchContext) {
    const base = process.env.BENCH_DATABASE_URL;
    if (!base) return { value: null, reason: "BENCH_DATABASE_URL is not set" };
    const name = `bench_${process.pid}_${Date.now().toString(36)}`;
    const serverVersion = await admin(base, async (c) => {
      await c.query(`CREATE DATABASE ${name}`);
      return (await c.query("SHOW server_version")).rows[0].server_version as string;
    });
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const ds = createDataSource({ kind: "postgres", url: url.toString() });
      await ds.initialize();
      let generateSeconds = 0;
      try {
        await migrate(ds);
        const report = await generateSynthetic(ds, {
          institutions: ctx.settings.institutions,
          programs: ctx.settings.programs,
          seed: ctx.settings.seed,
        });
        generateSeconds = report.ms / 1000;
      } finally {
        await ds.destroy();
      }
      ctx.log(`  generated on PostgreSQL ${serverVersion} in ${generateSeconds.toFixed(1)} s`);
      const env = { DATABASE_URL: url.toString(), RATE_LIMIT_PER_MINUTE: "0" };
      return await withChildren(
        [startChild("app-pg", "app-server.js", env), startChild("floor-pg", "floor-server.js", env)],
        async ([app, floor]) => ({
          ...(await comparePageQuery(app, floor, ctx.settings, ctx.log)),
          serverVersion,
          generateSeconds,
        }),
      );
    } finally {
      await admin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  },
};
