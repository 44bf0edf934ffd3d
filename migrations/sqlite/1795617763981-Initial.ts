import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795617763981 implements MigrationInterface {
  name = "Initial1795617763981";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "curators" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(254) NOT NULL, "name" varchar(200) NOT NULL, "role" varchar CHECK( "role" IN (\'ADMIN\',\'EDITOR\',\'VIEWER\') ) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "passwordHash" varchar(300) NOT NULL, "lastLoginAt" datetime, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_curators_email" ON "curators" ("email") ');
    await queryRunner.query(
      'CREATE TABLE "institutions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN (\'ACADEMIC_MEDICAL_CENTER\',\'UNIVERSITY\',\'MEDICAL_SCHOOL\',\'HOSPITAL\',\'OTHER\') ) NOT NULL, "country" varchar CHECK( "country" IN (\'US\',\'CA\') ) NOT NULL, "region" varchar(8) NOT NULL, "city" varchar(120) NOT NULL, "website" varchar(500), "description" text, "archivedAt" datetime, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_institutions_slug" ON "institutions" ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_name" ON "institutions" ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_kind" ON "institutions" ("kind") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_country" ON "institutions" ("country") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_region" ON "institutions" ("region") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_updated_at" ON "institutions" ("updatedAt") ');
    await queryRunner.query(
      'CREATE TABLE "requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN (\'EXAM\',\'CERTIFICATION\',\'LICENSE\',\'TRAINING\',\'LANGUAGE\',\'IMMIGRATION\',\'DOCUMENT\') ) NOT NULL, "country" varchar CHECK( "country" IN (\'US\',\'CA\') ), "description" text, "scoreMin" integer, "scoreMax" integer, "archivedAt" datetime, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_requirements_code" ON "requirements" ("code") ');
    await queryRunner.query('CREATE INDEX "IDX_requirements_name" ON "requirements" ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_requirements_kind" ON "requirements" ("kind") ');
    await queryRunner.query(
      'CREATE TABLE "pathways" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN (\'NATIONAL_MATCH\',\'PROVINCIAL_IMG_STREAM\',\'DIRECT\') ) NOT NULL, "country" varchar CHECK( "country" IN (\'US\',\'CA\') ), "region" varchar(8), "description" text, "website" varchar(500), "archivedAt" datetime, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_pathways_slug" ON "pathways" ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_pathways_name" ON "pathways" ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_pathways_kind" ON "pathways" ("kind") ');
    await queryRunner.query('CREATE INDEX "IDX_pathways_country" ON "pathways" ("country") ');
    await queryRunner.query(
      'CREATE TABLE "pathway_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pathwayId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "note" text)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_pathway_requirements_requirement" ON "pathway_requirements" ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_pathway_requirements_pair" ON "pathway_requirements" ("pathwayId", "requirementId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "programs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "title" varchar(300) NOT NULL, "description" text, "type" varchar CHECK( "type" IN (\'RESIDENCY\',\'FELLOWSHIP\',\'CLINICAL_ELECTIVE\',\'OBSERVERSHIP\') ) NOT NULL, "audience" varchar CHECK( "audience" IN (\'GRADUATE\',\'STUDENT\',\'BOTH\') ) NOT NULL, "status" varchar CHECK( "status" IN (\'DRAFT\',\'PUBLISHED\',\'ARCHIVED\') ) NOT NULL DEFAULT (\'DRAFT\'), "institutionId" integer, "country" varchar CHECK( "country" IN (\'US\',\'CA\') ) NOT NULL, "region" varchar(8), "pathwayId" integer, "durationMonths" integer, "handsOnPatientCare" boolean, "positions" integer, "imgPositions" integer, "visaSponsorship" boolean, "applicationOpensAt" datetime, "applicationClosesAt" datetime, "applicationFeeCents" integer, "feeCurrency" varchar(3), "sourceUrl" varchar(500), "sourceNote" text, "lastVerifiedAt" datetime, "verifiedById" integer, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_programs_slug" ON "programs" ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_title" ON "programs" ("title") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_type" ON "programs" ("type") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_audience" ON "programs" ("audience") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status" ON "programs" ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_institution" ON "programs" ("institutionId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_country" ON "programs" ("country") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_region" ON "programs" ("region") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_pathway" ON "programs" ("pathwayId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_hands_on" ON "programs" ("handsOnPatientCare") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_img_positions" ON "programs" ("imgPositions") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_visa" ON "programs" ("visaSponsorship") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_last_verified" ON "programs" ("lastVerifiedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_updated_at" ON "programs" ("updatedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_updated" ON "programs" ("status", "updatedAt", "id") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_title" ON "programs" ("status", "title", "id") ');
    await queryRunner.query(
      'CREATE TABLE "program_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "programId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "minimumScore" integer, "note" text)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_requirements_requirement" ON "program_requirements" ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_requirements_pair" ON "program_requirements" ("programId", "requirementId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "specialties" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(120) NOT NULL, "name" varchar(200) NOT NULL, "archivedAt" datetime, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_specialties_slug" ON "specialties" ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_specialties_name" ON "specialties" ("name") ');
    await queryRunner.query(
      'CREATE TABLE "program_specialties" ("programId" integer NOT NULL, "specialtyId" integer NOT NULL, PRIMARY KEY ("programId", "specialtyId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_specialties_specialty" ON "program_specialties" ("specialtyId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_pathway_requirements_requirement"');
    await queryRunner.query('DROP INDEX "UQ_pathway_requirements_pair"');
    await queryRunner.query(
      'CREATE TABLE "temporary_pathway_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pathwayId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "note" text, CONSTRAINT "FK_pathway_requirements_pathway" FOREIGN KEY ("pathwayId") REFERENCES "pathways" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_pathway_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_pathway_requirements"("id", "pathwayId", "requirementId", "level", "note") SELECT "id", "pathwayId", "requirementId", "level", "note" FROM "pathway_requirements"',
    );
    await queryRunner.query('DROP TABLE "pathway_requirements"');
    await queryRunner.query('ALTER TABLE "temporary_pathway_requirements" RENAME TO "pathway_requirements"');
    await queryRunner.query(
      'CREATE INDEX "IDX_pathway_requirements_requirement" ON "pathway_requirements" ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_pathway_requirements_pair" ON "pathway_requirements" ("pathwayId", "requirementId") ',
    );
    await queryRunner.query('DROP INDEX "UQ_programs_slug"');
    await queryRunner.query('DROP INDEX "IDX_programs_title"');
    await queryRunner.query('DROP INDEX "IDX_programs_type"');
    await queryRunner.query('DROP INDEX "IDX_programs_audience"');
    await queryRunner.query('DROP INDEX "IDX_programs_status"');
    await queryRunner.query('DROP INDEX "IDX_programs_institution"');
    await queryRunner.query('DROP INDEX "IDX_programs_country"');
    await queryRunner.query('DROP INDEX "IDX_programs_region"');
    await queryRunner.query('DROP INDEX "IDX_programs_pathway"');
    await queryRunner.query('DROP INDEX "IDX_programs_hands_on"');
    await queryRunner.query('DROP INDEX "IDX_programs_img_positions"');
    await queryRunner.query('DROP INDEX "IDX_programs_visa"');
    await queryRunner.query('DROP INDEX "IDX_programs_last_verified"');
    await queryRunner.query('DROP INDEX "IDX_programs_updated_at"');
    await queryRunner.query('DROP INDEX "IDX_programs_status_updated"');
    await queryRunner.query('DROP INDEX "IDX_programs_status_title"');
    await queryRunner.query(
      'CREATE TABLE "temporary_programs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "title" varchar(300) NOT NULL, "description" text, "type" varchar CHECK( "type" IN (\'RESIDENCY\',\'FELLOWSHIP\',\'CLINICAL_ELECTIVE\',\'OBSERVERSHIP\') ) NOT NULL, "audience" varchar CHECK( "audience" IN (\'GRADUATE\',\'STUDENT\',\'BOTH\') ) NOT NULL, "status" varchar CHECK( "status" IN (\'DRAFT\',\'PUBLISHED\',\'ARCHIVED\') ) NOT NULL DEFAULT (\'DRAFT\'), "institutionId" integer, "country" varchar CHECK( "country" IN (\'US\',\'CA\') ) NOT NULL, "region" varchar(8), "pathwayId" integer, "durationMonths" integer, "handsOnPatientCare" boolean, "positions" integer, "imgPositions" integer, "visaSponsorship" boolean, "applicationOpensAt" datetime, "applicationClosesAt" datetime, "applicationFeeCents" integer, "feeCurrency" varchar(3), "sourceUrl" varchar(500), "sourceNote" text, "lastVerifiedAt" datetime, "verifiedById" integer, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_programs_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_programs_pathway" FOREIGN KEY ("pathwayId") REFERENCES "pathways" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_programs_verified_by" FOREIGN KEY ("verifiedById") REFERENCES "curators" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_programs"("id", "slug", "title", "description", "type", "audience", "status", "institutionId", "country", "region", "pathwayId", "durationMonths", "handsOnPatientCare", "positions", "imgPositions", "visaSponsorship", "applicationOpensAt", "applicationClosesAt", "applicationFeeCents", "feeCurrency", "sourceUrl", "sourceNote", "lastVerifiedAt", "verifiedById", "version", "createdAt", "updatedAt") SELECT "id", "slug", "title", "description", "type", "audience", "status", "institutionId", "country", "region", "pathwayId", "durationMonths", "handsOnPatientCare", "positions", "imgPositions", "visaSponsorship", "applicationOpensAt", "applicationClosesAt", "applicationFeeCents", "feeCurrency", "sourceUrl", "sourceNote", "lastVerifiedAt", "verifiedById", "version", "createdAt", "updatedAt" FROM "programs"',
    );
    await queryRunner.query('DROP TABLE "programs"');
    await queryRunner.query('ALTER TABLE "temporary_programs" RENAME TO "programs"');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_programs_slug" ON "programs" ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_title" ON "programs" ("title") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_type" ON "programs" ("type") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_audience" ON "programs" ("audience") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status" ON "programs" ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_institution" ON "programs" ("institutionId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_country" ON "programs" ("country") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_region" ON "programs" ("region") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_pathway" ON "programs" ("pathwayId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_hands_on" ON "programs" ("handsOnPatientCare") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_img_positions" ON "programs" ("imgPositions") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_visa" ON "programs" ("visaSponsorship") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_last_verified" ON "programs" ("lastVerifiedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_updated_at" ON "programs" ("updatedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_updated" ON "programs" ("status", "updatedAt", "id") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_title" ON "programs" ("status", "title", "id") ');
    await queryRunner.query('DROP INDEX "IDX_program_requirements_requirement"');
    await queryRunner.query('DROP INDEX "UQ_program_requirements_pair"');
    await queryRunner.query(
      'CREATE TABLE "temporary_program_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "programId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "minimumScore" integer, "note" text, CONSTRAINT "FK_program_requirements_program" FOREIGN KEY ("programId") REFERENCES "programs" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_program_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_program_requirements"("id", "programId", "requirementId", "level", "minimumScore", "note") SELECT "id", "programId", "requirementId", "level", "minimumScore", "note" FROM "program_requirements"',
    );
    await queryRunner.query('DROP TABLE "program_requirements"');
    await queryRunner.query('ALTER TABLE "temporary_program_requirements" RENAME TO "program_requirements"');
    await queryRunner.query(
      'CREATE INDEX "IDX_program_requirements_requirement" ON "program_requirements" ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_requirements_pair" ON "program_requirements" ("programId", "requirementId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_program_specialties_specialty"');
    await queryRunner.query(
      'CREATE TABLE "temporary_program_specialties" ("programId" integer NOT NULL, "specialtyId" integer NOT NULL, CONSTRAINT "FK_program_specialties_program" FOREIGN KEY ("programId") REFERENCES "programs" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_program_specialties_specialty" FOREIGN KEY ("specialtyId") REFERENCES "specialties" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("programId", "specialtyId"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_program_specialties"("programId", "specialtyId") SELECT "programId", "specialtyId" FROM "program_specialties"',
    );
    await queryRunner.query('DROP TABLE "program_specialties"');
    await queryRunner.query('ALTER TABLE "temporary_program_specialties" RENAME TO "program_specialties"');
    await queryRunner.query(
      'CREATE INDEX "IDX_program_specialties_specialty" ON "program_specialties" ("specialtyId") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_program_specialties_specialty"');
    await queryRunner.query('ALTER TABLE "program_specialties" RENAME TO "temporary_program_specialties"');
    await queryRunner.query(
      'CREATE TABLE "program_specialties" ("programId" integer NOT NULL, "specialtyId" integer NOT NULL, PRIMARY KEY ("programId", "specialtyId"))',
    );
    await queryRunner.query(
      'INSERT INTO "program_specialties"("programId", "specialtyId") SELECT "programId", "specialtyId" FROM "temporary_program_specialties"',
    );
    await queryRunner.query('DROP TABLE "temporary_program_specialties"');
    await queryRunner.query(
      'CREATE INDEX "IDX_program_specialties_specialty" ON "program_specialties" ("specialtyId") ',
    );
    await queryRunner.query('DROP INDEX "UQ_program_requirements_pair"');
    await queryRunner.query('DROP INDEX "IDX_program_requirements_requirement"');
    await queryRunner.query('ALTER TABLE "program_requirements" RENAME TO "temporary_program_requirements"');
    await queryRunner.query(
      'CREATE TABLE "program_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "programId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "minimumScore" integer, "note" text)',
    );
    await queryRunner.query(
      'INSERT INTO "program_requirements"("id", "programId", "requirementId", "level", "minimumScore", "note") SELECT "id", "programId", "requirementId", "level", "minimumScore", "note" FROM "temporary_program_requirements"',
    );
    await queryRunner.query('DROP TABLE "temporary_program_requirements"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_requirements_pair" ON "program_requirements" ("programId", "requirementId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_requirements_requirement" ON "program_requirements" ("requirementId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_programs_status_title"');
    await queryRunner.query('DROP INDEX "IDX_programs_status_updated"');
    await queryRunner.query('DROP INDEX "IDX_programs_updated_at"');
    await queryRunner.query('DROP INDEX "IDX_programs_last_verified"');
    await queryRunner.query('DROP INDEX "IDX_programs_visa"');
    await queryRunner.query('DROP INDEX "IDX_programs_img_positions"');
    await queryRunner.query('DROP INDEX "IDX_programs_hands_on"');
    await queryRunner.query('DROP INDEX "IDX_programs_pathway"');
    await queryRunner.query('DROP INDEX "IDX_programs_region"');
    await queryRunner.query('DROP INDEX "IDX_programs_country"');
    await queryRunner.query('DROP INDEX "IDX_programs_institution"');
    await queryRunner.query('DROP INDEX "IDX_programs_status"');
    await queryRunner.query('DROP INDEX "IDX_programs_audience"');
    await queryRunner.query('DROP INDEX "IDX_programs_type"');
    await queryRunner.query('DROP INDEX "IDX_programs_title"');
    await queryRunner.query('DROP INDEX "UQ_programs_slug"');
    await queryRunner.query('ALTER TABLE "programs" RENAME TO "temporary_programs"');
    await queryRunner.query(
      'CREATE TABLE "programs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "slug" varchar(160) NOT NULL, "title" varchar(300) NOT NULL, "description" text, "type" varchar CHECK( "type" IN (\'RESIDENCY\',\'FELLOWSHIP\',\'CLINICAL_ELECTIVE\',\'OBSERVERSHIP\') ) NOT NULL, "audience" varchar CHECK( "audience" IN (\'GRADUATE\',\'STUDENT\',\'BOTH\') ) NOT NULL, "status" varchar CHECK( "status" IN (\'DRAFT\',\'PUBLISHED\',\'ARCHIVED\') ) NOT NULL DEFAULT (\'DRAFT\'), "institutionId" integer, "country" varchar CHECK( "country" IN (\'US\',\'CA\') ) NOT NULL, "region" varchar(8), "pathwayId" integer, "durationMonths" integer, "handsOnPatientCare" boolean, "positions" integer, "imgPositions" integer, "visaSponsorship" boolean, "applicationOpensAt" datetime, "applicationClosesAt" datetime, "applicationFeeCents" integer, "feeCurrency" varchar(3), "sourceUrl" varchar(500), "sourceNote" text, "lastVerifiedAt" datetime, "verifiedById" integer, "version" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "programs"("id", "slug", "title", "description", "type", "audience", "status", "institutionId", "country", "region", "pathwayId", "durationMonths", "handsOnPatientCare", "positions", "imgPositions", "visaSponsorship", "applicationOpensAt", "applicationClosesAt", "applicationFeeCents", "feeCurrency", "sourceUrl", "sourceNote", "lastVerifiedAt", "verifiedById", "version", "createdAt", "updatedAt") SELECT "id", "slug", "title", "description", "type", "audience", "status", "institutionId", "country", "region", "pathwayId", "durationMonths", "handsOnPatientCare", "positions", "imgPositions", "visaSponsorship", "applicationOpensAt", "applicationClosesAt", "applicationFeeCents", "feeCurrency", "sourceUrl", "sourceNote", "lastVerifiedAt", "verifiedById", "version", "createdAt", "updatedAt" FROM "temporary_programs"',
    );
    await queryRunner.query('DROP TABLE "temporary_programs"');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_title" ON "programs" ("status", "title", "id") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_updated" ON "programs" ("status", "updatedAt", "id") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_updated_at" ON "programs" ("updatedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_last_verified" ON "programs" ("lastVerifiedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_visa" ON "programs" ("visaSponsorship") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_img_positions" ON "programs" ("imgPositions") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_hands_on" ON "programs" ("handsOnPatientCare") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_pathway" ON "programs" ("pathwayId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_region" ON "programs" ("region") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_country" ON "programs" ("country") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_institution" ON "programs" ("institutionId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status" ON "programs" ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_audience" ON "programs" ("audience") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_type" ON "programs" ("type") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_title" ON "programs" ("title") ');
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_programs_slug" ON "programs" ("slug") ');
    await queryRunner.query('DROP INDEX "UQ_pathway_requirements_pair"');
    await queryRunner.query('DROP INDEX "IDX_pathway_requirements_requirement"');
    await queryRunner.query('ALTER TABLE "pathway_requirements" RENAME TO "temporary_pathway_requirements"');
    await queryRunner.query(
      'CREATE TABLE "pathway_requirements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "pathwayId" integer NOT NULL, "requirementId" integer NOT NULL, "level" varchar CHECK( "level" IN (\'REQUIRED\',\'RECOMMENDED\') ) NOT NULL, "note" text)',
    );
    await queryRunner.query(
      'INSERT INTO "pathway_requirements"("id", "pathwayId", "requirementId", "level", "note") SELECT "id", "pathwayId", "requirementId", "level", "note" FROM "temporary_pathway_requirements"',
    );
    await queryRunner.query('DROP TABLE "temporary_pathway_requirements"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_pathway_requirements_pair" ON "pathway_requirements" ("pathwayId", "requirementId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_pathway_requirements_requirement" ON "pathway_requirements" ("requirementId") ',
    );
    await queryRunner.query('DROP INDEX "IDX_program_specialties_specialty"');
    await queryRunner.query('DROP TABLE "program_specialties"');
    await queryRunner.query('DROP INDEX "IDX_specialties_name"');
    await queryRunner.query('DROP INDEX "UQ_specialties_slug"');
    await queryRunner.query('DROP TABLE "specialties"');
    await queryRunner.query('DROP INDEX "UQ_program_requirements_pair"');
    await queryRunner.query('DROP INDEX "IDX_program_requirements_requirement"');
    await queryRunner.query('DROP TABLE "program_requirements"');
    await queryRunner.query('DROP INDEX "IDX_programs_status_title"');
    await queryRunner.query('DROP INDEX "IDX_programs_status_updated"');
    await queryRunner.query('DROP INDEX "IDX_programs_updated_at"');
    await queryRunner.query('DROP INDEX "IDX_programs_last_verified"');
    await queryRunner.query('DROP INDEX "IDX_programs_visa"');
    await queryRunner.query('DROP INDEX "IDX_programs_img_positions"');
    await queryRunner.query('DROP INDEX "IDX_programs_hands_on"');
    await queryRunner.query('DROP INDEX "IDX_programs_pathway"');
    await queryRunner.query('DROP INDEX "IDX_programs_region"');
    await queryRunner.query('DROP INDEX "IDX_programs_country"');
    await queryRunner.query('DROP INDEX "IDX_programs_institution"');
    await queryRunner.query('DROP INDEX "IDX_programs_status"');
    await queryRunner.query('DROP INDEX "IDX_programs_audience"');
    await queryRunner.query('DROP INDEX "IDX_programs_type"');
    await queryRunner.query('DROP INDEX "IDX_programs_title"');
    await queryRunner.query('DROP INDEX "UQ_programs_slug"');
    await queryRunner.query('DROP TABLE "programs"');
    await queryRunner.query('DROP INDEX "UQ_pathway_requirements_pair"');
    await queryRunner.query('DROP INDEX "IDX_pathway_requirements_requirement"');
    await queryRunner.query('DROP TABLE "pathway_requirements"');
    await queryRunner.query('DROP INDEX "IDX_pathways_country"');
    await queryRunner.query('DROP INDEX "IDX_pathways_kind"');
    await queryRunner.query('DROP INDEX "IDX_pathways_name"');
    await queryRunner.query('DROP INDEX "UQ_pathways_slug"');
    await queryRunner.query('DROP TABLE "pathways"');
    await queryRunner.query('DROP INDEX "IDX_requirements_kind"');
    await queryRunner.query('DROP INDEX "IDX_requirements_name"');
    await queryRunner.query('DROP INDEX "UQ_requirements_code"');
    await queryRunner.query('DROP TABLE "requirements"');
    await queryRunner.query('DROP INDEX "IDX_institutions_updated_at"');
    await queryRunner.query('DROP INDEX "IDX_institutions_region"');
    await queryRunner.query('DROP INDEX "IDX_institutions_country"');
    await queryRunner.query('DROP INDEX "IDX_institutions_kind"');
    await queryRunner.query('DROP INDEX "IDX_institutions_name"');
    await queryRunner.query('DROP INDEX "UQ_institutions_slug"');
    await queryRunner.query('DROP TABLE "institutions"');
    await queryRunner.query('DROP INDEX "UQ_curators_email"');
    await queryRunner.query('DROP TABLE "curators"');
  }
}
