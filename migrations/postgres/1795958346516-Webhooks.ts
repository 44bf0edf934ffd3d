import type { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1795958346516 implements MigrationInterface {
  name = "Webhooks1795958346516";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoints" ("version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "id" SERIAL NOT NULL, "url" character varying(500) NOT NULL, "description" character varying(200), "eventTypes" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "secret" character varying(100) NOT NULL, "disabledAt" TIMESTAMP, "disabledReason" character varying(300), CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_messages" ("id" SERIAL NOT NULL, "endpointId" integer NOT NULL, "messageId" character varying(64) NOT NULL, "eventType" character varying(40) NOT NULL, "payload" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'PENDING\', "attempts" integer NOT NULL DEFAULT \'0\', "nextAttemptAt" TIMESTAMP NOT NULL, "leaseToken" character varying(36), "createdAt" TIMESTAMP NOT NULL, "deliveredAt" TIMESTAMP, CONSTRAINT "PK_526e8e1655924920adc4cd30dcd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_messages_endpoint" ON "webhook_messages"  ("endpointId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_messages_due" ON "webhook_messages"  ("status", "nextAttemptAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_deliveries" ("id" SERIAL NOT NULL, "endpointId" integer NOT NULL, "messageRowId" integer NOT NULL, "messageId" character varying(64) NOT NULL, "eventType" character varying(40) NOT NULL, "attempt" integer NOT NULL, "status" character varying(16) NOT NULL, "responseStatus" integer, "error" character varying(300), "durationMs" integer NOT NULL, "attemptedAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_webhook_deliveries_message" ON "webhook_deliveries"  ("messageRowId") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_deliveries_endpoint" ON "webhook_deliveries"  ("endpointId", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_messages" ADD CONSTRAINT "FK_webhook_messages_endpoint" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_webhook_deliveries_endpoint" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_webhook_deliveries_message" FOREIGN KEY ("messageRowId") REFERENCES "webhook_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_webhook_deliveries_message"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_webhook_deliveries_endpoint"');
    await queryRunner.query('ALTER TABLE "webhook_messages" DROP CONSTRAINT "FK_webhook_messages_endpoint"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_endpoint"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_deliveries_message"');
    await queryRunner.query('DROP TABLE "webhook_deliveries"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_messages_due"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_messages_endpoint"');
    await queryRunner.query('DROP TABLE "webhook_messages"');
    await queryRunner.query('DROP TABLE "webhook_endpoints"');
  }
}
