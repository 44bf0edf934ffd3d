import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The per-address request counters (server/src/core/rate-limit-store.ts), written by hand: no
 * entity maps them (one raw statement per request reads and writes them). UNLOGGED: a write skips
 * the write-ahead log, which makes the upsert every request pays cheaper; after a crash the table
 * starts empty and standbys do not have it, and a counter of the last minute is worth no more.
 */
export class RateLimitWindows1795958400000 implements MigrationInterface {
  name = "RateLimitWindows1795958400000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_windows" ("key" character varying(64) NOT NULL, "hits" integer NOT NULL, "resetAt" bigint NOT NULL, CONSTRAINT "PK_rate_limit_windows" PRIMARY KEY ("key"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_windows"');
  }
}
