import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * "Graduates of any year may apply" as a listing rule of programs and pathways: null (the source
 * does not say, as every row before this migration) keeps the years-since-graduation rule unknown.
 */
export class GraduatesOfAnyYear1795983184622 implements MigrationInterface {
  name = "GraduatesOfAnyYear1795983184622";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "graduatesOfAnyYear" boolean');
    await queryRunner.query('ALTER TABLE "pathways" ADD COLUMN "graduatesOfAnyYear" boolean');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "graduatesOfAnyYear"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "graduatesOfAnyYear"');
  }
}
