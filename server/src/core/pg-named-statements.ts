import { createHash } from "node:crypto";
import type { PoolClient } from "pg";
import type { DataSource } from "typeorm";
import { LRUCache } from "lru-cache";

/**
 * On PostgreSQL, the server's frequent reads run as named (prepared) statements.
 *
 * Why: TypeORM hands pg a text and its values, which pg sends as an unnamed statement, so the
 * backend parses and analyses the same text on every request. With a name, each backend does that
 * once per text and afterwards only binds, plans and executes, as PostGraphile, the peer, does.
 * PostgreSQL's plan cache does the rest: after five executions it reuses a generic plan when that
 * is estimated no costlier than the plans made for each execution's values, which spares the
 * planning too (the detail statement's backend time 0.39 → 0.09 ms, a count's 0.12 → 0.07).
 * A text with an array parameter is never named (see ARRAY_PARAMETER).
 *
 * What stays bounded: a name lives as long as its connection, on every backend that ran it, and
 * pg keeps no way to forget one. So only SELECT texts are named, a text only once it has been seen
 * `nameAfter` times (a one-off statement never takes a slot), and at most `maxNamed` texts per
 * process: past that, new texts run unnamed as before. The name is a hash of the text, so every
 * connection agrees on it and no two texts share one.
 */
export interface NamedStatementsOptions {
  /** Name a text on its Nth run. */
  nameAfter: number;
  /** Distinct texts named per process (each is prepared at most once on each pool connection). */
  maxNamed: number;
  /** Texts whose runs are counted until they reach `nameAfter`. */
  maxCounted?: number;
}

const READ = /^\s*SELECT\b/i;
/**
 * An array parameter (`unnest($2::int[])`, `= ANY($1::int[])`): a generic plan cannot know its
 * length and guesses; for institutions' nested program pages (20 ids) the generic plan cost 1.46
 * → 2.1 ms in the backend. Such a text runs unnamed: PostgreSQL plans it for its values each time.
 */
const ARRAY_PARAMETER = /\$\d+::[\w ."]+\[\]/;

export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly counts: LRUCache<string, number>;

  constructor(private readonly options: NamedStatementsOptions) {
    this.counts = new LRUCache({ max: options.maxCounted ?? 1000 });
  }

  /** The name to run this text under, or null to run it unnamed. */
  nameFor(text: string): string | null {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (this.names.size >= this.options.maxNamed || !READ.test(text) || ARRAY_PARAMETER.test(text)) return null;
    const count = (this.counts.get(text) ?? 0) + 1;
    if (count < this.options.nameAfter) {
      this.counts.set(text, count);
      return null;
    }
    this.counts.delete(text);
    const name = `s_${createHash("sha1").update(text).digest("base64url")}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

type QueryFn = (...args: unknown[]) => unknown;

interface PostgresDriverHooks {
  obtainMasterConnection(): Promise<[PoolClient, (err?: Error) => void]>;
}

const wrapped = new WeakSet<PoolClient>();
const installed = new WeakMap<DataSource, StatementNames>();

/** Runs the data source's frequent reads as named statements (see above); once per data source. */
export function nameFrequentStatements(ds: DataSource, options: NamedStatementsOptions): StatementNames {
  const existing = installed.get(ds);
  if (existing) return existing;
  const names = new StatementNames(options);
  installed.set(ds, names);
  const driver = ds.driver as unknown as PostgresDriverHooks;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const [client, release] = await obtain();
    if (!wrapped.has(client)) {
      wrapped.add(client);
      const query = client.query.bind(client) as QueryFn;
      // TypeORM calls query(text, values) and awaits the promise; every other form passes through.
      (client as unknown as { query: QueryFn }).query = (...args) => {
        const [text, values] = args;
        if (args.length > 2 || typeof text !== "string" || (values !== undefined && !Array.isArray(values))) {
          return query(...args);
        }
        const name = names.nameFor(text);
        return name ? query({ name, text, values }) : query(...args);
      };
    }
    return [client, release];
  };
  return names;
}
