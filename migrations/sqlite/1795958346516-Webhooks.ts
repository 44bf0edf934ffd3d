import type { MigrationInterface, QueryRunner } from "typeorm";

/** Reduced by hand from the generated file: the tables are created with their foreign keys (no rebuild). */
export class Webhooks1795958346516 implements MigrationInterface {
  name = "Webhooks1795958346516";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoints" ("version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar(500) NOT NULL, "description" varchar(200), "eventTypes" text NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "secret" varchar(100) NOT NULL, "disabledAt" datetime, "disabledReason" varchar(300))',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "endpointId" integer NOT NULL, "messageId" varchar(64) NOT NULL, "eventType" varchar(40) NOT NULL, "payload" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT (\'PENDING\'), "attempts" integer NOT NULL DEFAULT (0), "nextAttemptAt" datetime NOT NULL, "leaseToken" varchar(36), "createdAt" datetime NOT NULL, "deliveredAt" datetime, CONSTRAINT "FK_webhook_messages_endpoint" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_messages_endpoint" ON "webhook_messages" ("endpointId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_messages_due" ON "webhook_messages" ("status", "nextAttemptAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "endpointId" integer NOT NULL, "messageRowId" integer NOT NULL, "messageId" varchar(64) NOT NULL, "eventType" varchar(40) NOT NULL, "attempt" integer NOT NULL, "status" varchar(16) NOT NULL, "responseStatus" integer, "error" varchar(300), "durationMs" integer NOT NULL, "attemptedAt" datetime NOT NULL, CONSTRAINT "FK_webhook_deliveries_endpoint" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_webhook_deliveries_message" FOREIGN KEY ("messageRowId") REFERENCES "webhook_messages" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_deliveries_message" ON "webhook_deliveries" ("messageRowId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_deliveries_endpoint" ON "webhook_deliveries" ("endpointId", "id") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_webhook_deliveries_endpoint"');
    await queryRunner.query('DROP INDEX "IDX_webhook_deliveries_message"');
    await queryRunner.query('DROP TABLE "webhook_deliveries"');
    await queryRunner.query('DROP INDEX "IDX_webhook_messages_due"');
    await queryRunner.query('DROP INDEX "IDX_webhook_messages_endpoint"');
    await queryRunner.query('DROP TABLE "webhook_messages"');
    await queryRunner.query('DROP TABLE "webhook_endpoints"');
  }
}
