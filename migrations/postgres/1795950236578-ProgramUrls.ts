import type { MigrationInterface, QueryRunner } from "typeorm";

export class ProgramUrls1795950236578 implements MigrationInterface {
  name = "ProgramUrls1795950236578";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programs" ADD "websiteUrl" character varying(500)');
    await queryRunner.query('ALTER TABLE "programs" ADD "applicationUrl" character varying(500)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "applicationUrl"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "websiteUrl"');
  }
}
