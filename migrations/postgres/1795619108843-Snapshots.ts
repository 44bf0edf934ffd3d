import type { MigrationInterface, QueryRunner } from "typeorm";

export class Snapshots1795619108843 implements MigrationInterface {
  name = "Snapshots1795619108843";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "snapshots" ("id" SERIAL NOT NULL, "label" character varying(200) NOT NULL, "createdAt" TIMESTAMP NOT NULL, "createdById" integer, "sha256" character varying(64) NOT NULL, "counts" text NOT NULL, "includeDrafts" boolean NOT NULL DEFAULT false, "jsonBytes" integer NOT NULL, "ndjsonBytes" integer NOT NULL, "jsonFile" character varying(255) NOT NULL, "ndjsonFile" character varying(255) NOT NULL, CONSTRAINT "PK_f5661b5fd4224d23e26a631986b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_snapshots_created_at" ON "snapshots"  ("createdAt", "id") ');
    await queryRunner.query(
      'ALTER TABLE "snapshots" ADD CONSTRAINT "FK_snapshots_created_by" FOREIGN KEY ("createdById") REFERENCES "curators"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "snapshots" DROP CONSTRAINT "FK_snapshots_created_by"');
    await queryRunner.query('DROP INDEX "public"."IDX_snapshots_created_at"');
    await queryRunner.query('DROP TABLE "snapshots"');
  }
}
