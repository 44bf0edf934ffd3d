import fs from "node:fs";
import path from "node:path";
import type { DataSource } from "typeorm";
import { CsvSnapshotWriter } from "./csv";
import { exportSnapshot, type ExportOptions, type ExportResult } from "./export";
import { SnapshotError } from "./snapshot.errors";
import { JsonSnapshotWriter, NdjsonSnapshotWriter, SnapshotFile, type SnapshotWriter } from "./writers";

export const EXPORT_FORMATS = ["json", "ndjson", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportToPathOptions extends Omit<ExportOptions, "writers"> {
  format: ExportFormat;
  /** A file (json, ndjson; "-" for standard output) or a folder (csv: absent or empty). */
  out: string;
}

function partialName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}-${Date.now()}`);
}

/**
 * Exports to a file or folder atomically: everything is written under a temporary name beside
 * the target and renamed into place only when complete, so a failed export leaves nothing behind
 * and never a half-written file under the real name.
 */
export async function exportToPath(ds: DataSource, options: ExportToPathOptions): Promise<ExportResult> {
  const { format, out, ...rest } = options;
  if (out === "-") {
    if (format === "csv") throw new SnapshotError("CSV exports write a folder: give --out a folder path, not -");
    const writer =
      format === "json"
        ? new JsonSnapshotWriter(process.stdout, { end: false })
        : new NdjsonSnapshotWriter(process.stdout, { end: false });
    return exportSnapshot(ds, { ...rest, writers: [writer] });
  }
  const target = path.resolve(out);
  if (!fs.existsSync(path.dirname(target)))
    throw new SnapshotError(`cannot write ${out}: the folder ${path.dirname(target)} does not exist`);
  const partial = partialName(target);
  if (format === "csv") {
    if (fs.existsSync(target) && (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0)) {
      throw new SnapshotError(`cannot write the CSV snapshot to ${out}: it exists and is not an empty folder`);
    }
    fs.mkdirSync(partial);
    try {
      const result = await exportSnapshot(ds, { ...rest, writers: [new CsvSnapshotWriter(partial)] });
      if (fs.existsSync(target)) fs.rmdirSync(target);
      fs.renameSync(partial, target);
      return result;
    } catch (e) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw e;
    }
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory())
    throw new SnapshotError(`cannot write ${out}: it is a folder`);
  // A file, not a stream: the writer fills in meta.sha256 at the end, so the export reads the directory once.
  const file = new SnapshotFile(partial);
  const writer: SnapshotWriter = format === "json" ? new JsonSnapshotWriter(file) : new NdjsonSnapshotWriter(file);
  try {
    const result = await exportSnapshot(ds, { ...rest, writers: [writer] });
    fs.renameSync(partial, target);
    return result;
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}
