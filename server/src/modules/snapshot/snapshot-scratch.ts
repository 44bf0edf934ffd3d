/**
 * Scratch folders for stored snapshots on their way into the database: an export writes its two
 * files here (it writes the hash back into them at the end), then they are copied into the
 * database and the folder is removed. One folder per export, in the system's temporary folder,
 * named after the process, so that processes sharing that folder never touch each other's work.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { log } from "../../core/logger";

const PREFIX = "directory-snapshot-";
const NAME = /^directory-snapshot-(\d+)-[A-Za-z0-9]+$/;

/** A new, empty scratch folder of this process. */
export function createScratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
}

export function removeScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** False only when no process has that id (a process of another user still counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Removes the scratch folders of processes that are gone (killed mid-export: kill -9, out of
 * memory), which nothing else would ever remove. Run at start-up.
 */
export function removeAbandonedScratch(): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(os.tmpdir());
  } catch {
    return [];
  }
  const abandoned = names.filter((name) => {
    const pid = Number(NAME.exec(name)?.[1] ?? NaN);
    return Number.isInteger(pid) && pid !== process.pid && !isRunning(pid);
  });
  for (const name of abandoned) removeScratch(path.join(os.tmpdir(), name));
  if (abandoned.length)
    log.info("removed the scratch folders of snapshot exports whose process is gone", { folders: abandoned });
  return abandoned;
}
