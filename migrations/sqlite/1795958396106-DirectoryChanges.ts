import type { MigrationInterface, QueryRunner } from "typeorm";

export class DirectoryChanges1795958396106 implements MigrationInterface {
  name = "DirectoryChanges1795958396106";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "directory_changes" ("sequence" bigint PRIMARY KEY NOT NULL, "kind" varchar(10) NOT NULL, "recordType" varchar(16) NOT NULL, "recordId" integer NOT NULL, "slug" varchar(160), "changedFields" text NOT NULL, "occurredAt" datetime NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "directory_change_head" ("id" integer PRIMARY KEY NOT NULL, "lastSequence" bigint NOT NULL)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "directory_change_head"');
    await queryRunner.query('DROP TABLE "directory_changes"');
  }
}
