/**
 * Earlier versions kept stored snapshots' files in SNAPSHOT_DIR, named by their row. At start-up
 * (under the start-up lock, server/src/startup.ts) each such file still named by a row is copied
 * into the database, one file per transaction that also clears the row's name, so the move
 * survives an interruption and never runs twice. Files are left where they are: once the log says
 * they have been moved, SNAPSHOT_DIR can be backed up and removed (docs/SNAPSHOTS.md). A file that
 * is missing or whose size is not the row's stays named, is logged, and is looked for again at
 * the next start; until then its download answers 404.
 */
import fs from "node:fs";
import path from "node:path";
import { IsNull, Not, type DataSource } from "typeorm";
import { log } from "../../core/logger";
import { inTransaction } from "../../core/transaction";
import { DatabaseSnapshotContentStore, type DownloadFormat } from "./snapshot-content-store";
import { Snapshot } from "./snapshot.entity";

export interface SnapshotFilesMove {
  moved: string[];
  /** Files still named by a row but absent from SNAPSHOT_DIR, or of another size than recorded. */
  notMoved: string[];
}

const COLUMN = { json: "jsonFile", ndjson: "ndjsonFile" } as const;
const BYTES = { json: "jsonBytes", ndjson: "ndjsonBytes" } as const;

export async function moveSnapshotFilesIntoDatabase(ds: DataSource, snapshotDir: string): Promise<SnapshotFilesMove> {
  const store = new DatabaseSnapshotContentStore(ds);
  const rows = await ds.getRepository(Snapshot).find({
    where: [{ jsonFile: Not(IsNull()) }, { ndjsonFile: Not(IsNull()) }],
    order: { id: "ASC" },
  });
  const result: SnapshotFilesMove = { moved: [], notMoved: [] };
  for (const row of rows) {
    for (const format of ["json", "ndjson"] as DownloadFormat[]) {
      const name = row[COLUMN[format]];
      if (!name) continue;
      // Only the base name: a row never sends the move outside SNAPSHOT_DIR.
      const file = path.join(path.resolve(snapshotDir), path.basename(name));
      const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
      if (size !== row[BYTES[format]]) {
        result.notMoved.push(name);
        continue;
      }
      await inTransaction(ds, async (m) => {
        await store.save(m, row.id, format, file);
        await m.update(Snapshot, row.id, { [COLUMN[format]]: null });
      });
      result.moved.push(name);
    }
  }
  if (result.moved.length)
    log.info("moved stored snapshots' files from SNAPSHOT_DIR into the database (the files were left in place)", {
      snapshotDir,
      files: result.moved,
    });
  if (result.notMoved.length)
    log.warn(
      "snapshot files named by their rows are missing from SNAPSHOT_DIR or have another size: their downloads answer 404 until the right files are put back and the server restarted",
      { snapshotDir, files: result.notMoved },
    );
  return result;
}
