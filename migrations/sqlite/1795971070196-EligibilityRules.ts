import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Generated, then reduced by hand: new nullable columns are added in place (the generator rebuilt
 * programs, pathways and requirements, whose DROP would cascade to their links; see
 * ProgramUrls1795950236578). Only the two link tables, which no table refers to, are rebuilt:
 * SQLite cannot otherwise change their level CHECK to admit COMMONLY_REQUIRED. A program that
 * said it sponsors no visa (visaSponsorship false) sponsors none of the types ([]); one that said
 * it sponsors some keeps visaTypesSponsored null: the flag never said which.
 */
export class EligibilityRules1795971070196 implements MigrationInterface {
  name = "EligibilityRules1795971070196";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "requirement_implications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "requirementId" integer NOT NULL, "impliedId" integer NOT NULL, CONSTRAINT "FK_requirement_implications_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_requirement_implications_implied" FOREIGN KEY ("impliedId") REFERENCES "requirements" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_requirement_implications_implied" ON "requirement_implications" ("impliedId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_requirement_implications_pair" ON "requirement_implications" ("requirementId", "impliedId") ',
    );
    await queryRunner.query(
      "ALTER TABLE \"requirements\" ADD COLUMN \"heldWhen\" varchar CHECK( \"heldWhen\" IN ('STUDENT','COMPLETED_RESIDENCY','LICENSED') )",
    );
    await queryRunner.query('ALTER TABLE "pathways" ADD COLUMN "visaTypesSponsored" text');
    await queryRunner.query('ALTER TABLE "pathways" ADD COLUMN "maxYearsSinceGraduation" integer');
    await queryRunner.query(
      "ALTER TABLE \"pathways\" ADD COLUMN \"citizenshipRequired\" varchar CHECK( \"citizenshipRequired\" IN ('NONE','CITIZEN_OR_PERMANENT_RESIDENT','CITIZEN') )",
    );
    await queryRunner.query('ALTER TABLE "pathways" ADD COLUMN "minimumClinicalExperienceMonths" integer');
    await queryRunner.query('ALTER TABLE "pathways" ADD COLUMN "clinicalExperienceInCountry" boolean');
    await queryRunner.query('ALTER TABLE "pathways" ADD COLUMN "returnOfServiceNote" text');
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "visaTypesSponsored" text');
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "maxYearsSinceGraduation" integer');
    await queryRunner.query(
      "ALTER TABLE \"programs\" ADD COLUMN \"citizenshipRequired\" varchar CHECK( \"citizenshipRequired\" IN ('NONE','CITIZEN_OR_PERMANENT_RESIDENT','CITIZEN') )",
    );
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "minimumClinicalExperienceMonths" integer');
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "clinicalExperienceInCountry" boolean');
    await queryRunner.query('ALTER TABLE "programs" ADD COLUMN "returnOfServiceNote" text');
    await queryRunner.query('DROP INDEX "UQ_pathway_requirements_pair"');
    await queryRunner.query('DROP INDEX "IDX_pathway_requirements_requirement"');
    await queryRunner.query(
      'CREATE TABLE "temporary_pathway_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pathwayId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'COMMONLY_REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "note" text, CONSTRAINT "FK_pathway_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_pathway_requirements_pathway" FOREIGN KEY ("pathwayId") REFERENCES "pathways" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_pathway_requirements"("id", "pathwayId", "requirementId", "level", "note") SELECT "id", "pathwayId", "requirementId", "level", "note" FROM "pathway_requirements"',
    );
    await queryRunner.query('DROP TABLE "pathway_requirements"');
    await queryRunner.query('ALTER TABLE "temporary_pathway_requirements" RENAME TO "pathway_requirements"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_pathway_requirements_pair" ON "pathway_requirements" ("pathwayId", "requirementId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_pathway_requirements_requirement" ON "pathway_requirements" ("requirementId") ',
    );
    await queryRunner.query('DROP INDEX "UQ_program_requirements_pair"');
    await queryRunner.query('DROP INDEX "IDX_program_requirements_requirement"');
    // SQLite rebuilds the table to widen the level CHECK; minimumScore keeps ScoreKinds' numeric(12,2).
    await queryRunner.query(
      'CREATE TABLE "temporary_program_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "programId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'COMMONLY_REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "minimumScore" numeric(12,2), "note" text, CONSTRAINT "FK_program_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_program_requirements_program" FOREIGN KEY ("programId") REFERENCES "programs" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_program_requirements"("id", "programId", "requirementId", "level", "minimumScore", "note") SELECT "id", "programId", "requirementId", "level", "minimumScore", "note" FROM "program_requirements"',
    );
    await queryRunner.query('DROP TABLE "program_requirements"');
    await queryRunner.query('ALTER TABLE "temporary_program_requirements" RENAME TO "program_requirements"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_requirements_pair" ON "program_requirements" ("programId", "requirementId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_requirements_requirement" ON "program_requirements" ("requirementId") ',
    );
    await queryRunner.query('UPDATE "programs" SET "visaTypesSponsored" = \'[]\' WHERE "visaSponsorship" = 0');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'UPDATE "program_requirements" SET "level" = \'RECOMMENDED\' WHERE "level" = \'COMMONLY_REQUIRED\'',
    );
    await queryRunner.query(
      'UPDATE "pathway_requirements" SET "level" = \'RECOMMENDED\' WHERE "level" = \'COMMONLY_REQUIRED\'',
    );
    await queryRunner.query('DROP INDEX "IDX_program_requirements_requirement"');
    await queryRunner.query('DROP INDEX "UQ_program_requirements_pair"');
    await queryRunner.query('ALTER TABLE "program_requirements" RENAME TO "temporary_program_requirements"');
    await queryRunner.query(
      'CREATE TABLE "program_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "programId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "minimumScore" numeric(12,2), "note" text, CONSTRAINT "FK_program_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_program_requirements_program" FOREIGN KEY ("programId") REFERENCES "programs" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "program_requirements"("id", "programId", "requirementId", "level", "minimumScore", "note") SELECT "id", "programId", "requirementId", "level", "minimumScore", "note" FROM "temporary_program_requirements"',
    );
    await queryRunner.query('DROP TABLE "temporary_program_requirements"');
    await queryRunner.query(
      'CREATE INDEX "IDX_program_requirements_requirement" ON "program_requirements" ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_requirements_pair" ON "program_requirements" ("programId", "requirementId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_pathway_requirements_requirement"');
    await queryRunner.query('DROP INDEX "UQ_pathway_requirements_pair"');
    await queryRunner.query('ALTER TABLE "pathway_requirements" RENAME TO "temporary_pathway_requirements"');
    await queryRunner.query(
      'CREATE TABLE "pathway_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pathwayId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "note" text, CONSTRAINT "FK_pathway_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_pathway_requirements_pathway" FOREIGN KEY ("pathwayId") REFERENCES "pathways" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "pathway_requirements"("id", "pathwayId", "requirementId", "level", "note") SELECT "id", "pathwayId", "requirementId", "level", "note" FROM "temporary_pathway_requirements"',
    );
    await queryRunner.query('DROP TABLE "temporary_pathway_requirements"');
    await queryRunner.query(
      'CREATE INDEX "IDX_pathway_requirements_requirement" ON "pathway_requirements" ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_pathway_requirements_pair" ON "pathway_requirements" ("pathwayId", "requirementId") ',
    );
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "returnOfServiceNote"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "clinicalExperienceInCountry"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "minimumClinicalExperienceMonths"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "citizenshipRequired"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "maxYearsSinceGraduation"');
    await queryRunner.query('ALTER TABLE "programs" DROP COLUMN "visaTypesSponsored"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "returnOfServiceNote"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "clinicalExperienceInCountry"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "minimumClinicalExperienceMonths"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "citizenshipRequired"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "maxYearsSinceGraduation"');
    await queryRunner.query('ALTER TABLE "pathways" DROP COLUMN "visaTypesSponsored"');
    await queryRunner.query('ALTER TABLE "requirements" DROP COLUMN "heldWhen"');
    await queryRunner.query('DROP INDEX "UQ_requirement_implications_pair"');
    await queryRunner.query('DROP INDEX "IDX_requirement_implications_implied"');
    await queryRunner.query('DROP TABLE "requirement_implications"');
  }
}
