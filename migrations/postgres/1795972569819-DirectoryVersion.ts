import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A directory version for in-process read indexes (core/read-index.ts): one row, bumped by a
 * statement-level trigger on every write to the tables the public directory is read from, in the
 * writing transaction, whoever writes (this server, another instance, the CLI, a script). A row
 * that is missing (an emptied database) comes back from the clock, never from a number used before.
 */
const TABLES = [
  "programs",
  "program_specialties",
  "program_requirements",
  "pathways",
  "pathway_requirements",
  "requirements",
  "specialties",
  "institutions",
];

export class DirectoryVersion1795972569819 implements MigrationInterface {
  name = "DirectoryVersion1795972569819";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "directory_version" ("id" integer NOT NULL, "version" bigint NOT NULL, CONSTRAINT "PK_directory_version" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(`CREATE FUNCTION "bump_directory_version"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "directory_version" ("id", "version")
          VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
          ON CONFLICT ("id") DO UPDATE SET "version" = "directory_version"."version" + 1;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "bump_directory_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "bump_directory_version"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER "bump_directory_version" ON "${table}"`);
    await queryRunner.query('DROP FUNCTION "bump_directory_version"()');
    await queryRunner.query('DROP TABLE "directory_version"');
  }
}
