import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Full-text search over programs (written by hand: TypeORM does not map tsvector indexes).
 *
 * `program_search` holds one weighted tsvector per program (A: title; B: institution name and
 * city, specialties, pathway; C: description) under a GIN index. It is a table of its own, not a
 * column of `programs`, so that TypeORM sees no drift; rows go with their program (ON DELETE
 * CASCADE). Triggers keep it current when a program, its institution, pathway, specialties or
 * specialty links change, so an edit is searchable at once whoever makes it.
 */
export class ProgramSearch1795618800000 implements MigrationInterface {
  name = "ProgramSearch1795618800000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE program_search (
      "programId" integer PRIMARY KEY REFERENCES programs(id) ON DELETE CASCADE,
      document tsvector NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX program_search_document ON program_search USING GIN (document)`);
    await queryRunner.query(`CREATE FUNCTION program_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
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
    $$`);

    await queryRunner.query(`CREATE FUNCTION program_search_on_program() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM program_search_refresh(ARRAY[NEW.id]); RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER program_search_program_insert AFTER INSERT ON programs
      FOR EACH ROW EXECUTE FUNCTION program_search_on_program()`);
    await queryRunner.query(`CREATE TRIGGER program_search_program_update AFTER UPDATE OF title, description, "institutionId", "pathwayId" ON programs
      FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
        OR OLD."institutionId" IS DISTINCT FROM NEW."institutionId" OR OLD."pathwayId" IS DISTINCT FROM NEW."pathwayId")
      EXECUTE FUNCTION program_search_on_program()`);

    await queryRunner.query(`CREATE FUNCTION program_search_on_institution() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM program_search_refresh(ARRAY(SELECT id FROM programs WHERE "institutionId" = NEW.id)); RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER program_search_institution AFTER UPDATE OF name, city ON institutions
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.city IS DISTINCT FROM NEW.city)
      EXECUTE FUNCTION program_search_on_institution()`);

    await queryRunner.query(`CREATE FUNCTION program_search_on_pathway() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM program_search_refresh(ARRAY(SELECT id FROM programs WHERE "pathwayId" = NEW.id)); RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER program_search_pathway AFTER UPDATE OF name ON pathways
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION program_search_on_pathway()`);

    await queryRunner.query(`CREATE FUNCTION program_search_on_specialty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM program_search_refresh(ARRAY(SELECT "programId" FROM program_specialties WHERE "specialtyId" = NEW.id)); RETURN NULL; END $$`);
    await queryRunner.query(`CREATE TRIGGER program_search_specialty AFTER UPDATE OF name ON specialties
      FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION program_search_on_specialty()`);

    // A link removed together with its program finds no program to re-index: the cascade has
    // already taken the search row with it.
    await queryRunner.query(`CREATE FUNCTION program_search_on_specialty_link() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN PERFORM program_search_refresh(ARRAY[NEW."programId"]);
        ELSIF TG_OP = 'DELETE' THEN PERFORM program_search_refresh(ARRAY[OLD."programId"]);
        ELSE PERFORM program_search_refresh(ARRAY[OLD."programId", NEW."programId"]);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER program_search_specialty_link AFTER INSERT OR UPDATE OR DELETE ON program_specialties
      FOR EACH ROW EXECUTE FUNCTION program_search_on_specialty_link()`);

    await queryRunner.query(`SELECT program_search_refresh(ARRAY(SELECT id FROM programs))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS program_search_specialty_link ON program_specialties`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS program_search_specialty ON specialties`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS program_search_pathway ON pathways`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS program_search_institution ON institutions`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS program_search_program_update ON programs`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS program_search_program_insert ON programs`);
    for (const fn of ["on_specialty_link", "on_specialty", "on_pathway", "on_institution", "on_program"]) {
      await queryRunner.query(`DROP FUNCTION IF EXISTS program_search_${fn}()`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS program_search_refresh(integer[])`);
    await queryRunner.query(`DROP TABLE IF EXISTS program_search`);
  }
}
