import type { MigrationInterface, QueryRunner } from "typeorm";

export class LoginAttempts1795946543599 implements MigrationInterface {
  name = "LoginAttempts1795946543599";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "login_attempts" ("key" character varying(64) NOT NULL, "scope" character varying(16) NOT NULL, "count" integer NOT NULL DEFAULT \'0\', "windowStartedAt" TIMESTAMP NOT NULL, "notBefore" TIMESTAMP NOT NULL, CONSTRAINT "PK_f90e70c50d5744e4d9f41dd397c" PRIMARY KEY ("key"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_login_attempts_not_before" ON "login_attempts"  ("notBefore") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_login_attempts_not_before"');
    await queryRunner.query('DROP TABLE "login_attempts"');
  }
}
