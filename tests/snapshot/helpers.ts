import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { hashDocument } from "../../server/src/modules/snapshot/canonical-hash";
import { exportToPath, type ExportFormat } from "../../server/src/modules/snapshot/export-files";
import { importSnapshotFile, type ImportMode } from "../../server/src/modules/snapshot/import";
import { createAuditTrail } from "../../server/src/composition/audit-trail";
import { createTestDatabase, openMigrated, type TestDatabase } from "../support/db";

export interface SnapshotTestDb {
  ds: DataSource;
  db: TestDatabase;
  close(): Promise<void>;
}

/** A fresh migrated database of the dialect under test. */
export async function openTestDb(): Promise<SnapshotTestDb> {
  const db = await createTestDatabase();
  const ds = await openMigrated(db);
  return {
    ds,
    db,
    async close() {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    },
  };
}

export function tempDir(prefix = "snapshot-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function exportTo(ds: DataSource, format: ExportFormat, file: string, includeDrafts = false) {
  return exportToPath(ds, { format, out: file, includeDrafts });
}

export async function importFrom(
  ds: DataSource,
  file: string,
  mode: ImportMode = "merge",
  extra: { dryRun?: boolean; ignoreChecksum?: boolean } = {},
) {
  return importSnapshotFile(ds, file, {
    mode,
    dryRun: extra.dryRun,
    ignoreChecksum: extra.ignoreChecksum,
    audit: createAuditTrail(),
  });
}

/** Every row of every directory table, for "the database is unchanged" assertions. */
export async function dumpTables(ds: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    "institutions",
    "programs",
    "program_requirements",
    "program_specialties",
    "requirements",
    "requirement_implications",
    "pathways",
    "pathway_requirements",
    "specialties",
  ]) {
    out[t] = await ds.query(`SELECT * FROM "${t}" ORDER BY 1, 2`);
  }
  return out;
}

/** Reads a JSON snapshot as plain data for a test to edit. */
export function readJsonFile(file: string): any {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Writes an edited snapshot, with meta made consistent again unless `keepMeta`. */
export function writeJsonFile(file: string, doc: any, options: { keepMeta?: boolean } = {}): string {
  if (!options.keepMeta) {
    for (const e of ["institutions", "programs", "requirements", "specialties", "pathways"])
      doc.meta.counts[e] = doc[e].length;
    doc.meta.sha256 = hashDocument(doc);
  }
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

/** DATABASE_URL for the CLI to reach a test database. */
export function databaseUrl(db: TestDatabase): string {
  return db.config.kind === "sqlite" ? `sqlite:${db.config.path}` : db.config.url;
}
