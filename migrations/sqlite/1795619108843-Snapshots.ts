import type { MigrationInterface, QueryRunner } from "typeorm";

export class Snapshots1795619108843 implements MigrationInterface {
  name = "Snapshots1795619108843";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "snapshots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "label" varchar(200) NOT NULL, "createdAt" datetime NOT NULL, "createdById" integer, "sha256" varchar(64) NOT NULL, "counts" text NOT NULL, "includeDrafts" boolean NOT NULL DEFAULT (0), "jsonBytes" integer NOT NULL, "ndjsonBytes" integer NOT NULL, "jsonFile" varchar(255) NOT NULL, "ndjsonFile" varchar(255) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_snapshots_created_at" ON "snapshots" ("createdAt", "id") ');
    await queryRunner.query('DROP INDEX "IDX_snapshots_created_at"');
    await queryRunner.query(
      'CREATE TABLE "temporary_snapshots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "label" varchar(200) NOT NULL, "createdAt" datetime NOT NULL, "createdById" integer, "sha256" varchar(64) NOT NULL, "counts" text NOT NULL, "includeDrafts" boolean NOT NULL DEFAULT (0), "jsonBytes" integer NOT NULL, "ndjsonBytes" integer NOT NULL, "jsonFile" varchar(255) NOT NULL, "ndjsonFile" varchar(255) NOT NULL, CONSTRAINT "FK_snapshots_created_by" FOREIGN KEY ("createdById") REFERENCES "curators" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_snapshots"("id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile") SELECT "id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile" FROM "snapshots"',
    );
    await queryRunner.query('DROP TABLE "snapshots"');
    await queryRunner.query('ALTER TABLE "temporary_snapshots" RENAME TO "snapshots"');
    await queryRunner.query('CREATE INDEX "IDX_snapshots_created_at" ON "snapshots" ("createdAt", "id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_snapshots_created_at"');
    await queryRunner.query('ALTER TABLE "snapshots" RENAME TO "temporary_snapshots"');
    await queryRunner.query(
      'CREATE TABLE "snapshots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "label" varchar(200) NOT NULL, "createdAt" datetime NOT NULL, "createdById" integer, "sha256" varchar(64) NOT NULL, "counts" text NOT NULL, "includeDrafts" boolean NOT NULL DEFAULT (0), "jsonBytes" integer NOT NULL, "ndjsonBytes" integer NOT NULL, "jsonFile" varchar(255) NOT NULL, "ndjsonFile" varchar(255) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "snapshots"("id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile") SELECT "id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile" FROM "temporary_snapshots"',
    );
    await queryRunner.query('DROP TABLE "temporary_snapshots"');
    await queryRunner.query('CREATE INDEX "IDX_snapshots_created_at" ON "snapshots" ("createdAt", "id") ');
    await queryRunner.query('DROP INDEX "IDX_snapshots_created_at"');
    await queryRunner.query('DROP TABLE "snapshots"');
  }
}
