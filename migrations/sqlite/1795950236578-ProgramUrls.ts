import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Generated, then reduced by hand to ADD/DROP COLUMN. The generator rebuilt the whole programs
 * table (copy, drop, rename): `up` kept every row but dropped the search triggers (migrate.ts
 * re-creates them), and `down` deleted every program's specialty and requirement links, because
 * TypeORM turns foreign keys off inside its revert transaction, where SQLite ignores it, so
 * dropping the renamed table cascaded. SQLite adds and drops a plain nullable column in place;
 * tests/migrations.test.ts runs this down and up on the sample directory.
 */
export class ProgramUrls1795950236578 implements MigrationInterface {
  name = "ProgramUrls1795950236578";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "websiteUrl" varchar(500)');
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "applicationUrl" varchar(500)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "applicationUrl"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "websiteUrl"');
  }
}
