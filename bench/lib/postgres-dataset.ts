/**
 * The bench's PostgreSQL datasets, when BENCH_DATABASE_URL names a server: a scratch database
 * created and filled with the synthetic directory once, on first use, shared by every PostgreSQL
 * measurement, and dropped when the bench ends. The run's size is the shared one; a measurement
 * that compares at another size (the PostGraphile peer, at the sizes its goal names) asks for it
 * and gets a database of its own, generated the same way (20 programs per institution).
 */
import { Client } from "pg";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { institutionsFor, type BenchContext } from "./types";

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

/** The datasets by number of programs, each generated on first use. */
const datasets = new Map<number, Promise<PostgresDataset>>();
/** Added as soon as a database exists, so that a failed generation still drops it. */
const created: string[] = [];

/**
 * The dataset of `programs` programs (the run's size unless given), generated on first call;
 * null when BENCH_DATABASE_URL is not set.
 */
export function postgresDataset(ctx: BenchContext, programs = ctx.settings.programs): Promise<PostgresDataset> | null {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return null;
  let dataset = datasets.get(programs);
  if (!dataset) datasets.set(programs, (dataset = create(base, ctx, programs)));
  return dataset;
}

async function create(base: string, ctx: BenchContext, programs: number): Promise<PostgresDataset> {
  const name = `bench_${process.pid}_${Date.now().toString(36)}_${programs}`;
  const serverVersion = await adminQuery(base, async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    created.push(name);
    return (await c.query("SHOW server_version")).rows[0].server_version as string;
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ds = createDataSource({ kind: "postgres", url: url.toString() });
  await ds.initialize();
  try {
    await migrate(ds);
    const report = await generateSynthetic(ds, {
      institutions: programs === ctx.settings.programs ? ctx.settings.institutions : institutionsFor(programs),
      programs,
      seed: ctx.settings.seed,
    });
    ctx.log(`  ${programs} programs generated on PostgreSQL ${serverVersion} in ${(report.ms / 1000).toFixed(1)} s`);
    return { url: url.toString(), name, serverVersion, generateSeconds: report.ms / 1000 };
  } finally {
    await ds.destroy();
  }
}

/** Drops the scratch databases that were made. */
export async function dropPostgresDatasets(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return;
  await Promise.all([...datasets.values()].map((d) => d.catch(() => null)));
  datasets.clear();
  const names = created.splice(0);
  for (const name of names) await adminQuery(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
