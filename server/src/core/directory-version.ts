import type { DataSource } from "typeorm";
import { dialectOf } from "./data-source";
import { PostgresVersionReader, VERSION_SQL, versionFrom } from "./pg-version-reader";
import { RunsAfterCall } from "./runs-after-call";

/**
 * Reads the directory version (table `directory_version`, bumped by triggers in every transaction
 * that writes a directory table), sharing reads between concurrent callers without ever giving a
 * caller a version read before it asked.
 *
 * A caller arriving while a read is in flight cannot use that read: it may have started before
 * the caller's own write, or before a write the caller has seen elsewhere. It waits instead for
 * the read that follows, which every caller arriving meanwhile shares. Under load that is one
 * statement (one round trip to PostgreSQL) for many requests instead of one each; a lone request
 * reads as before, in its own context (its statement count). On PostgreSQL the read runs on a
 * connection of its own (core/pg-version-reader.ts).
 */
export class DirectoryVersion {
  private readonly reads = new RunsAfterCall(() => this.readOnce());
  private readonly postgres: PostgresVersionReader | null;

  constructor(private readonly ds: DataSource) {
    this.postgres = dialectOf(ds) === "postgres" ? PostgresVersionReader.for(ds) : null;
  }

  /** The directory version as of a read that started after this call ("none" before the first write). */
  read(): Promise<string> {
    if (!this.reads.busy) return this.reads.next();
    // A shared read that failed (the request that issued it timed out, say) is retried once as the caller's own.
    return this.reads.next().catch(() => this.readOnce());
  }

  private async readOnce(): Promise<string> {
    if (this.postgres) return this.postgres.read();
    return versionFrom(await this.ds.query(VERSION_SQL));
  }
}
