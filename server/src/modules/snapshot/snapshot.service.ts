import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DataSource, Repository } from "typeorm";
import type { AppConfig } from "../../core/config";
import type { ConnectionArgs, Page } from "../../core/connection";
import { NotFoundError } from "../../core/errors";
import { log } from "../../core/logger";
import { paginate, type Ordering } from "../../core/pagination";
import type { Curator } from "../curator/curator.entity";
import { diffTotals } from "./diff";
import { diffSnapshotFiles } from "./diff-files";
import { exportSnapshot } from "./export";
import type { SnapshotDiffResult } from "./snapshot-diff.types";
import { Snapshot } from "./snapshot.entity";
import { JsonSnapshotWriter, NdjsonSnapshotWriter, SnapshotFile } from "./writers";

export type DownloadFormat = "json" | "ndjson";

/** What `create` writes while an export runs: `snapshot-<time>-<random>.json.partial` (or .ndjson). */
const PARTIAL_FILE = /^snapshot-[0-9TZ]+-[0-9a-f]+\.(json|ndjson)\.partial$/;

/** Ids grow with time, so newest-first is id-descending: one exact key. */
const NEWEST_FIRST: Ordering = {
  name: "SNAPSHOT_NEWEST",
  keys: [{ expr: "s.id", direction: "DESC" }],
};

export class SnapshotService {
  private readonly repo: Repository<Snapshot>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.repo = dataSource.getRepository(Snapshot);
  }

  get directory(): string {
    return path.resolve(this.config.snapshotDir);
  }

  filePath(snapshot: Snapshot, format: DownloadFormat): string {
    return path.join(this.directory, format === "json" ? snapshot.jsonFile : snapshot.ndjsonFile);
  }

  /**
   * Removes the half-written files of exports that never finished (the process was killed
   * mid-export: kill -9, out of memory, power loss), which nothing else would ever remove. Run at
   * start-up, before any export of this process; only names `create` writes are touched.
   */
  removeLeftoverPartials(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.directory);
    } catch {
      return []; // no SNAPSHOT_DIR yet: the first export creates it
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
   * Exports the directory once into both a JSON and an NDJSON file (same pass, same point in
   * time), renames them into SNAPSHOT_DIR when complete, then records the row. A failure removes
   * whatever was written.
   */
  async create(label: string, curator: Curator | null, includeDrafts: boolean): Promise<Snapshot> {
    fs.mkdirSync(this.directory, { recursive: true });
    const now = new Date();
    const base = `snapshot-${now
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z")}-${randomBytes(4).toString("hex")}`;
    const names = { json: `${base}.json`, ndjson: `${base}.ndjson` };
    const final = { json: path.join(this.directory, names.json), ndjson: path.join(this.directory, names.ndjson) };
    const partial = { json: `${final.json}.partial`, ndjson: `${final.ndjson}.partial` };
    const cleanup = () => {
      for (const f of [...Object.values(partial), ...Object.values(final)]) fs.rmSync(f, { force: true });
    };
    try {
      const { meta } = await exportSnapshot(this.dataSource, {
        includeDrafts,
        now,
        writers: [
          new JsonSnapshotWriter(new SnapshotFile(partial.json)),
          new NdjsonSnapshotWriter(new SnapshotFile(partial.ndjson)),
        ],
      });
      fs.renameSync(partial.json, final.json);
      fs.renameSync(partial.ndjson, final.ndjson);
      const saved = await this.repo.save(
        this.repo.create({
          label: label.trim(),
          createdAt: now,
          createdById: curator?.id ?? null,
          sha256: meta.sha256,
          counts: meta.counts,
          includeDrafts,
          jsonBytes: fs.statSync(final.json).size,
          ndjsonBytes: fs.statSync(final.ndjson).size,
          jsonFile: names.json,
          ndjsonFile: names.ndjson,
        }),
      );
      saved.createdBy = curator;
      return saved;
    } catch (e) {
      cleanup();
      throw e;
    }
  }

  list(args: ConnectionArgs): Promise<Page<Snapshot>> {
    return paginate(this.repo.createQueryBuilder("s").leftJoinAndSelect("s.createdBy", "c"), NEWEST_FIRST, args);
  }

  findById(id: number): Promise<Snapshot | null> {
    return this.repo.createQueryBuilder("s").leftJoinAndSelect("s.createdBy", "c").where("s.id = :id", { id }).getOne();
  }

  /**
   * Compares the JSON files of two stored snapshots, streamed (memory does not grow with their
   * size). One diff or import per process at a time: UnavailableError while another runs.
   */
  async diff(fromId: number, toId: number): Promise<SnapshotDiffResult> {
    const [from, to] = [await this.findById(fromId), await this.findById(toId)];
    if (!from) throw new NotFoundError("Snapshot", fromId);
    if (!to) throw new NotFoundError("Snapshot", toId);
    const file = (s: Snapshot) => {
      const name = this.filePath(s, "json");
      if (!fs.existsSync(name)) throw new NotFoundError("Snapshot file of snapshot", s.id);
      return name;
    };
    // Stored files are trusted as written; a changed file still diffs by its content, and a diff
    // writes nothing, so data older than a rule still compares (diff-files.ts reads without rules).
    const { diff } = await diffSnapshotFiles(file(from), file(to));
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
  }
}
