import type { MigrationInterface, QueryRunner } from "typeorm";

export class DirectoryChanges1795958396106 implements MigrationInterface {
  name = "DirectoryChanges1795958396106";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "directory_changes" ("sequence" bigint NOT NULL, "kind" character varying(10) NOT NULL, "recordType" character varying(16) NOT NULL, "recordId" integer NOT NULL, "slug" character varying(160), "changedFields" text NOT NULL, "occurredAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_2cd7c36a8e30870071ffeec0dfc" PRIMARY KEY ("sequence"))',
    );
    await queryRunner.query(
      'CREATE TABLE "directory_change_head" ("id" integer NOT NULL, "lastSequence" bigint NOT NULL, CONSTRAINT "PK_3020afb81b974d5e8ab25e11e5a" PRIMARY KEY ("id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "directory_change_head"');
    await queryRunner.query('DROP TABLE "directory_changes"');
  }
}
