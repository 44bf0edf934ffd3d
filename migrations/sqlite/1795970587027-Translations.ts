import type { MigrationInterface, QueryRunner } from "typeorm";
import {
  PROGRAM_SEARCH_REBUILD as PREVIOUS_REBUILD,
  PROGRAM_SEARCH_TRIGGERS as PREVIOUS_TRIGGERS,
} from "./1795618800000-ProgramSearch";

/**
 * French translations of the directory's text (written by hand: plain nullable columns added in
 * place, as TypeORM's generated table rebuild would lose the search triggers and, on revert,
 * every program's links), and the search index reading both languages.
 *
 * The index keeps its columns; each holds the English text followed by its French translation,
 * so bm25 weighs a French title match as a title match. FTS5's `remove_diacritics 2` already
 * folds accents on both sides ("montréal" finds "Montreal"). Every trigger embeds the document's
 * SELECT, so all of them are replaced, and the index rebuilt.
 */

const TRANSLATED: Record<string, [string, string][]> = {
  programs: [
    ["titleFr", "varchar(300)"],
    ["descriptionFr", "text"],
  ],
  institutions: [
    ["nameFr", "varchar(200)"],
    ["descriptionFr", "text"],
  ],
  pathways: [
    ["nameFr", "varchar(200)"],
    ["descriptionFr", "text"],
  ],
  requirements: [
    ["nameFr", "varchar(200)"],
    ["descriptionFr", "text"],
  ],
};
const DATES: [string, string][] = [
  ["translationUpdatedAt", "datetime"],
  ["sourceTextUpdatedAt", "datetime"],
];

/** The document of the programs matching `where` (an SQL condition on `p`), in both languages. */
export function programSearchInsert(where: string): string {
  return `INSERT INTO programs_fts (rowid, title, description, institution, specialties, pathway)
    SELECT p.id, p.title || ' ' || COALESCE(p."titleFr", ''),
      COALESCE(p.description, '') || ' ' || COALESCE(p."descriptionFr", ''),
      COALESCE((SELECT i.name || ' ' || COALESCE(i."nameFr", '') || ' ' || i.city FROM institutions i WHERE i.id = p."institutionId"), ''),
      COALESCE((SELECT group_concat(s.name, ' ') FROM program_specialties ps JOIN specialties s ON s.id = ps."specialtyId" WHERE ps."programId" = p.id), ''),
      COALESCE((SELECT pw.name || ' ' || COALESCE(pw."nameFr", '') FROM pathways pw WHERE pw.id = p."pathwayId"), '')
    FROM programs p WHERE ${where};`;
}

function refresh(ids: string): string {
  return `DELETE FROM programs_fts WHERE rowid IN (${ids});\n    ${programSearchInsert(`p.id IN (${ids})`)}`;
}

/** The triggers that keep the index current (search-index.ts puts back any a table rebuild dropped). */
export const PROGRAM_SEARCH_TRIGGERS: Record<string, string> = {
  programs_fts_ai: `CREATE TRIGGER IF NOT EXISTS programs_fts_ai AFTER INSERT ON programs BEGIN
    ${programSearchInsert("p.id = new.id")}
  END`,
  programs_fts_au: `CREATE TRIGGER IF NOT EXISTS programs_fts_au AFTER UPDATE OF title, description, "titleFr", "descriptionFr", "institutionId", "pathwayId" ON programs
  WHEN old.title IS NOT new.title OR old.description IS NOT new.description
    OR old."titleFr" IS NOT new."titleFr" OR old."descriptionFr" IS NOT new."descriptionFr"
    OR old."institutionId" IS NOT new."institutionId" OR old."pathwayId" IS NOT new."pathwayId" BEGIN
    DELETE FROM programs_fts WHERE rowid = old.id;
    ${programSearchInsert("p.id = new.id")}
  END`,
  programs_fts_ad: `CREATE TRIGGER IF NOT EXISTS programs_fts_ad AFTER DELETE ON programs BEGIN
    DELETE FROM programs_fts WHERE rowid = old.id;
  END`,
  institutions_fts_au: `CREATE TRIGGER IF NOT EXISTS institutions_fts_au AFTER UPDATE OF name, "nameFr", city ON institutions
  WHEN old.name IS NOT new.name OR old."nameFr" IS NOT new."nameFr" OR old.city IS NOT new.city BEGIN
    ${refresh(`SELECT id FROM programs WHERE "institutionId" = new.id`)}
  END`,
  pathways_fts_au: `CREATE TRIGGER IF NOT EXISTS pathways_fts_au AFTER UPDATE OF name, "nameFr" ON pathways
  WHEN old.name IS NOT new.name OR old."nameFr" IS NOT new."nameFr" BEGIN
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

export const PROGRAM_SEARCH_REBUILD = [
  `INSERT INTO programs_fts (programs_fts) VALUES ('delete-all')`,
  programSearchInsert("1 = 1"),
];

export class Translations1795970587027 implements MigrationInterface {
  name = "Translations1795970587027";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(TRANSLATED)) {
      for (const [column, type] of [...columns, ...DATES]) {
        await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${type}`);
      }
    }
    for (const name of Object.keys(PREVIOUS_TRIGGERS)) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
    for (const sql of Object.values(PROGRAM_SEARCH_TRIGGERS)) await queryRunner.query(sql);
    for (const sql of PROGRAM_SEARCH_REBUILD) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(PROGRAM_SEARCH_TRIGGERS)) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
    for (const [table, columns] of Object.entries(TRANSLATED)) {
      for (const [column] of [...columns, ...DATES].reverse()) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      }
    }
    for (const sql of Object.values(PREVIOUS_TRIGGERS)) await queryRunner.query(sql);
    for (const sql of PREVIOUS_REBUILD) await queryRunner.query(sql);
  }
}
