import type { DataSource } from "typeorm";
import {
  PROGRAM_SEARCH_REBUILD,
  PROGRAM_SEARCH_TRIGGERS,
} from "../../../../migrations/sqlite/1795970587027-Translations";
import { dialectOf } from "../../core/data-source";

/**
 * Puts back the SQLite search triggers a later migration dropped, and then rebuilds the index.
 * TypeORM alters a SQLite table by rebuilding it, which drops its triggers and bypasses them while
 * copying rows, so after such a migration the index would silently stop following edits.
 * PostgreSQL alters tables in place, keeping triggers: nothing to do there. One statement when
 * all is well.
 */
export async function ensureProgramSearchIndex(ds: DataSource): Promise<boolean> {
  if (dialectOf(ds) !== "sqlite") return false;
  const names = Object.keys(PROGRAM_SEARCH_TRIGGERS);
  const present: { name: string }[] = await ds.query(
    `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (${names.map(() => "?").join(", ")})`,
    names,
  );
  if (present.length === names.length) return false;
  const hasIndex: unknown[] = await ds.query(`SELECT 1 FROM sqlite_master WHERE name = 'programs_fts'`);
  if (hasIndex.length === 0) return false; // migrations before the search one
  await ds.transaction(async (m) => {
    for (const sql of Object.values(PROGRAM_SEARCH_TRIGGERS)) await m.query(sql);
    for (const sql of PROGRAM_SEARCH_REBUILD) await m.query(sql);
  });
  return true;
}
