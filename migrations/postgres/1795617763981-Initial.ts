import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795617763981 implements MigrationInterface {
  name = "Initial1795617763981";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"curators_role_enum\" AS ENUM('ADMIN', 'EDITOR', 'VIEWER')");
    await queryRunner.query(
      'CREATE TABLE "curators" ("id" SERIAL NOT NULL, "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" "public"."curators_role_enum" NOT NULL, "active" boolean NOT NULL DEFAULT true, "passwordHash" character varying(300) NOT NULL, "lastLoginAt" TIMESTAMP, "version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_3b54b0e2d17cf411915da8d385a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_curators_email" ON "curators"  ("email") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"institutions_kind_enum\" AS ENUM('ACADEMIC_MEDICAL_CENTER', 'UNIVERSITY', 'MEDICAL_SCHOOL', 'HOSPITAL', 'OTHER')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"institutions_country_enum\" AS ENUM('US', 'CA')");
    await queryRunner.query(
      'CREATE TABLE "institutions" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."institutions_kind_enum" NOT NULL, "country" "public"."institutions_country_enum" NOT NULL, "region" character varying(8) NOT NULL, "city" character varying(120) NOT NULL, "website" character varying(500), "description" text, "archivedAt" TIMESTAMP, "version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_0be7539dcdba335470dc05e9690" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_institutions_slug" ON "institutions"  ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_name" ON "institutions"  ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_kind" ON "institutions"  ("kind") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_country" ON "institutions"  ("country") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_region" ON "institutions"  ("region") ');
    await queryRunner.query('CREATE INDEX "IDX_institutions_updated_at" ON "institutions"  ("updatedAt") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"requirements_kind_enum\" AS ENUM('EXAM', 'CERTIFICATION', 'LICENSE', 'TRAINING', 'LANGUAGE', 'IMMIGRATION', 'DOCUMENT')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"requirements_country_enum\" AS ENUM('US', 'CA')");
    await queryRunner.query(
      'CREATE TABLE "requirements" ("id" SERIAL NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."requirements_kind_enum" NOT NULL, "country" "public"."requirements_country_enum", "description" text, "scoreMin" integer, "scoreMax" integer, "archivedAt" TIMESTAMP, "version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_4e966e20a0ebaf89e4c1ed664a4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_requirements_code" ON "requirements"  ("code") ');
    await queryRunner.query('CREATE INDEX "IDX_requirements_name" ON "requirements"  ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_requirements_kind" ON "requirements"  ("kind") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"pathways_kind_enum\" AS ENUM('NATIONAL_MATCH', 'PROVINCIAL_IMG_STREAM', 'DIRECT')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"pathways_country_enum\" AS ENUM('US', 'CA')");
    await queryRunner.query(
      'CREATE TABLE "pathways" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."pathways_kind_enum" NOT NULL, "country" "public"."pathways_country_enum", "region" character varying(8), "description" text, "website" character varying(500), "archivedAt" TIMESTAMP, "version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_bfba58a2ba7d08c64412da85630" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_pathways_slug" ON "pathways"  ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_pathways_name" ON "pathways"  ("name") ');
    await queryRunner.query('CREATE INDEX "IDX_pathways_kind" ON "pathways"  ("kind") ');
    await queryRunner.query('CREATE INDEX "IDX_pathways_country" ON "pathways"  ("country") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"pathway_requirements_level_enum\" AS ENUM('REQUIRED', 'RECOMMENDED')",
    );
    await queryRunner.query(
      'CREATE TABLE "pathway_requirements" ("id" SERIAL NOT NULL, "pathwayId" integer NOT NULL, "requirementId" integer NOT NULL, "level" "public"."pathway_requirements_level_enum" NOT NULL, "note" text, CONSTRAINT "PK_f6d6ba064400ac136ad0bb54684" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_pathway_requirements_requirement" ON "pathway_requirements"  ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_pathway_requirements_pair" ON "pathway_requirements"  ("pathwayId", "requirementId") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"programs_type_enum\" AS ENUM('RESIDENCY', 'FELLOWSHIP', 'CLINICAL_ELECTIVE', 'OBSERVERSHIP')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"programs_audience_enum\" AS ENUM('GRADUATE', 'STUDENT', 'BOTH')");
    await queryRunner.query(
      "CREATE TYPE \"public\".\"programs_status_enum\" AS ENUM('DRAFT', 'PUBLISHED', 'ARCHIVED')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"programs_country_enum\" AS ENUM('US', 'CA')");
    await queryRunner.query(
      'CREATE TABLE "programs" ("id" SERIAL NOT NULL, "slug" character varying(160) NOT NULL, "title" character varying(300) NOT NULL, "description" text, "type" "public"."programs_type_enum" NOT NULL, "audience" "public"."programs_audience_enum" NOT NULL, "status" "public"."programs_status_enum" NOT NULL DEFAULT \'DRAFT\', "institutionId" integer, "country" "public"."programs_country_enum" NOT NULL, "region" character varying(8), "pathwayId" integer, "durationMonths" integer, "handsOnPatientCare" boolean, "positions" integer, "imgPositions" integer, "visaSponsorship" boolean, "applicationOpensAt" TIMESTAMP, "applicationClosesAt" TIMESTAMP, "applicationFeeCents" integer, "feeCurrency" character varying(3), "sourceUrl" character varying(500), "sourceNote" text, "lastVerifiedAt" TIMESTAMP, "verifiedById" integer, "version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_d43c664bcaafc0e8a06dfd34e05" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_programs_slug" ON "programs"  ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_title" ON "programs"  ("title") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_type" ON "programs"  ("type") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_audience" ON "programs"  ("audience") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status" ON "programs"  ("status") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_institution" ON "programs"  ("institutionId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_country" ON "programs"  ("country") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_region" ON "programs"  ("region") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_pathway" ON "programs"  ("pathwayId") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_hands_on" ON "programs"  ("handsOnPatientCare") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_img_positions" ON "programs"  ("imgPositions") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_visa" ON "programs"  ("visaSponsorship") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_last_verified" ON "programs"  ("lastVerifiedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_updated_at" ON "programs"  ("updatedAt") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_updated" ON "programs"  ("status", "updatedAt", "id") ');
    await queryRunner.query('CREATE INDEX "IDX_programs_status_title" ON "programs"  ("status", "title", "id") ');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"program_requirements_level_enum\" AS ENUM('REQUIRED', 'RECOMMENDED')",
    );
    await queryRunner.query(
      'CREATE TABLE "program_requirements" ("id" SERIAL NOT NULL, "programId" integer NOT NULL, "requirementId" integer NOT NULL, "level" "public"."program_requirements_level_enum" NOT NULL, "minimumScore" integer, "note" text, CONSTRAINT "PK_ae429bd48e8cdd6df842ace413a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_requirements_requirement" ON "program_requirements"  ("requirementId") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_requirements_pair" ON "program_requirements"  ("programId", "requirementId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "specialties" ("id" SERIAL NOT NULL, "slug" character varying(120) NOT NULL, "name" character varying(200) NOT NULL, "archivedAt" TIMESTAMP, "version" integer NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_ba01cec5aa8ac48778a1d097e98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_specialties_slug" ON "specialties"  ("slug") ');
    await queryRunner.query('CREATE INDEX "IDX_specialties_name" ON "specialties"  ("name") ');
    await queryRunner.query(
      'CREATE TABLE "program_specialties" ("programId" integer NOT NULL, "specialtyId" integer NOT NULL, CONSTRAINT "PK_d0815514c06d35e286d8fbe6d50" PRIMARY KEY ("programId", "specialtyId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_specialties_specialty" ON "program_specialties"  ("specialtyId") ',
    );
    await queryRunner.query(
      'ALTER TABLE "pathway_requirements" ADD CONSTRAINT "FK_pathway_requirements_pathway" FOREIGN KEY ("pathwayId") REFERENCES "pathways"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pathway_requirements" ADD CONSTRAINT "FK_pathway_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "programs" ADD CONSTRAINT "FK_programs_institution" FOREIGN KEY ("institutionId") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "programs" ADD CONSTRAINT "FK_programs_pathway" FOREIGN KEY ("pathwayId") REFERENCES "pathways"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "programs" ADD CONSTRAINT "FK_programs_verified_by" FOREIGN KEY ("verifiedById") REFERENCES "curators"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_requirements" ADD CONSTRAINT "FK_program_requirements_program" FOREIGN KEY ("programId") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_requirements" ADD CONSTRAINT "FK_program_requirements_requirement" FOREIGN KEY ("requirementId") REFERENCES "requirements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_specialties" ADD CONSTRAINT "FK_program_specialties_program" FOREIGN KEY ("programId") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_specialties" ADD CONSTRAINT "FK_program_specialties_specialty" FOREIGN KEY ("specialtyId") REFERENCES "specialties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "program_specialties" DROP CONSTRAINT "FK_program_specialties_specialty"');
    await queryRunner.query('ALTER TABLE "program_specialties" DROP CONSTRAINT "FK_program_specialties_program"');
    await queryRunner.query('ALTER TABLE "program_requirements" DROP CONSTRAINT "FK_program_requirements_requirement"');
    await queryRunner.query('ALTER TABLE "program_requirements" DROP CONSTRAINT "FK_program_requirements_program"');
    await queryRunner.query('ALTER TABLE "programs" DROP CONSTRAINT "FK_programs_verified_by"');
    await queryRunner.query('ALTER TABLE "programs" DROP CONSTRAINT "FK_programs_pathway"');
    await queryRunner.query('ALTER TABLE "programs" DROP CONSTRAINT "FK_programs_institution"');
    await queryRunner.query('ALTER TABLE "pathway_requirements" DROP CONSTRAINT "FK_pathway_requirements_requirement"');
    await queryRunner.query('ALTER TABLE "pathway_requirements" DROP CONSTRAINT "FK_pathway_requirements_pathway"');
    await queryRunner.query('DROP INDEX "public"."IDX_program_specialties_specialty"');
    await queryRunner.query('DROP TABLE "program_specialties"');
    await queryRunner.query('DROP INDEX "public"."IDX_specialties_name"');
    await queryRunner.query('DROP INDEX "public"."UQ_specialties_slug"');
    await queryRunner.query('DROP TABLE "specialties"');
    await queryRunner.query('DROP INDEX "public"."UQ_program_requirements_pair"');
    await queryRunner.query('DROP INDEX "public"."IDX_program_requirements_requirement"');
    await queryRunner.query('DROP TABLE "program_requirements"');
    await queryRunner.query('DROP TYPE "public"."program_requirements_level_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_status_title"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_status_updated"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_updated_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_last_verified"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_visa"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_img_positions"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_hands_on"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_pathway"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_region"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_country"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_institution"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_audience"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_type"');
    await queryRunner.query('DROP INDEX "public"."IDX_programs_title"');
    await queryRunner.query('DROP INDEX "public"."UQ_programs_slug"');
    await queryRunner.query('DROP TABLE "programs"');
    await queryRunner.query('DROP TYPE "public"."programs_country_enum"');
    await queryRunner.query('DROP TYPE "public"."programs_status_enum"');
    await queryRunner.query('DROP TYPE "public"."programs_audience_enum"');
    await queryRunner.query('DROP TYPE "public"."programs_type_enum"');
    await queryRunner.query('DROP INDEX "public"."UQ_pathway_requirements_pair"');
    await queryRunner.query('DROP INDEX "public"."IDX_pathway_requirements_requirement"');
    await queryRunner.query('DROP TABLE "pathway_requirements"');
    await queryRunner.query('DROP TYPE "public"."pathway_requirements_level_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_pathways_country"');
    await queryRunner.query('DROP INDEX "public"."IDX_pathways_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_pathways_name"');
    await queryRunner.query('DROP INDEX "public"."UQ_pathways_slug"');
    await queryRunner.query('DROP TABLE "pathways"');
    await queryRunner.query('DROP TYPE "public"."pathways_country_enum"');
    await queryRunner.query('DROP TYPE "public"."pathways_kind_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_requirements_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_requirements_name"');
    await queryRunner.query('DROP INDEX "public"."UQ_requirements_code"');
    await queryRunner.query('DROP TABLE "requirements"');
    await queryRunner.query('DROP TYPE "public"."requirements_country_enum"');
    await queryRunner.query('DROP TYPE "public"."requirements_kind_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_institutions_updated_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_institutions_region"');
    await queryRunner.query('DROP INDEX "public"."IDX_institutions_country"');
    await queryRunner.query('DROP INDEX "public"."IDX_institutions_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_institutions_name"');
    await queryRunner.query('DROP INDEX "public"."UQ_institutions_slug"');
    await queryRunner.query('DROP TABLE "institutions"');
    await queryRunner.query('DROP TYPE "public"."institutions_country_enum"');
    await queryRunner.query('DROP TYPE "public"."institutions_kind_enum"');
    await queryRunner.query('DROP INDEX "public"."UQ_curators_email"');
    await queryRunner.query('DROP TABLE "curators"');
    await queryRunner.query('DROP TYPE "public"."curators_role_enum"');
  }
}
