import type { MigrationInterface, QueryRunner } from "typeorm";

export class LoginAttempts1795946543599 implements MigrationInterface {
  name = "LoginAttempts1795946543599";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "login_attempts" ("key" varchar(64) PRIMARY KEY NOT NULL, "scope" varchar(16) NOT NULL, "count" integer NOT NULL DEFAULT (0), "windowStartedAt" datetime NOT NULL, "notBefore" datetime NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_login_attempts_not_before" ON "login_attempts" ("notBefore") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_login_attempts_not_before"');
    await queryRunner.query('DROP TABLE "login_attempts"');
  }
}
