import type { MigrationInterface, QueryRunner } from "typeorm";

export class Provenance1795971119859 implements MigrationInterface {
  name = "Provenance1795971119859";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "institutions" ADD "sourceUrl" character varying(500)');
    await queryRunner.query('ALTER TABLE "institutions" ADD "sourceNote" text');
    await queryRunner.query('ALTER TABLE "institutions" ADD "lastVerifiedAt" TIMESTAMP');
    await queryRunner.query('ALTER TABLE "institutions" ADD "verifiedById" integer');
    await queryRunner.query('ALTER TABLE "institutions" ADD "changedSinceVerified" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "requirements" ADD "sourceUrl" character varying(500)');
    await queryRunner.query('ALTER TABLE "requirements" ADD "sourceNote" text');
    await queryRunner.query('ALTER TABLE "requirements" ADD "lastVerifiedAt" TIMESTAMP');
    await queryRunner.query('ALTER TABLE "requirements" ADD "verifiedById" integer');
    await queryRunner.query('ALTER TABLE "requirements" ADD "changedSinceVerified" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "pathways" ADD "sourceUrl" character varying(500)');
    await queryRunner.query('ALTER TABLE "pathways" ADD "sourceNote" text');
    await queryRunner.query('ALTER TABLE "pathways" ADD "lastVerifiedAt" TIMESTAMP');
    await queryRunner.query('ALTER TABLE "pathways" ADD "verifiedById" integer');
    await queryRunner.query('ALTER TABLE "pathways" ADD "changedSinceVerified" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "programs" ADD "changedSinceVerified" boolean NOT NULL DEFAULT false');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "changedSinceVerified"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "changedSinceVerified"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "verifiedById"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "lastVerifiedAt"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "sourceNote"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "sourceUrl"');
    await queryRunner.query('ALTER TABLE "requirements" DROP COLUMN "changedSinceVerified"');
    await queryRunner.query('ALTER TABLE "requirements" DROP COLUMN "verifiedById"');
    await queryRunner.query('ALTER TABLE "requirements" DROP COLUMN "lastVerifiedAt"');
    await queryRunner.query('ALTER TABLE "requirements" DROP COLUMN "sourceNote"');
    await queryRunner.query('ALTER TABLE "requirements" DROP COLUMN "sourceUrl"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "changedSinceVerified"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "verifiedById"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "lastVerifiedAt"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "sourceNote"');
    await queryRunner.query('ALTER TABLE "institutions" DROP COLUMN "sourceUrl"');
  }
}
