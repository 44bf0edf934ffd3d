import type { MigrationInterface, QueryRunner } from "typeorm";

const SOURCED = ["institutions", "requirements", "pathways"] as const;

/**
 * Written by hand as ADD/DROP COLUMN: the generator rebuilds each table (copy, drop, rename), which
 * on SQLite cannot drop a table that programs refer to while foreign keys are on, and would drop the
 * programs table's search triggers. Every new column is nullable or has a default, which SQLite adds
 * in place.
 */
export class Provenance1795971119859 implements MigrationInterface {
  name = "Provenance1795971119859";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of SOURCED) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "sourceUrl" varchar(500)`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "sourceNote" text`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "lastVerifiedAt" datetime`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "verifiedById" integer`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "changedSinceVerified" boolean NOT NULL DEFAULT (0)`);
    }
    await queryRunner.query(`ALTER TABLE "programs" ADD COLUMN "changedSinceVerified" boolean NOT NULL DEFAULT (0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "changedSinceVerified"`);
    for (const table of [...SOURCED].reverse()) {
      for (const column of ["changedSinceVerified", "verifiedById", "lastVerifiedAt", "sourceNote", "sourceUrl"]) {
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      }
    }
  }
}
