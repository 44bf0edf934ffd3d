import type { MigrationInterface, QueryRunner } from "typeorm";
import { SCORE_KIND_FACTS } from "../score-kind-facts";

/**
 * Score kinds and decimal scores: requirements gain scoreKind (NONE, PASS_FAIL, SCORED) and
 * scoreStep; scoreMin, scoreMax and programs' minimumScore become numeric(12,2), keeping every
 * integer. Then each entry gets its kind (migrations/score-kind-facts.ts). `down` rounds decimals.
 */
export class ScoreKinds1795970810677 implements MigrationInterface {
  name = "ScoreKinds1795970810677";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."requirements_scorekind_enum" AS ENUM('NONE', 'PASS_FAIL', 'SCORED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "requirements" ADD "scoreKind" "public"."requirements_scorekind_enum" NOT NULL DEFAULT 'NONE'`,
    );
    await queryRunner.query(`ALTER TABLE "requirements" ALTER COLUMN "scoreMin" TYPE numeric(12,2)`);
    await queryRunner.query(`ALTER TABLE "requirements" ALTER COLUMN "scoreMax" TYPE numeric(12,2)`);
    await queryRunner.query(`ALTER TABLE "requirements" ADD "scoreStep" numeric(12,2)`);
    await queryRunner.query(`ALTER TABLE "program_requirements" ALTER COLUMN "minimumScore" TYPE numeric(12,2)`);
    for (const statement of SCORE_KIND_FACTS) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "program_requirements" ALTER COLUMN "minimumScore" TYPE integer USING round("minimumScore")`,
    );
    await queryRunner.query(`ALTER TABLE "requirements" DROP COLUMN "scoreStep"`);
    await queryRunner.query(`ALTER TABLE "requirements" ALTER COLUMN "scoreMax" TYPE integer USING round("scoreMax")`);
    await queryRunner.query(`ALTER TABLE "requirements" ALTER COLUMN "scoreMin" TYPE integer USING round("scoreMin")`);
    await queryRunner.query(`ALTER TABLE "requirements" DROP COLUMN "scoreKind"`);
    await queryRunner.query(`DROP TYPE "public"."requirements_scorekind_enum"`);
  }
}
