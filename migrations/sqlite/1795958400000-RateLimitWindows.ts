import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The per-address request counters (server/src/core/rate-limit-store.ts), written by hand: no
 * entity maps them (one raw statement per request reads and writes them). WITHOUT ROWID: the key
 * is the only way in, so the rows live in the primary key's B-tree.
 */
export class RateLimitWindows1795958400000 implements MigrationInterface {
  name = "RateLimitWindows1795958400000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "rate_limit_windows" ("key" varchar(64) PRIMARY KEY NOT NULL, "hits" integer NOT NULL, "resetAt" bigint NOT NULL) WITHOUT ROWID',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_windows"');
  }
}
