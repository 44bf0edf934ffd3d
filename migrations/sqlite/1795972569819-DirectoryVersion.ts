import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A directory version for in-process read indexes (core/read-index.ts): one row, bumped by
 * triggers on every write to the tables the public directory is read from, in the writing
 * transaction, whoever writes. A row that is missing (an emptied database) comes back from the
 * clock, never from a number used before.
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

// Two plain statements: an INSERT OR REPLACE inside a trigger takes the outer statement's conflict policy.
const BUMP = `INSERT INTO "directory_version" ("id", "version")
  SELECT 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  WHERE NOT EXISTS (SELECT 1 FROM "directory_version" WHERE "id" = 1);
  UPDATE "directory_version" SET "version" = "version" + 1 WHERE "id" = 1`;

export class DirectoryVersion1795972569819 implements MigrationInterface {
  name = "DirectoryVersion1795972569819";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "directory_version" ("id" integer PRIMARY KEY NOT NULL, "version" bigint NOT NULL)',
    );
    for (const table of TABLES) {
      for (const event of ["INSERT", "UPDATE", "DELETE"]) {
        await queryRunner.query(
          `CREATE TRIGGER "bump_directory_version_${table}_${event.toLowerCase()}" AFTER ${event} ON "${table}" BEGIN ${BUMP}; END`,
        );
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const event of ["insert", "update", "delete"]) {
        await queryRunner.query(`DROP TRIGGER "bump_directory_version_${table}_${event}"`);
      }
    }
    await queryRunner.query('DROP TABLE "directory_version"');
  }
}
