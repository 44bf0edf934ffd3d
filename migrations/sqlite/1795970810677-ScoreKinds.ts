import type { MigrationInterface, QueryRunner } from "typeorm";
import { SCORE_KIND_FACTS } from "../score-kind-facts";

/** A column's type changed in place: SQLite cannot alter a type, so the column is added anew and copied. */
async function retype(queryRunner: QueryRunner, table: string, column: string, type: string, copy: string) {
  await queryRunner.query(`ALTER TABLE "${table}" RENAME COLUMN "${column}" TO "${column}_old"`);
  await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${type}`);
  await queryRunner.query(`UPDATE "${table}" SET "${column}" = ${copy.replace("$", `"${column}_old"`)}`);
  await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}_old"`);
}

/**
 * Score kinds and decimal scores: requirements gain scoreKind (NONE, PASS_FAIL, SCORED) and
 * scoreStep; scoreMin, scoreMax and programs' minimumScore become numeric(12,2), keeping every
 * integer. Then each entry gets its kind (migrations/score-kind-facts.ts). `down` rounds decimals.
 *
 * Written by hand: the generator rebuilds both tables (copy, drop, rename), and dropping the
 * requirements table inside the migration's transaction, where SQLite ignores
 * `PRAGMA foreign_keys = OFF`, would cascade to the program and pathway links. SQLite renames,
 * adds and drops a plain column in place instead (NUMERIC affinity keeps 220 an integer and 6.5
 * a real, so the database's JSON of a score reads as on PostgreSQL).
 */
export class ScoreKinds1795970810677 implements MigrationInterface {
  name = "ScoreKinds1795970810677";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "requirements" ADD COLUMN "scoreKind" varchar CHECK( "scoreKind" IN ('NONE','PASS_FAIL','SCORED') ) NOT NULL DEFAULT ('NONE')`,
    );
    await retype(queryRunner, "requirements", "scoreMin", "numeric(12,2)", "$");
    await retype(queryRunner, "requirements", "scoreMax", "numeric(12,2)", "$");
    await queryRunner.query(`ALTER TABLE "requirements" ADD COLUMN "scoreStep" numeric(12,2)`);
    await retype(queryRunner, "program_requirements", "minimumScore", "numeric(12,2)", "$");
    for (const statement of SCORE_KIND_FACTS) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const rounded = "CAST(round($) AS INTEGER)";
    await retype(queryRunner, "program_requirements", "minimumScore", "integer", rounded);
    await queryRunner.query(`ALTER TABLE "requirements" DROP COLUMN "scoreStep"`);
    await retype(queryRunner, "requirements", "scoreMax", "integer", rounded);
    await retype(queryRunner, "requirements", "scoreMin", "integer", rounded);
    await queryRunner.query(`ALTER TABLE "requirements" DROP COLUMN "scoreKind"`);
  }
}
