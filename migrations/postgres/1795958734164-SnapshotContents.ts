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
    await queryRunner.query('ALTER TABLE "snapshots" ALTER COLUMN "jsonFile" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "snapshots" ALTER COLUMN "ndjsonFile" DROP NOT NULL');
    await queryRunner.query(
      'CREATE TABLE "snapshot_chunks" ("snapshotId" integer NOT NULL, "format" character varying(8) NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_snapshot_chunks" PRIMARY KEY ("snapshotId", "format", "seq"), CONSTRAINT "FK_snapshot_chunks_snapshot" FOREIGN KEY ("snapshotId") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
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
    await queryRunner.query('ALTER TABLE "snapshots" ALTER COLUMN "ndjsonFile" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "snapshots" ALTER COLUMN "jsonFile" SET NOT NULL');
  }
}
