import type { ApolloServer } from "@apollo/server";
import type { AppDeps, Context } from "../../server/src/core/context";
import type { ChildServer } from "./children";
import type { LoadOptions } from "./load";

export interface Settings extends LoadOptions {
  institutions: number;
  programs: number;
  seed: number;
  rounds: number;
  warmupSeconds: number;
  /** Shorter rounds for secondary comparisons (refusals, reads under writes, search). */
  shortSeconds: number;
  /** The directory sizes (programs) at which the app is compared with PostGraphile, on PostgreSQL. */
  peerPrograms: number[];
}

/** Institutions for a directory of `programs` at another size than a mode's own: 20 programs each, as the full run. */
export function institutionsFor(programs: number): number {
  return Math.max(1, Math.round(programs / 20));
}

/** What every measurement gets: the dataset, both contenders, and an in-process app for counting. */
export interface BenchContext {
  quick: boolean;
  settings: Settings;
  /** DATABASE_URL of the generated SQLite file. */
  databaseUrl: string;
  sqlitePath: string;
  workDir: string;
  app: ChildServer;
  floor: ChildServer;
  /** The same app built in the bench process (not listening), for statement counts and schema checks. */
  deps: AppDeps;
  apollo: ApolloServer<Context>;
  /** True when the schema has `Type.field` (features other branches add plug in when present). */
  schemaHas(type: string, field: string, arg?: string): boolean;
  log(line: string): void;
}

/** A feature this build lacks: reported as null with the reason, never as a number. */
export interface Unavailable {
  value: null;
  reason: string;
}

export const NOT_YET = "not yet available in this build";

export function unavailable(what: string): Unavailable {
  return { value: null, reason: `${what}: ${NOT_YET}` };
}

/** One measurement per file under bench/measurements: a name and a run. */
export interface Measurement<R = unknown> {
  key: string;
  title: string;
  run(ctx: BenchContext): Promise<R>;
}
