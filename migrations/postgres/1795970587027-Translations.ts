import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * French translations of the directory's text, and the search index reading both languages with
 * accents folded. `directory_fold` maps the accented Latin letters of French (and Spanish and
 * Portuguese) to their plain letters, the same way the API folds a search's words
 * (String.prototype.normalize("NFD") without combining marks), so "montréal" finds "Montreal"
 * and the other way round. It uses translate() rather than the unaccent extension, which not
 * every PostgreSQL has installed.
 */

const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy";

const TRANSLATED: Record<string, [string, string][]> = {
  programs: [
    ["titleFr", "character varying(300)"],
    ["descriptionFr", "text"],
  ],
  institutions: [
    ["nameFr", "character varying(200)"],
    ["descriptionFr", "text"],
  ],
  pathways: [
    ["nameFr", "character varying(200)"],
    ["descriptionFr", "text"],
  ],
  requirements: [
    ["nameFr", "character varying(200)"],
    ["descriptionFr", "text"],
  ],
};
const DATES: [string, string][] = [
  ["translationUpdatedAt", "TIMESTAMP"],
  ["sourceTextUpdatedAt", "TIMESTAMP"],
];

/**
 * program_search_refresh over both languages' text; with `title`, it also keeps each program's title
 * beside its document (a later migration, SearchTitles, needs that).
 */
export function refreshBilingual(title = false): string {
  return `CREATE OR REPLACE FUNCTION program_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO program_search ("programId", document${title ? ", title" : ""})
  SELECT p.id,
    setweight(to_tsvector('english', directory_fold(p.title || ' ' || COALESCE(p."titleFr", ''))), 'A') ||
    setweight(to_tsvector('english', directory_fold(COALESCE(i.name || ' ' || COALESCE(i."nameFr", '') || ' ' || i.city, ''))), 'B') ||
    setweight(to_tsvector('english', directory_fold(COALESCE((SELECT string_agg(s.name, ' ') FROM program_specialties ps
      JOIN specialties s ON s.id = ps."specialtyId" WHERE ps."programId" = p.id), ''))), 'B') ||
    setweight(to_tsvector('english', directory_fold(COALESCE(pw.name || ' ' || COALESCE(pw."nameFr", ''), ''))), 'B') ||
    setweight(to_tsvector('english', directory_fold(COALESCE(p.description, '') || ' ' || COALESCE(p."descriptionFr", ''))), 'C')${title ? ",\n    p.title" : ""}
  FROM programs p
  LEFT JOIN institutions i ON i.id = p."institutionId"
  LEFT JOIN pathways pw ON pw.id = p."pathwayId"
  WHERE p.id = ANY(ids)
  ON CONFLICT ("programId") DO UPDATE SET document = EXCLUDED.document${title ? ", title = EXCLUDED.title" : ""}
$$`;
}

const REFRESH_BILINGUAL = refreshBilingual();

// As 1795618800000-ProgramSearch left it, for down().
const REFRESH_ENGLISH = `CREATE OR REPLACE FUNCTION program_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO program_search ("programId", document)
  SELECT p.id,
    setweight(to_tsvector('english', p.title), 'A') ||
    setweight(to_tsvector('english', COALESCE(i.name || ' ' || i.city, '')), 'B') ||
    setweight(to_tsvector('english', COALESCE((SELECT string_agg(s.name, ' ') FROM program_specialties ps
      JOIN specialties s ON s.id = ps."specialtyId" WHERE ps."programId" = p.id), '')), 'B') ||
    setweight(to_tsvector('english', COALESCE(pw.name, '')), 'B') ||
    setweight(to_tsvector('english', COALESCE(p.description, '')), 'C')
  FROM programs p
  LEFT JOIN institutions i ON i.id = p."institutionId"
  LEFT JOIN pathways pw ON pw.id = p."pathwayId"
  WHERE p.id = ANY(ids)
  ON CONFLICT ("programId") DO UPDATE SET document = EXCLUDED.document
$$`;

const TRIGGERS_BILINGUAL = [
  `CREATE TRIGGER program_search_program_update AFTER UPDATE OF title, description, "titleFr", "descriptionFr", "institutionId", "pathwayId" ON programs
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
      OR OLD."titleFr" IS DISTINCT FROM NEW."titleFr" OR OLD."descriptionFr" IS DISTINCT FROM NEW."descriptionFr"
      OR OLD."institutionId" IS DISTINCT FROM NEW."institutionId" OR OLD."pathwayId" IS DISTINCT FROM NEW."pathwayId")
    EXECUTE FUNCTION program_search_on_program()`,
  `CREATE TRIGGER program_search_institution AFTER UPDATE OF name, "nameFr", city ON institutions
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD."nameFr" IS DISTINCT FROM NEW."nameFr" OR OLD.city IS DISTINCT FROM NEW.city)
    EXECUTE FUNCTION program_search_on_institution()`,
  `CREATE TRIGGER program_search_pathway AFTER UPDATE OF name, "nameFr" ON pathways
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD."nameFr" IS DISTINCT FROM NEW."nameFr")
    EXECUTE FUNCTION program_search_on_pathway()`,
];

const TRIGGERS_ENGLISH = [
  `CREATE TRIGGER program_search_program_update AFTER UPDATE OF title, description, "institutionId", "pathwayId" ON programs
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
      OR OLD."institutionId" IS DISTINCT FROM NEW."institutionId" OR OLD."pathwayId" IS DISTINCT FROM NEW."pathwayId")
    EXECUTE FUNCTION program_search_on_program()`,
  `CREATE TRIGGER program_search_institution AFTER UPDATE OF name, city ON institutions
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.city IS DISTINCT FROM NEW.city)
    EXECUTE FUNCTION program_search_on_institution()`,
  `CREATE TRIGGER program_search_pathway AFTER UPDATE OF name ON pathways
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION program_search_on_pathway()`,
];

const DROP_TRIGGERS = [
  `DROP TRIGGER IF EXISTS program_search_program_update ON programs`,
  `DROP TRIGGER IF EXISTS program_search_institution ON institutions`,
  `DROP TRIGGER IF EXISTS program_search_pathway ON pathways`,
];

export class Translations1795970587027 implements MigrationInterface {
  name = "Translations1795970587027";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(TRANSLATED)) {
      for (const [column, type] of [...columns, ...DATES]) {
        await queryRunner.query(`ALTER TABLE "${table}" ADD "${column}" ${type}`);
      }
    }
    await queryRunner.query(
      `CREATE FUNCTION directory_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(translate($1, '${ACCENTED}', '${PLAIN}')) $$`,
    );
    await queryRunner.query(REFRESH_BILINGUAL);
    for (const sql of DROP_TRIGGERS) await queryRunner.query(sql);
    for (const sql of TRIGGERS_BILINGUAL) await queryRunner.query(sql);
    await queryRunner.query(`SELECT program_search_refresh(ARRAY(SELECT id FROM programs))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const sql of DROP_TRIGGERS) await queryRunner.query(sql);
    await queryRunner.query(REFRESH_ENGLISH);
    await queryRunner.query(`DROP FUNCTION IF EXISTS directory_fold(text)`);
    for (const [table, columns] of Object.entries(TRANSLATED)) {
      for (const [column] of [...columns, ...DATES].reverse()) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      }
    }
    for (const sql of TRIGGERS_ENGLISH) await queryRunner.query(sql);
    await queryRunner.query(`SELECT program_search_refresh(ARRAY(SELECT id FROM programs))`);
  }
}
