import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Generated, then: COMMONLY_REQUIRED sorts between REQUIRED and RECOMMENDED; a program that said
 * it sponsors no visa (visaSponsorship false) sponsors none of the types ([]), one that said it
 * sponsors some keeps visaTypesSponsored null (the flag never said which); `down` turns
 * COMMONLY_REQUIRED links back into RECOMMENDED ones before the old type returns.
 */
export class EligibilityRules1795971070196 implements MigrationInterface {
  name = "EligibilityRules1795971070196";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "requirement_implications" ("id" SERIAL NOT NULL, "requirementId" integer NOT NULL, "impliedId" integer NOT NULL, CONSTRAINT "PK_d0341f39c266a1c664bb4a72755" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_requirement_implications_implied" ON "requirement_implications"  ("impliedId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_requirement_implications_pair" ON "requirement_implications"  ("requirementId", "impliedId") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"requirements_heldwhen_enum\" AS ENUM('STUDENT', 'COMPLETED_RESIDENCY', 'LICENSED')",
    );
    await queryRunner.query('ALTER TABLE "requirements" ADD "heldWhen" "public"."requirements_heldwhen_enum"');
    await queryRunner.query('ALTER TABLE "pathways" ADD "visaTypesSponsored" text');
    await queryRunner.query('ALTER TABLE "pathways" ADD "maxYearsSinceGraduation" integer');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"pathways_citizenshiprequired_enum\" AS ENUM('NONE', 'CITIZEN_OR_PERMANENT_RESIDENT', 'CITIZEN')",
    );
    await queryRunner.query(
      'ALTER TABLE "pathways" ADD "citizenshipRequired" "public"."pathways_citizenshiprequired_enum"',
    );
    await queryRunner.query('ALTER TABLE "pathways" ADD "minimumClinicalExperienceMonths" integer');
    await queryRunner.query('ALTER TABLE "pathways" ADD "clinicalExperienceInCountry" boolean');
    await queryRunner.query('ALTER TABLE "pathways" ADD "returnOfServiceNote" text');
    await queryRunner.query('ALTER TABLE "programs" ADD "visaTypesSponsored" text');
    await queryRunner.query('ALTER TABLE "programs" ADD "maxYearsSinceGraduation" integer');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"programs_citizenshiprequired_enum\" AS ENUM('NONE', 'CITIZEN_OR_PERMANENT_RESIDENT', 'CITIZEN')",
    );
    await queryRunner.query(
      'ALTER TABLE "programs" ADD "citizenshipRequired" "public"."programs_citizenshiprequired_enum"',
    );
    await queryRunner.query('ALTER TABLE "programs" ADD "minimumClinicalExperienceMonths" integer');
    await queryRunner.query('ALTER TABLE "programs" ADD "clinicalExperienceInCountry" boolean');
    await queryRunner.query('ALTER TABLE "programs" ADD "returnOfServiceNote" text');
    await queryRunner.query(
      "ALTER TYPE \"public\".\"pathway_requirements_level_enum\" ADD VALUE 'COMMONLY_REQUIRED' BEFORE 'RECOMMENDED'",
    );
    await queryRunner.query(
      "ALTER TYPE \"public\".\"program_requirements_level_enum\" ADD VALUE 'COMMONLY_REQUIRED' BEFORE 'RECOMMENDED'",
    );
    await queryRunner.query(
      'ALTER TABLE "requirement_implications" ADD CONSTRAINT "FK_requirement_implications_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "requirement_implications" ADD CONSTRAINT "FK_requirement_implications_implied" FOREIGN KEY ("impliedId") REFERENCES "requirements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query('UPDATE "programs" SET "visaTypesSponsored" = \'[]\' WHERE "visaSponsorship" = false');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "requirement_implications" DROP CONSTRAINT "FK_requirement_implications_implied"',
    );
    await queryRunner.query(
      'ALTER TABLE "requirement_implications" DROP CONSTRAINT "FK_requirement_implications_requirement"',
    );
    await queryRunner.query(
      'UPDATE "program_requirements" SET "level" = \'RECOMMENDED\' WHERE "level" = \'COMMONLY_REQUIRED\'',
    );
    await queryRunner.query(
      'UPDATE "pathway_requirements" SET "level" = \'RECOMMENDED\' WHERE "level" = \'COMMONLY_REQUIRED\'',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"program_requirements_level_enum_old\" AS ENUM('REQUIRED', 'RECOMMENDED')",
    );
    await queryRunner.query(
      'ALTER TABLE "program_requirements" ALTER COLUMN "level" TYPE "public"."program_requirements_level_enum_old" USING "level"::"text"::"public"."program_requirements_level_enum_old"',
    );
    await queryRunner.query('DROP TYPE "public"."program_requirements_level_enum"');
    await queryRunner.query(
      'ALTER TYPE "public"."program_requirements_level_enum_old" RENAME TO "program_requirements_level_enum"',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"pathway_requirements_level_enum_old\" AS ENUM('REQUIRED', 'RECOMMENDED')",
    );
    await queryRunner.query(
      'ALTER TABLE "pathway_requirements" ALTER COLUMN "level" TYPE "public"."pathway_requirements_level_enum_old" USING "level"::"text"::"public"."pathway_requirements_level_enum_old"',
    );
    await queryRunner.query('DROP TYPE "public"."pathway_requirements_level_enum"');
    await queryRunner.query(
      'ALTER TYPE "public"."pathway_requirements_level_enum_old" RENAME TO "pathway_requirements_level_enum"',
    );
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "returnOfServiceNote"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "clinicalExperienceInCountry"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "minimumClinicalExperienceMonths"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "citizenshipRequired"');
    await queryRunner.query('DROP TYPE "public"."programs_citizenshiprequired_enum"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "maxYearsSinceGraduation"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "visaTypesSponsored"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "returnOfServiceNote"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "clinicalExperienceInCountry"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "minimumClinicalExperienceMonths"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "citizenshipRequired"');
    await queryRunner.query('DROP TYPE "public"."pathways_citizenshiprequired_enum"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "maxYearsSinceGraduation"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "visaTypesSponsored"');
    await queryRunner.query('ALTER TABLE "requirements" DROP COLUMN "heldWhen"');
    await queryRunner.query('DROP TYPE "public"."requirements_heldwhen_enum"');
    await queryRunner.query('DROP INDEX "public"."UQ_requirement_implications_pair"');
    await queryRunner.query('DROP INDEX "public"."IDX_requirement_implications_implied"');
    await queryRunner.query('DROP TABLE "requirement_implications"');
  }
}
