import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { DataSource } from "typeorm";
import { dialectOf, rawSqlite } from "./data-source";

export interface BackupReport {
  file: string;
  bytes: number;
  integrity: string;
  pages?: number;
}

/**
 * A consistent online copy of the whole database. SQLite: the backup API copies a snapshot while
 * the server keeps serving, then the copy is checked with `PRAGMA integrity_check`.
 * PostgreSQL: `pg_dump --format=custom` (restore with `pg_restore --clean -d URL FILE`).
 */
export async function backupDatabase(ds: DataSource, out: string, postgresUrl?: string): Promise<BackupReport> {
  const file = path.resolve(out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`${out} already exists; choose a new file name`);
  if (dialectOf(ds) === "postgres") {
    const run = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, postgresUrl ?? ""], {
      encoding: "utf8",
    });
    if (run.error)
      throw new Error("pg_dump is not installed; install the PostgreSQL client (apt-get install postgresql-client)");
    if (run.status !== 0) throw new Error(`pg_dump failed: ${(run.stderr || "").trim().split("\n")[0]}`);
    return { file, bytes: fs.statSync(file).size, integrity: "pg_dump completed" };
  }
  const temp = `${file}.partial`;
  let pages = 0;
  await rawSqlite(ds).backup(temp, {
    progress: (p) => {
      pages = p.totalPages;
      return 200;
    },
  });
  const copy = new Database(temp, { readonly: true });
  let integrity: string;
  try {
    const rows = copy.pragma("integrity_check") as { integrity_check: string }[];
    integrity = rows.map((r) => r.integrity_check).join("; ");
  } finally {
    copy.close();
  }
  if (integrity !== "ok") {
    fs.rmSync(temp, { force: true });
    throw new Error(`the copy failed its integrity check: ${integrity}`);
  }
  fs.renameSync(temp, file);
  return { file, bytes: fs.statSync(file).size, integrity, pages };
}
