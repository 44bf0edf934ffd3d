import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A directory version for in-process read indexes (core/read-index.ts): one row, bumped once in
 * every transaction that writes a table the public directory is read from, whoever writes (this
 * server, another instance, the CLI, a script).
 *
 * The bump runs at commit (a deferred constraint trigger), so the version row is locked only while
 * a transaction commits: a bump at the first write would hold it to the end, and every other
 * writer of the directory would wait behind a long transaction. Because the bump commits with the
 * data, a reader that sees a version sees that version's data. The first firing in a transaction
 * sets a transaction-local flag, so the others return at once. A row that is missing (an emptied
 * database) comes back from the clock, never from a number used before.
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
        IF current_setting('directory.version_bumped', true) = 'on' THEN RETURN NULL; END IF;
        PERFORM set_config('directory.version_bumped', 'on', true);
        INSERT INTO "directory_version" ("id", "version")
          VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
          ON CONFLICT ("id") DO UPDATE SET "version" = "directory_version"."version" + 1;
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "bump_directory_version" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_directory_version"()`,
      );
      // Constraint triggers cannot watch TRUNCATE, which locks the whole table anyway.
      await queryRunner.query(
        `CREATE TRIGGER "bump_directory_version_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "bump_directory_version"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER "bump_directory_version_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "bump_directory_version" ON "${table}"`);
    }
    await queryRunner.query('DROP FUNCTION "bump_directory_version"()');
    await queryRunner.query('DROP TABLE "directory_version"');
  }
}
