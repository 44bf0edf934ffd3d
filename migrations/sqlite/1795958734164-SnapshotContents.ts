import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Stored snapshots' bytes move into the database, so that any server process serves any snapshot
 * (modules/snapshot/snapshot-content-store.ts). The chunk table is written by hand: TypeORM has no
 * binary column type common to both dialects (bytea here, blob on SQLite), so no entity maps it.
 * The file names become nullable: a name is left only on a snapshot of an earlier version whose
 * file start-up has not moved in yet (snapshot-files-import.ts).
 *
 * `down` loses the contents moved in: the earlier version finds no file for those snapshots and
 * answers their downloads 404.
 */
export class SnapshotContents1795958734164 implements MigrationInterface {
  name = "SnapshotContents1795958734164";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_snapshots_created_at"');
    await queryRunner.query(
      'CREATE TABLE "temporary_snapshots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "label" varchar(200) NOT NULL, "createdAt" datetime NOT NULL, "createdById" integer, "sha256" varchar(64) NOT NULL, "counts" text NOT NULL, "includeDrafts" boolean NOT NULL DEFAULT (0), "jsonBytes" integer NOT NULL, "ndjsonBytes" integer NOT NULL, "jsonFile" varchar(255), "ndjsonFile" varchar(255), CONSTRAINT "FK_snapshots_created_by" FOREIGN KEY ("createdById") REFERENCES "curators" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_snapshots"("id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile") SELECT "id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile" FROM "snapshots"',
    );
    await queryRunner.query('DROP TABLE "snapshots"');
    await queryRunner.query('ALTER TABLE "temporary_snapshots" RENAME TO "snapshots"');
    await queryRunner.query('CREATE INDEX "IDX_snapshots_created_at" ON "snapshots" ("createdAt", "id") ');
    await queryRunner.query(
      'CREATE TABLE "snapshot_chunks" ("snapshotId" integer NOT NULL, "format" varchar(8) NOT NULL, "seq" integer NOT NULL, "data" blob NOT NULL, PRIMARY KEY ("snapshotId", "format", "seq"), CONSTRAINT "FK_snapshot_chunks_snapshot" FOREIGN KEY ("snapshotId") REFERENCES "snapshots" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "snapshot_chunks"');
    // Names no file has: the earlier version answers these downloads 404 ("file missing").
    await queryRunner.query(
      `UPDATE "snapshots" SET "jsonFile" = 'moved-to-database-' || "id" || '.json' WHERE "jsonFile" IS NULL`,
    );
    await queryRunner.query(
      `UPDATE "snapshots" SET "ndjsonFile" = 'moved-to-database-' || "id" || '.ndjson' WHERE "ndjsonFile" IS NULL`,
    );
    await queryRunner.query('DROP INDEX "IDX_snapshots_created_at"');
    await queryRunner.query('ALTER TABLE "snapshots" RENAME TO "temporary_snapshots"');
    await queryRunner.query(
      'CREATE TABLE "snapshots" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "label" varchar(200) NOT NULL, "createdAt" datetime NOT NULL, "createdById" integer, "sha256" varchar(64) NOT NULL, "counts" text NOT NULL, "includeDrafts" boolean NOT NULL DEFAULT (0), "jsonBytes" integer NOT NULL, "ndjsonBytes" integer NOT NULL, "jsonFile" varchar(255) NOT NULL, "ndjsonFile" varchar(255) NOT NULL, CONSTRAINT "FK_snapshots_created_by" FOREIGN KEY ("createdById") REFERENCES "curators" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "snapshots"("id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile") SELECT "id", "label", "createdAt", "createdById", "sha256", "counts", "includeDrafts", "jsonBytes", "ndjsonBytes", "jsonFile", "ndjsonFile" FROM "temporary_snapshots"',
    );
    await queryRunner.query('DROP TABLE "temporary_snapshots"');
    await queryRunner.query('CREATE INDEX "IDX_snapshots_created_at" ON "snapshots" ("createdAt", "id") ');
  }
}
