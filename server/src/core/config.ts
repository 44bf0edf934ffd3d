import path from "node:path";

export type DatabaseConfig = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

export interface HttpLimits {
  /** Largest JSON body accepted on /graphql, in bytes (413 beyond). */
  bodyLimitBytes: number;
  /** An operation still running after this long is answered with an error (the server keeps serving). */
  operationTimeoutMs: number;
  /** Requests per minute from one client address on /graphql; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Origins allowed by CORS; empty means same-origin only. */
  corsOrigins: string[];
}

/** Refusals applied to every GraphQL document before any resolver runs (core/limits.ts). */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  /** Heavy root fields (programFacets, eligibility, programs with a search, snapshotDiff) per operation (core/heavy-fields.ts). */
  maxHeavyFields: number;
}

/** Which engine executes validated operations (core/executor.ts). */
export type ExecutorKind = "jit" | "graphql-js";

export interface ExecutorConfig {
  /** `jit`: graphql-jit for operations run often enough to be worth compiling, graphql-js otherwise; `graphql-js`: always graphql-js. */
  kind: ExecutorKind;
  /** With `jit`: an operation is compiled on its Nth execution (the ones before run on graphql-js). */
  compileAfter: number;
}

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  reviewIntervalDays: number;
  nodeEnv: string;
  /** Where stored snapshots' files go (SNAPSHOT_DIR). */
  snapshotDir: string;
  /** Seconds a CDN or browser may reuse an anonymous read (Cache-Control: public, max-age=N). */
  publicCacheMaxAge: number;
  limits: QueryLimits;
  executor: ExecutorConfig;
  auth: AuthConfig;
  http: HttpLimits;
  /** Express `trust proxy`: set when behind a load balancer so that client addresses are real. */
  trustProxy: boolean | number | string;
  webhooks: WebhookConfig;
}

/**
 * Which non-public addresses a webhook may reach. `none`: public unicast addresses only;
 * `loopback`: also this machine (development, tests), and plain http to it; `private`: also private
 * networks (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10). Link-local addresses (169.254/16, the
 * cloud metadata service; fe80::/10), multicast and reserved ranges are refused whatever this says.
 */
export type WebhookPrivateTargets = "none" | "loopback" | "private";

/** How webhooks are delivered from the outbox (modules/webhook). */
export interface WebhookConfig {
  allowPrivateTargets: WebhookPrivateTargets;
  /** How often an idle drainer looks for due deliveries. */
  pollIntervalMs: number;
  /** A delivery attempt (connect, send, answer) taking longer fails. */
  timeoutMs: number;
  /** The first retry waits about this long; each further one twice as long, up to 2,048 × this. */
  retryBaseMs: number;
  /** Attempts per event before it is given up and its endpoint disabled. */
  maxAttempts: number;
}

export interface AuthConfig {
  /** How long a session token from `login` lasts. */
  sessionTtlHours: number;
  /**
   * Sign-in attempts charged before delays begin: one email from one client address, one email from
   * all addresses together, one address for all emails (login-policy.ts).
   */
  loginMaxFailures: number;
  loginMaxFailuresPerEmail: number;
  loginMaxFailuresPerAddress: number;
  /** The first delay; each further attempt doubles it, up to the caps below. */
  loginDelaySeconds: number;
  /** Cap of the delay for an email from one address and for an address. */
  loginMaxDelaySeconds: number;
  /** Cap of the delay for an email from all addresses: short, because the owner shares it. */
  loginMaxEmailDelaySeconds: number;
  /** A counter is forgotten once its delay has been over for this long. */
  loginWindowMinutes: number;
  /** Login attempts (each `login` field executed) per minute from one client address; 0 = off. */
  loginAttemptsPerMinute: number;
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
    if (url.pathname.length <= 1)
      throw new ConfigError("DATABASE_URL names no PostgreSQL database (postgres://user@host:5432/DBNAME)");
    return { kind: "postgres", url: value };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres:// (got '${value.split(":")[0]}:…')`);
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

function parseOrigins(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw.split(",").map((origin) => {
    const o = origin.trim();
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new ConfigError(`CORS_ORIGINS: '${o}' is not an origin like https://example.org`);
    }
    if (url.origin !== o.replace(/\/$/, ""))
      throw new ConfigError(`CORS_ORIGINS: '${o}' must be a bare origin (scheme://host[:port])`);
    return url.origin;
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: parseIntVar(env, "PORT", 4000, 0, 65535),
    database: parseDatabaseUrl(env.DATABASE_URL),
    reviewIntervalDays: parseIntVar(env, "REVIEW_INTERVAL_DAYS", 365, 1, 3650),
    nodeEnv: env.NODE_ENV ?? "production",
    publicCacheMaxAge: parseIntVar(env, "PUBLIC_CACHE_MAX_AGE", 60, 0, 31_536_000),
    limits: {
      maxDepth: parseIntVar(env, "QUERY_MAX_DEPTH", 12, 2, 100),
      maxCost: parseIntVar(env, "QUERY_MAX_COST", 10_000, 10, 10_000_000),
      maxAliases: parseIntVar(env, "QUERY_MAX_ALIASES", 20, 0, 1000),
      maxHeavyFields: parseIntVar(env, "QUERY_MAX_HEAVY_FIELDS", 2, 1, 100),
    },
    executor: {
      kind: parseExecutorKind(env.GRAPHQL_EXECUTOR),
      compileAfter: parseIntVar(env, "GRAPHQL_JIT_COMPILE_AFTER", 2, 1, 1000),
    },
    auth: {
      sessionTtlHours: parseIntVar(env, "SESSION_TTL_HOURS", 12, 1, 24 * 90),
      loginMaxFailures: parseIntVar(env, "LOGIN_MAX_FAILURES", 5, 1, 1000),
      loginMaxFailuresPerEmail: parseIntVar(env, "LOGIN_MAX_FAILURES_PER_EMAIL", 20, 1, 100_000),
      loginMaxFailuresPerAddress: parseIntVar(env, "LOGIN_MAX_FAILURES_PER_ADDRESS", 20, 1, 100_000),
      loginDelaySeconds: parseIntVar(env, "LOGIN_DELAY_SECONDS", 2, 1, 3600),
      loginMaxDelaySeconds: parseIntVar(env, "LOGIN_MAX_DELAY_SECONDS", 900, 1, 24 * 3600),
      loginMaxEmailDelaySeconds: parseIntVar(env, "LOGIN_MAX_EMAIL_DELAY_SECONDS", 60, 1, 24 * 3600),
      loginWindowMinutes: parseIntVar(env, "LOGIN_WINDOW_MINUTES", 15, 1, 24 * 60),
      loginAttemptsPerMinute: parseIntVar(env, "LOGIN_RATE_LIMIT_PER_MINUTE", 10, 0, 10_000),
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    http: {
      bodyLimitBytes: parseIntVar(env, "BODY_LIMIT_BYTES", 1_000_000, 1_000, 50_000_000),
      operationTimeoutMs: parseIntVar(env, "OPERATION_TIMEOUT_MS", 10_000, 100, 600_000),
      rateLimitPerMinute: parseIntVar(env, "RATE_LIMIT_PER_MINUTE", 1200, 0, 1_000_000),
      corsOrigins: parseOrigins(env.CORS_ORIGINS),
    },
    snapshotDir: env.SNAPSHOT_DIR?.trim() || DEFAULT_SNAPSHOT_DIR,
    webhooks: {
      allowPrivateTargets: parseWebhookPrivateTargets(env.WEBHOOK_ALLOW_PRIVATE_TARGETS),
      pollIntervalMs: parseIntVar(env, "WEBHOOK_POLL_INTERVAL_MS", 1000, 10, 3_600_000),
      timeoutMs: parseIntVar(env, "WEBHOOK_TIMEOUT_MS", 10_000, 100, 120_000),
      retryBaseMs: parseIntVar(env, "WEBHOOK_RETRY_BASE_MS", 10_000, 1, 3_600_000),
      maxAttempts: parseIntVar(env, "WEBHOOK_MAX_ATTEMPTS", 18, 1, 100),
    },
  };
}

function parseWebhookPrivateTargets(raw: string | undefined): WebhookPrivateTargets {
  const value = raw?.trim();
  if (!value || value === "none") return "none";
  if (value === "loopback" || value === "private") return value;
  throw new ConfigError(`WEBHOOK_ALLOW_PRIVATE_TARGETS must be none, loopback or private (got '${value}')`);
}

function parseExecutorKind(raw: string | undefined): ExecutorKind {
  const value = raw?.trim();
  if (!value) return "jit";
  if (value === "jit" || value === "graphql-js") return value;
  throw new ConfigError(`GRAPHQL_EXECUTOR must be jit or graphql-js (got '${value}')`);
}

/** TRUST_PROXY: unset/false, true, a hop count, or Express's list of trusted addresses. */
function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim();
  if (!value || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Shows a database location without its password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.kind === "sqlite") return `SQLite at ${db.path}`;
  const url = new URL(db.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
