import { AsyncResource } from "node:async_hooks";
import type { DataSource } from "typeorm";
import { DirectoryVersion } from "./directory-version";
import { RunsAfterCall } from "./runs-after-call";
import { log } from "./logger";

/** How long reads at a version whose rebuild failed use SQL before one tries again. */
const RETRY_AFTER_FAILURE_MS = 30_000;
/** The least time between two background rebuilds started by reads that do not wait for one (ifCurrent). */
const WARM_INTERVAL_MS = 5_000;

/**
 * An in-process read index of the published directory (facet bitmaps, eligibility's prepared
 * rule records), kept exact against the database.
 *
 * The database holds a directory version (table `directory_version`), bumped by triggers in every
 * transaction that writes a directory table, whoever writes: this process, another instance, the
 * CLI. Each read asks for the version (one primary-key read, shared by requests arriving
 * together: directory-version.ts) and gets the index only when it was built at that version;
 * otherwise it waits for a rebuild (one at a time, shared by every read waiting) and gets the index
 * as rebuilt, or null (use SQL) when the rebuild failed. A rebuild reads what one SQL facet request
 * reads, so the first read after a write pays about what SQL would.
 */
export class VersionedReadIndex<T> {
  private built: { version: string; value: T } | null = null;
  private readonly detached = new AsyncResource("VersionedReadIndex");
  /**
   * Rebuilds, one at a time; a refresh asked for while one runs gets the one that follows it. Rebuilds
   * run in the context this index was made in, never in a request's (its statement count, its timeout).
   */
  private readonly rebuilds = new RunsAfterCall(() => this.detached.runInAsyncScope(() => this.rebuild()));
  /** The last failed rebuild: reads at its version use SQL for a while rather than each start another. */
  private failed: { version: string; at: number } | null = null;
  /** When ifCurrent last started a background rebuild. */
  private warmedAt = -Infinity;
  /** Whether a rebuild has ended (built or failed): until then the instance is still starting (readiness). */
  private attempted = false;

  constructor(
    private readonly ds: DataSource,
    /** As logs and readiness report it. */
    readonly name: string,
    /** Reads everything the index holds; called with the version it is read at. */
    private readonly build: (ds: DataSource) => Promise<T>,
    /** Shared by the process's indexes, so that concurrent requests share version reads. */
    private readonly versions: DirectoryVersion = new DirectoryVersion(ds),
  ) {}

  /**
   * Where the index stands for readiness: `built` once it has been built (at some version: a read
   * rebuilds it when the directory has moved on), `failed` when its rebuilds so far failed (reads use
   * SQL), `building` before its first rebuild has ended.
   */
  state(): "built" | "building" | "failed" {
    if (this.built) return "built";
    return this.attempted ? "failed" : "building";
  }

  /** The directory version now ("none" for a database that has never been written). */
  version(): Promise<string> {
    return this.versions.read();
  }

  /** The directory version now, and the index when it is built at exactly that version. */
  private async asBuilt(): Promise<{ version: string; value: T | null }> {
    const version = await this.version();
    return { version, value: this.built?.version === version ? this.built.value : null };
  }

  /** The index as of the directory version now or later, or null when it cannot be built (use SQL). */
  async current(): Promise<T | null> {
    return (await this.currentBuilt())?.value ?? null;
  }

  /** As `current`, with the directory version the index was built at (to key what is derived from it). */
  async currentBuilt(): Promise<{ version: string; value: T } | null> {
    const { version, value } = await this.asBuilt();
    if (value !== null) return { version, value };
    if (this.failedRecently(version)) return null;
    const before = this.built;
    await this.refresh();
    return this.built && this.built !== before ? this.built : null;
  }

  /**
   * The index if it is built at the directory version now, else null without waiting: a rebuild is
   * started in the background (at most one per WARM_INTERVAL_MS), so a cheap read (a count) uses SQL
   * now and the index once it is current, and a directory under steady writes is not rebuilt for
   * every read that follows a write.
   */
  async ifCurrent(): Promise<T | null> {
    return (await this.ifCurrentBuilt())?.value ?? null;
  }

  /** As `ifCurrent`, with the directory version the index was built at. */
  async ifCurrentBuilt(): Promise<{ version: string; value: T } | null> {
    const { version, value } = await this.asBuilt();
    if (value !== null) return { version, value };
    const now = Date.now();
    if (!this.rebuilds.busy && !this.failedRecently(version) && now - this.warmedAt >= WARM_INTERVAL_MS) {
      this.warmedAt = now;
      void this.refresh();
    }
    return null;
  }

  /**
   * The index as built at exactly `version` (read once by the caller, for several indexes to
   * answer at the same version), or null when it cannot be had at that version (use SQL).
   */
  async at(version: string): Promise<T | null> {
    if (this.built?.version !== version && !this.failedRecently(version)) await this.refresh();
    return this.built?.version === version ? this.built.value : null;
  }

  /**
   * A rebuild failed at this version moments ago (a statement timed out on a large directory, say):
   * another now would most likely fail too, and every request waiting on it would pay for both.
   */
  private failedRecently(version: string): boolean {
    return this.failed?.version === version && Date.now() - this.failed.at < RETRY_AFTER_FAILURE_MS;
  }

  /**
   * Resolves once a rebuild that started after this call has ended. A rebuild already running may
   * have read the version before the caller's latest write, so callers arriving meanwhile share one
   * more that follows it (a single version read when nothing changed).
   */
  refresh(): Promise<void> {
    return this.rebuilds.next();
  }

  /** Never rejects: a failed rebuild (the database went away, a statement failed) leaves reads on SQL. */
  private async rebuild(): Promise<void> {
    let tried = "none";
    try {
      // Rebuilt until the version read before equals the one after: no write slipped in between.
      for (let attempt = 0; attempt < 3 && this.ds.isInitialized; attempt++) {
        const before = (tried = await this.version());
        if (this.built?.version === before) return;
        const value = await this.build(this.ds);
        if ((await this.version()) === before) {
          this.built = { version: before, value };
          return;
        }
      }
    } catch (e) {
      this.failed = { version: tried, at: Date.now() };
      if (this.ds.isInitialized)
        log.warn(`read index ${this.name}: rebuild failed, reads use SQL`, { error: (e as Error).message });
    } finally {
      this.attempted = true;
    }
  }
}
