import type { MigrationInterface, QueryRunner } from "typeorm";

export class Curation1795618952239 implements MigrationInterface {
  name = "Curation1795618952239";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "action" varchar CHECK( "action" IN (\'CREATE\',\'UPDATE\',\'DELETE\',\'RESTORE\',\'PUBLISH\',\'UNPUBLISH\',\'VERIFY\',\'REVERT\') ) NOT NULL, "entityType" varchar(40) NOT NULL, "entityId" integer NOT NULL, "entityVersion" integer, "actorId" integer, "changes" text NOT NULL, "note" text)',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_at" ON "audit_entries" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_actor" ON "audit_entries" ("actorId", "id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_entries_entity" ON "audit_entries" ("entityType", "entityId", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "curator_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "curatorId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "clientAddress" varchar(64))',
    );
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_curator" ON "curator_sessions" ("curatorId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_curator_sessions_token_hash" ON "curator_sessions" ("tokenHash") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_expires_at" ON "curator_sessions" ("expiresAt") ');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_at"');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_actor"');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_entity"');
    await queryRunner.query(
      'CREATE TABLE "temporary_audit_entries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "action" varchar CHECK( "action" IN (\'CREATE\',\'UPDATE\',\'DELETE\',\'RESTORE\',\'PUBLISH\',\'UNPUBLISH\',\'VERIFY\',\'REVERT\') ) NOT NULL, "entityType" varchar(40) NOT NULL, "entityId" integer NOT NULL, "entityVersion" integer, "actorId" integer, "changes" text NOT NULL, "note" text, CONSTRAINT "FK_audit_entries_actor" FOREIGN KEY ("actorId") REFERENCES "curators" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_audit_entries"("id", "at", "action", "entityType", "entityId", "entityVersion", "actorId", "changes", "note") SELECT "id", "at", "action", "entityType", "entityId", "entityVersion", "actorId", "changes", "note" FROM "audit_entries"',
    );
    await queryRunner.query('DROP TABLE "audit_entries"');
    await queryRunner.query('ALTER TABLE "temporary_audit_entries" RENAME TO "audit_entries"');
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_at" ON "audit_entries" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_actor" ON "audit_entries" ("actorId", "id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_entries_entity" ON "audit_entries" ("entityType", "entityId", "id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_curator_sessions_curator"');
    await queryRunner.query('DROP INDEX "UQ_curator_sessions_token_hash"');
    await queryRunner.query('DROP INDEX "IDX_curator_sessions_expires_at"');
    await queryRunner.query(
      'CREATE TABLE "temporary_curator_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "curatorId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "clientAddress" varchar(64), CONSTRAINT "FK_curator_sessions_curator" FOREIGN KEY ("curatorId") REFERENCES "curators" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_curator_sessions"("id", "curatorId", "tokenHash", "createdAt", "expiresAt", "revokedAt", "clientAddress") SELECT "id", "curatorId", "tokenHash", "createdAt", "expiresAt", "revokedAt", "clientAddress" FROM "curator_sessions"',
    );
    await queryRunner.query('DROP TABLE "curator_sessions"');
    await queryRunner.query('ALTER TABLE "temporary_curator_sessions" RENAME TO "curator_sessions"');
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_curator" ON "curator_sessions" ("curatorId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_curator_sessions_token_hash" ON "curator_sessions" ("tokenHash") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_expires_at" ON "curator_sessions" ("expiresAt") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_curator_sessions_expires_at"');
    await queryRunner.query('DROP INDEX "UQ_curator_sessions_token_hash"');
    await queryRunner.query('DROP INDEX "IDX_curator_sessions_curator"');
    await queryRunner.query('ALTER TABLE "curator_sessions" RENAME TO "temporary_curator_sessions"');
    await queryRunner.query(
      'CREATE TABLE "curator_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "curatorId" integer NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "clientAddress" varchar(64))',
    );
    await queryRunner.query(
      'INSERT INTO "curator_sessions"("id", "curatorId", "tokenHash", "createdAt", "expiresAt", "revokedAt", "clientAddress") SELECT "id", "curatorId", "tokenHash", "createdAt", "expiresAt", "revokedAt", "clientAddress" FROM "temporary_curator_sessions"',
    );
    await queryRunner.query('DROP TABLE "temporary_curator_sessions"');
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_expires_at" ON "curator_sessions" ("expiresAt") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_curator_sessions_token_hash" ON "curator_sessions" ("tokenHash") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_curator_sessions_curator" ON "curator_sessions" ("curatorId") ');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_entity"');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_actor"');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_at"');
    await queryRunner.query('ALTER TABLE "audit_entries" RENAME TO "temporary_audit_entries"');
    await queryRunner.query(
      'CREATE TABLE "audit_entries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL, "action" varchar CHECK( "action" IN (\'CREATE\',\'UPDATE\',\'DELETE\',\'RESTORE\',\'PUBLISH\',\'UNPUBLISH\',\'VERIFY\',\'REVERT\') ) NOT NULL, "entityType" varchar(40) NOT NULL, "entityId" integer NOT NULL, "entityVersion" integer, "actorId" integer, "changes" text NOT NULL, "note" text)',
    );
    await queryRunner.query(
      'INSERT INTO "audit_entries"("id", "at", "action", "entityType", "entityId", "entityVersion", "actorId", "changes", "note") SELECT "id", "at", "action", "entityType", "entityId", "entityVersion", "actorId", "changes", "note" FROM "temporary_audit_entries"',
    );
    await queryRunner.query('DROP TABLE "temporary_audit_entries"');
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_entries_entity" ON "audit_entries" ("entityType", "entityId", "id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_actor" ON "audit_entries" ("actorId", "id") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_entries_at" ON "audit_entries" ("at") ');
    await queryRunner.query('DROP INDEX "IDX_curator_sessions_expires_at"');
    await queryRunner.query('DROP INDEX "UQ_curator_sessions_token_hash"');
    await queryRunner.query('DROP INDEX "IDX_curator_sessions_curator"');
    await queryRunner.query('DROP TABLE "curator_sessions"');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_entity"');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_actor"');
    await queryRunner.query('DROP INDEX "IDX_audit_entries_at"');
    await queryRunner.query('DROP TABLE "audit_entries"');
  }
}
