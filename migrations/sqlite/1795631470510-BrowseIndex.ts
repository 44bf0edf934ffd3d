import type { MigrationInterface, QueryRunner } from "typeorm";

export class BrowseIndex1795631470510 implements MigrationInterface {
  name = "BrowseIndex1795631470510";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_programs_status_country_type" ON "programs" ("status", "country", "type") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_programs_status_country_type"');
  }
}
