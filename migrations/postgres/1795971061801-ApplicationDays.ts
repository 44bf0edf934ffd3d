import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Application dates become days: programs' applicationOpensAt/applicationClosesAt (instants in
 * `timestamp` columns) are replaced by applicationOpensOn/applicationClosesOn (`date`), each
 * instant turned into the day it stood for by the rule of core/local-date.ts
 * (dayOfLegacyInstant): a whole quarter hour after noon UTC is a local midnight east of UTC, so
 * the next UTC day; anything else keeps its UTC day. tests/dates/legacy-rule.test.ts checks this
 * SQL against that function.
 *
 * The old columns had no time zone: pg wrote each instant as the wall time of the process's time
 * zone and read it back the same way. The migration reads them as the application did, in the
 * zone of the process that runs it (the server's, at start), passed as a parameter.
 * `down` gives back noon UTC of each day, which the rule maps to the same day again.
 */
export function legacyDaySql(column: string, zoneParameter: string): string {
  const utc = `(("${column}" AT TIME ZONE ${zoneParameter}) AT TIME ZONE 'UTC')`;
  const timeOfDay = `round(extract(epoch from (${utc} - date_trunc('day', ${utc}))) * 1000)::bigint`;
  return `CASE WHEN ${timeOfDay} > 43200000 AND mod(${timeOfDay}, 900000) = 0 THEN (date_trunc('day', ${utc}) + interval '1 day')::date ELSE ${utc}::date END`;
}

/** The IANA name of this process's time zone ("UTC" when none is set). */
export function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
}

const PAIRS = [
  ["applicationOpensAt", "applicationOpensOn"],
  ["applicationClosesAt", "applicationClosesOn"],
] as const;

export class ApplicationDays1795971061801 implements MigrationInterface {
  name = "ApplicationDays1795971061801";

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [, day] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" ADD "${day}" date`);
    await queryRunner.query(
      `UPDATE "programs" SET ${PAIRS.map(([instant, day]) => `"${day}" = ${legacyDaySql(instant, "$1::text")}`).join(", ")} WHERE ${PAIRS.map(([instant]) => `"${instant}" IS NOT NULL`).join(" OR ")}`,
      [processTimeZone()],
    );
    for (const [instant] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "${instant}"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [instant] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" ADD "${instant}" TIMESTAMP`);
    await queryRunner.query(
      `UPDATE "programs" SET ${PAIRS.map(([instant, day]) => `"${instant}" = (("${day}" + time '12:00') AT TIME ZONE 'UTC') AT TIME ZONE $1::text`).join(", ")}`,
      [processTimeZone()],
    );
    for (const [, day] of PAIRS) await queryRunner.query(`ALTER TABLE "programs" DROP COLUMN "${day}"`);
  }
}
