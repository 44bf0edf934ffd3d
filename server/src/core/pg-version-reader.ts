import { Client, type ClientConfig } from "pg";
import type { DataSource } from "typeorm";
import { closeWithDataSource } from "./close-with-data-source";
import { log } from "./logger";

/** The statement, as every request's statement count and DEBUG_SQL show it (both dialects). */
export const VERSION_SQL = `SELECT "version" FROM "directory_version" WHERE "id" = 1`;

/** The version in VERSION_SQL's rows ("none" before the directory's first write). */
export function versionFrom(rows: { version: string | number }[]): string {
  return rows.length ? String(rows[0].version) : "none";
}

const readers = new WeakMap<DataSource, PostgresVersionReader>();

/**
 * Reads the directory version on PostgreSQL over one connection of its own, as a prepared statement.
 *
 * Every anonymous read that uses the in-process indexes asks for the version first, so this is
 * the most frequent statement the app runs. Through the pool it paid TypeORM's query runner, a
 * pool checkout and the operation guard's bookkeeping each time: 7–11% of the CPU of a count
 * answered from the index (docs/BENCHMARKS.md). A primary-key read of one row holds no lock
 * and cannot outlive the statement timeout, so it needs none of the pool's guards, and keeping
 * it off the pool leaves every pool connection to the requests' own statements.
 *
 * The connection opens on the first read and closes with the data source; when it fails, the read
 * fails (the caller retries once, directory-version.ts) and the next read opens a new one.
 */
export class PostgresVersionReader {
  private connecting: Promise<Client> | null = null;
  private connected: Client | null = null;

  /** The data source's reader: one connection per data source, however many indexes ask. */
  static for(ds: DataSource): PostgresVersionReader {
    let reader = readers.get(ds);
    if (!reader) readers.set(ds, (reader = new PostgresVersionReader(ds)));
    return reader;
  }

  private constructor(private readonly ds: DataSource) {
    closeWithDataSource(ds, () => this.close());
  }

  async read(): Promise<string> {
    // Counted and printed like any statement (the request's statement count, DEBUG_SQL).
    this.ds.logger.logQuery(VERSION_SQL, []);
    const reused = this.connected !== null;
    try {
      return await this.readOnce();
    } catch (error) {
      // A connection kept from earlier may have died since (a database restart, a terminated
      // backend) before its error event arrived: one more try on a new connection.
      if (!reused) throw error;
      return this.readOnce();
    }
  }

  /** One read on the current connection (opened if need be); a connection that fails is dropped. */
  private async readOnce(): Promise<string> {
    const client = await (this.connecting ??= this.connect());
    try {
      const { rows } = await client.query<{ version: string | number }>({
        name: "directory_version",
        text: VERSION_SQL,
      });
      return versionFrom(rows);
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  private async connect(): Promise<Client> {
    // The pool's own settings (address, credentials, statement timeout, jit off): TypeORM keeps them on its pg Pool.
    const { options } = (this.ds.driver as unknown as { master: { options: ClientConfig } }).master;
    const client = new Client(options);
    // A connection lost while idle (a database restart) emits an error: drop it, the next read reconnects.
    client.on("error", (error) => {
      log.warn("the directory version's connection failed; the next read opens another", { error });
      this.drop(client);
    });
    try {
      await client.connect();
    } catch (error) {
      this.connecting = null;
      throw error;
    }
    this.connected = client;
    return client;
  }

  /** Forgets a failed connection (if it is still the current one) and closes it. */
  private drop(client: Client): void {
    if (this.connected === client) {
      this.connected = null;
      this.connecting = null;
    }
    void client.end().catch(() => undefined);
  }

  private async close(): Promise<void> {
    const pending = this.connecting;
    this.connecting = null;
    this.connected = null;
    const client = await pending?.catch(() => null);
    await client?.end().catch(() => undefined);
  }
}
