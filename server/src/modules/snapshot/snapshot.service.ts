import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import type { DataSource, Repository } from "typeorm";
import type { AppConfig } from "../../core/config";
import type { ConnectionArgs, Page } from "../../core/connection";
import { NotFoundError } from "../../core/errors";
import { runHeavyJob } from "../../core/heavy-job";
import { log } from "../../core/logger";
import { paginate, type Ordering } from "../../core/pagination";
import { inTransaction } from "../../core/transaction";
import type { Curator } from "../curator/curator.entity";
import { diffTotals } from "./diff";
import { compareSnapshotFiles } from "./diff-files";
import { exportSnapshot } from "./export";
import { DatabaseSnapshotContentStore, type DownloadFormat } from "./snapshot-content-store";
import type { SnapshotDiffResult } from "./snapshot-diff.types";
import { createScratch, removeAbandonedScratch, removeScratch } from "./snapshot-scratch";
import { Snapshot } from "./snapshot.entity";
import { JsonSnapshotWriter, NdjsonSnapshotWriter, SnapshotFile } from "./writers";

export type { DownloadFormat };

/** What an export of an earlier version left in SNAPSHOT_DIR when it never finished. */
const PARTIAL_FILE = /^snapshot-[0-9TZ]+-[0-9a-f]+\.(json|ndjson)\.partial$/;

/** Ids grow with time, so newest-first is id-descending: one exact key. */
const NEWEST_FIRST: Ordering = {
  name: "SNAPSHOT_NEWEST",
  keys: [{ expr: "s.id", direction: "DESC" }],
};

export class SnapshotService {
  private readonly repo: Repository<Snapshot>;
  readonly contents: DatabaseSnapshotContentStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.repo = dataSource.getRepository(Snapshot);
    this.contents = new DatabaseSnapshotContentStore(dataSource);
  }

  /** SNAPSHOT_DIR: where earlier versions kept stored snapshots' files (snapshot-files-import.ts). */
  get directory(): string {
    return path.resolve(this.config.snapshotDir);
  }

  /**
   * Removes what exports that never finished (the process was killed mid-export: kill -9, out of
   * memory, power loss) left behind, which nothing else would ever remove: this version's scratch
   * folders of processes that are gone, and an earlier version's `.partial` files in SNAPSHOT_DIR.
   * Run at start-up; only names the exports write are touched.
   */
  removeLeftoverPartials(): string[] {
    removeAbandonedScratch();
    let names: string[];
    try {
      names = fs.readdirSync(this.directory);
    } catch {
      return []; // no SNAPSHOT_DIR: nothing from an earlier version
    }
    const removed = names.filter(
      (name) => PARTIAL_FILE.test(name) && fs.statSync(path.join(this.directory, name)).isFile(),
    );
    for (const name of removed) fs.rmSync(path.join(this.directory, name), { force: true });
    if (removed.length)
      log.info("removed unfinished snapshot files left by an interrupted export", {
        count: removed.length,
        files: removed,
      });
    return removed;
  }

  /**
   * Exports the directory once into a JSON and an NDJSON file (same pass, same point in time) in a
   * scratch folder, then records the row and copies both files into the database in one
   * transaction: the snapshot is stored whole or not at all. The scratch folder goes either way.
   */
  async create(label: string, curator: Curator | null, includeDrafts: boolean): Promise<Snapshot> {
    const now = new Date();
    const scratch = createScratch();
    try {
      const files = { json: path.join(scratch, "snapshot.json"), ndjson: path.join(scratch, "snapshot.ndjson") };
      const { meta } = await exportSnapshot(this.dataSource, {
        includeDrafts,
        now,
        writers: [
          new JsonSnapshotWriter(new SnapshotFile(files.json)),
          new NdjsonSnapshotWriter(new SnapshotFile(files.ndjson)),
        ],
      });
      const snapshot = this.repo.create({
        label: label.trim(),
        createdAt: now,
        createdById: curator?.id ?? null,
        sha256: meta.sha256,
        counts: meta.counts,
        includeDrafts,
        jsonBytes: fs.statSync(files.json).size,
        ndjsonBytes: fs.statSync(files.ndjson).size,
        jsonFile: null,
        ndjsonFile: null,
      });
      await inTransaction(this.dataSource, async (m) => {
        snapshot.id = (await m.insert(Snapshot, snapshot)).identifiers[0].id as number;
        for (const format of ["json", "ndjson"] as const)
          await this.contents.save(m, snapshot.id, format, files[format]);
      });
      snapshot.createdBy = curator;
      return snapshot;
    } finally {
      removeScratch(scratch);
    }
  }

  list(args: ConnectionArgs): Promise<Page<Snapshot>> {
    return paginate(this.repo.createQueryBuilder("s").leftJoinAndSelect("s.createdBy", "c"), NEWEST_FIRST, args);
  }

  findById(id: number): Promise<Snapshot | null> {
    return this.repo.createQueryBuilder("s").leftJoinAndSelect("s.createdBy", "c").where("s.id = :id", { id }).getOne();
  }

  /** A stored snapshot's file, streamed from the database; null when its content is missing. */
  openContent(snapshot: Snapshot, format: DownloadFormat): Promise<Readable | null> {
    return this.contents.open(snapshot.id, format);
  }

  /**
   * Compares the JSON files of two stored snapshots, streamed (memory does not grow with their
   * size): each is copied from the database into a scratch folder, then read like any file. One
   * diff or import per process at a time: UnavailableError while another runs.
   */
  async diff(fromId: number, toId: number): Promise<SnapshotDiffResult> {
    const [from, to] = [await this.findById(fromId), await this.findById(toId)];
    if (!from) throw new NotFoundError("Snapshot", fromId);
    if (!to) throw new NotFoundError("Snapshot", toId);
    return runHeavyJob("snapshot diff", async () => {
      const scratch = createScratch();
      try {
        const file = async (s: Snapshot, name: string) => {
          const target = path.join(scratch, name);
          if (!(await this.contents.copyToFile(s.id, "json", target)))
            throw new NotFoundError("Snapshot file of snapshot", s.id);
          return target;
        };
        // Stored files are trusted as written; a changed file still diffs by its content, and a diff
        // writes nothing, so data older than a rule still compares (diff-files.ts reads without rules).
        const { diff } = await compareSnapshotFiles(await file(from, "from.json"), await file(to, "to.json"));
        const totals = diffTotals(diff);
        return {
          from,
          to,
          identical: diff.identical,
          addedCount: totals.added,
          removedCount: totals.removed,
          changedCount: totals.changed,
          entities: diff.entities,
        };
      } finally {
        removeScratch(scratch);
      }
    });
  }
}
