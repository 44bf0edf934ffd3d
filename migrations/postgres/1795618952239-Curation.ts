import type { MigrationInterface, QueryRunner } from "typeorm";

export class Curation1795618952239 implements MigrationInterface {
  name = "Curation1795618952239";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"audit_entries_action_enum\" AS ENUM('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'PUBLISH', 'UNPUBLISH', 'VERIFY', 'REVERT')",
    );
    await queryRunner.query(
      'CREATE TABLE "audit_entries" ("id" SERIAL NOT NULL, "at" TIMESTAMP NOT NULL, "action" "public"."audit_entries_action_enum" NOT NULL, "entityType" character varying(40) NOT NULL, "entityId" integer NOT NULL, "entityVersion" integer, "actorId" integer, "changes" text NOT NULL, "note" text, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_at" ON "audit_entries"  ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_actor" ON "audit_entries"  ("actorId", "id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_entries_entity" ON "audit_entries"  ("entityType", "entityId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "curator_sessions" ("id" SERIAL NOT NULL, "curatorId" integer NOT NULL, "tokenHash" character varying(64) NOT NULL, "createdAt" TIMESTAMP NOT NULL, "expiresAt" TIMESTAMP NOT NULL, "revokedAt" TIMESTAMP, "clientAddress" character varying(64), CONSTRAINT "PK_b3b940047223a739fc572114470" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_curator" ON "curator_sessions"  ("curatorId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_curator_sessions_token_hash" ON "curator_sessions"  ("tokenHash") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_expires_at" ON "curator_sessions"  ("expiresAt") ');
    await queryRunner.query(
      'ALTER TABLE "audit_entries" ADD CONSTRAINT "FK_audit_entries_actor" FOREIGN KEY ("actorId") REFERENCES "curators"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "curator_sessions" ADD CONSTRAINT "FK_curator_sessions_curator" FOREIGN KEY ("curatorId") REFERENCES "curators"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "curator_sessions" DROP CONSTRAINT "FK_curator_sessions_curator"');
    await queryRunner.query('ALTER TABLE "audit_entries" DROP CONSTRAINT "FK_audit_entries_actor"');
    await queryRunner.query('DROP INDEX "public"."IDX_curator_sessions_expires_at"');
    await queryRunner.query('DROP INDEX "public"."UQ_curator_sessions_token_hash"');
    await queryRunner.query('DROP INDEX "public"."IDX_curator_sessions_curator"');
    await queryRunner.query('DROP TABLE "curator_sessions"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entries_entity"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entries_actor"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_entries_at"');
    await queryRunner.query('DROP TABLE "audit_entries"');
    await queryRunner.query('DROP TYPE "public"."audit_entries_action_enum"');
  }
}
