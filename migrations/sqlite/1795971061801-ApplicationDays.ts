import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Application dates become days: programs' applicationOpensAt/applicationClosesAt (instants,
 * stored as UTC text "YYYY-MM-DD HH:MM:SS.SSS") are replaced by applicationOpensOn/
 * applicationClosesOn ("YYYY-MM-DD"), each instant turned into the day it stood for by the rule
 * of core/local-date.ts (dayOfLegacyInstant): a whole quarter hour after noon UTC is a local
 * midnight east of UTC, so the next UTC day; anything else keeps its UTC day.
 * tests/dates/legacy-rule.test.ts checks this SQL against that function.
 *
 * Written by hand as ADD/DROP COLUMN: the generator's rebuild of programs drops the search
 * triggers (see ProgramUrls1795950236578). `down` gives back noon UTC of each day, which the rule
 * maps to the same day again.
 */
export function legacyDaySql(column: string): string {
  const ms = `CAST(round((julianday("${column}") - 2440587.5) * 86400000.0) AS INTEGER)`;
  const timeOfDay = `((${ms} % 86400000) + 86400000) % 86400000`;
  return `CASE WHEN "${column}" IS NULL THEN NULL WHEN ${timeOfDay} > 43200000 AND ${timeOfDay} % 900000 = 0 THEN date("${column}", '+1 day') ELSE date("${column}") END`;
}

const PAIRS = [
  ["applicationOpensAt", "applicationOpensOn"],
  ["applicationClosesAt", "applicationClosesOn"],
] as const;

export class ApplicationDays1795971061801 implements MigrationInterface {
  name = "ApplicationDays1795971061801";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [, day] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" ADD COLUMN "${day}" date`);
    await queryRunner.query(
      `UPDATE "programs" SET ${PAIRS.map(([instant, day]) => `"${day}" = ${legacyDaySql(instant)}`).join(", ")} WHERE ${PAIRS.map(([instant]) => `"${instant}" IS NOT NULL`).join(" OR ")}`,
    );
    for (const [instant] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "${instant}"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [instant] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" ADD COLUMN "${instant}" datetime`);
    await queryRunner.query(
      `UPDATE "programs" SET ${PAIRS.map(([instant, day]) => `"${instant}" = CASE WHEN "${day}" IS NULL THEN NULL ELSE "${day}" || ' 12:00:00.000' END`).join(", ")}`,
    );
    for (const [, day] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "${day}"`);
  }
}
