import path from "node:path";

export type DatabaseConfig =
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  reviewIntervalDays: number;
  nodeEnv: string;
  /** Where stored snapshots' files go (SNAPSHOT_DIR). */
  snapshotDir: string;
}

/** A configuration problem: start-up prints its message on one line and exits non-zero. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export const DEFAULT_SQLITE_PATH = path.join("data", "directory.sqlite");
export const DEFAULT_SNAPSHOT_DIR = path.join("data", "snapshots");

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const value = raw?.trim();
  if (!value) return { kind: "sqlite", path: DEFAULT_SQLITE_PATH };
  if (value.startsWith("sqlite:")) {
    const file = value.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (!file) throw new ConfigError("DATABASE_URL 'sqlite:' needs a file path, e.g. sqlite:data/directory.sqlite");
    return { kind: "sqlite", path: file };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError("DATABASE_URL is not a valid postgres:// URL");
    }
    if (!url.hostname) throw new ConfigError("DATABASE_URL names no PostgreSQL host");
    if (url.pathname.length <= 1) throw new ConfigError("DATABASE_URL names no PostgreSQL database (postgres://user@host:5432/DBNAME)");
    return { kind: "postgres", url: value };
  }
  throw new ConfigError(
    `DATABASE_URL must start with sqlite: or postgres:// (got '${value.split(":")[0]}:…')`,
  );
}

function parseIntVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got '${raw}')`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: parseIntVar(env, "PORT", 4000, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL),
    reviewIntervalDays: parseIntVar(env, "REVIEW_INTERVAL_DAYS", 365, 1, 3650),
    nodeEnv: env.NODE_ENV ?? "production",
    snapshotDir: env.SNAPSHOT_DIR?.trim() || DEFAULT_SNAPSHOT_DIR,
  };
}

/** Shows a database location without its password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.kind === "sqlite") return `SQLite at ${db.path}`;
  const url = new URL(db.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
