/**
 * The bench's PostgreSQL dataset, when BENCH_DATABASE_URL names a server: a scratch database
 * created and filled with the same synthetic directory once, on first use, shared by every
 * PostgreSQL measurement, and dropped when the bench ends.
 */
import { Client } from "pg";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import type { BenchContext } from "./types";

export interface PostgresDataset {
  /** DATABASE_URL of the scratch database. */
  url: string;
  name: string;
  serverVersion: string;
  generateSeconds: number;
}

export async function adminQuery<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

let dataset: Promise<PostgresDataset> | null = null;
/** Set as soon as the database exists, so that a failed generation still drops it. */
let created: string | null = null;

/** The dataset, generated on first call; null when BENCH_DATABASE_URL is not set. */
export function postgresDataset(ctx: BenchContext): Promise<PostgresDataset> | null {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return null;
  dataset ??= create(base, ctx);
  return dataset;
}

async function create(base: string, ctx: BenchContext): Promise<PostgresDataset> {
  const name = `bench_${process.pid}_${Date.now().toString(36)}`;
  const serverVersion = await adminQuery(base, async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    created = name;
    return (await c.query("SHOW server_version")).rows[0].server_version as string;
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ds = createDataSource({ kind: "postgres", url: url.toString() });
  await ds.initialize();
  try {
    await migrate(ds);
    const report = await generateSynthetic(ds, {
      institutions: ctx.settings.institutions,
      programs: ctx.settings.programs,
      seed: ctx.settings.seed,
    });
    ctx.log(`  generated on PostgreSQL ${serverVersion} in ${(report.ms / 1000).toFixed(1)} s`);
    return { url: url.toString(), name, serverVersion, generateSeconds: report.ms / 1000 };
  } finally {
    await ds.destroy();
  }
}

/** Drops the scratch database, if one was made. */
export async function dropPostgresDataset(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!dataset || !base) return;
  await dataset.catch(() => null);
  const name = created;
  dataset = null;
  created = null;
  if (name) await adminQuery(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
