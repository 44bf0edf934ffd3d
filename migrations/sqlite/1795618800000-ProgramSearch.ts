import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text search over programs (written by hand: TypeORM does not know FTS5).
 *
 * `programs_fts` is a contentless FTS5 table (it stores only the index; `contentless_delete`
 * lets triggers delete rows by id). Row id = program id; one column per searchable source so
 * that bm25 can weigh a title match above a description match. Triggers keep it current when a
 * program, its institution, pathway, specialties or specialty links change, so an edit is
 * searchable at once whoever makes it (API, CLI, import, plain SQL).
 *
 * TypeORM rebuilds a SQLite table to alter it (create, copy, drop, rename), which drops that
 * table's triggers: `ensureProgramSearchIndex` (run after every migration) recreates missing
 * triggers from PROGRAM_SEARCH_TRIGGERS and rebuilds the index, and connections run with
 * `legacy_alter_table=ON` so that the rename step does not trip over these triggers.
 */

/** The document of the programs matching `where` (an SQL condition on `p`), as FTS rows. */
export function programSearchInsert(where: string): string {
  return `INSERT INTO programs_fts (rowid, title, description, institution, specialties, pathway)
    SELECT p.id, p.title, COALESCE(p.description, ''),
      COALESCE((SELECT i.name || ' ' || i.city FROM institutions i WHERE i.id = p."institutionId"), ''),
      COALESCE((SELECT group_concat(s.name, ' ') FROM program_specialties ps JOIN specialties s ON s.id = ps."specialtyId" WHERE ps."programId" = p.id), ''),
      COALESCE((SELECT pw.name FROM pathways pw WHERE pw.id = p."pathwayId"), '')
    FROM programs p WHERE ${where};`;
}

/** Re-indexes the programs whose ids the SQL list expression `ids` yields. */
function refresh(ids: string): string {
  return `DELETE FROM programs_fts WHERE rowid IN (${ids});\n    ${programSearchInsert(`p.id IN (${ids})`)}`;
}

export const PROGRAM_SEARCH_TRIGGERS: Record<string, string> = {
  programs_fts_ai: `CREATE TRIGGER IF NOT EXISTS programs_fts_ai AFTER INSERT ON programs BEGIN
    ${programSearchInsert("p.id = new.id")}
  END`,
  programs_fts_au: `CREATE TRIGGER IF NOT EXISTS programs_fts_au AFTER UPDATE OF title, description, "institutionId", "pathwayId" ON programs
  WHEN old.title IS NOT new.title OR old.description IS NOT new.description
    OR old."institutionId" IS NOT new."institutionId" OR old."pathwayId" IS NOT new."pathwayId" BEGIN
    DELETE FROM programs_fts WHERE rowid = old.id;
    ${programSearchInsert("p.id = new.id")}
  END`,
  programs_fts_ad: `CREATE TRIGGER IF NOT EXISTS programs_fts_ad AFTER DELETE ON programs BEGIN
    DELETE FROM programs_fts WHERE rowid = old.id;
  END`,
  institutions_fts_au: `CREATE TRIGGER IF NOT EXISTS institutions_fts_au AFTER UPDATE OF name, city ON institutions
  WHEN old.name IS NOT new.name OR old.city IS NOT new.city BEGIN
    ${refresh(`SELECT id FROM programs WHERE "institutionId" = new.id`)}
  END`,
  pathways_fts_au: `CREATE TRIGGER IF NOT EXISTS pathways_fts_au AFTER UPDATE OF name ON pathways
  WHEN old.name IS NOT new.name BEGIN
    ${refresh(`SELECT id FROM programs WHERE "pathwayId" = new.id`)}
  END`,
  specialties_fts_au: `CREATE TRIGGER IF NOT EXISTS specialties_fts_au AFTER UPDATE OF name ON specialties
  WHEN old.name IS NOT new.name BEGIN
    ${refresh(`SELECT "programId" FROM program_specialties WHERE "specialtyId" = new.id`)}
  END`,
  program_specialties_fts_ai: `CREATE TRIGGER IF NOT EXISTS program_specialties_fts_ai AFTER INSERT ON program_specialties BEGIN
    ${refresh(`new."programId"`)}
  END`,
  program_specialties_fts_ad: `CREATE TRIGGER IF NOT EXISTS program_specialties_fts_ad AFTER DELETE ON program_specialties BEGIN
    ${refresh(`old."programId"`)}
  END`,
  program_specialties_fts_au: `CREATE TRIGGER IF NOT EXISTS program_specialties_fts_au AFTER UPDATE ON program_specialties BEGIN
    ${refresh(`old."programId", new."programId"`)}
  END`,
};

/** Empties the index and indexes every program again. */
export const PROGRAM_SEARCH_REBUILD = [
  `INSERT INTO programs_fts (programs_fts) VALUES ('delete-all')`,
  programSearchInsert("1 = 1"),
];

export class ProgramSearch1795618800000 implements MigrationInterface {
  name = "ProgramSearch1795618800000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    // porter stems English words ("residencies" finds "residency"); prefix indexes make
    // search-as-you-type prefix queries cheap.
    await queryRunner.query(
      `CREATE VIRTUAL TABLE programs_fts USING fts5(title, description, institution, specialties, pathway, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')`,
    );
    for (const sql of Object.values(PROGRAM_SEARCH_TRIGGERS)) await queryRunner.query(sql);
    for (const sql of PROGRAM_SEARCH_REBUILD) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(PROGRAM_SEARCH_TRIGGERS)) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
    await queryRunner.query(`DROP TABLE IF EXISTS programs_fts`);
  }
}
