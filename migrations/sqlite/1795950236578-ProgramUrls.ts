import type { MigrationInterface, QueryRunner } from "typeorm";

export class ProgramUrls1795950236578 implements MigrationInterface {
  name = "ProgramUrls1795950236578";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_programs_status_country_type\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_status_title\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_status_updated\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_updated_at\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_last_verified\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_visa\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_img_positions\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_hands_on\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_pathway\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_region\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_country\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_institution\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_status\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_audience\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_type\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_title\"");
    await queryRunner.query("DROP INDEX \"UQ_programs_slug\"");
    await queryRunner.query("CREATE TABLE \"temporary_programs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"slug\" varchar(160) NOT NULL, \"title\" varchar(300) NOT NULL, \"description\" text, \"type\" varchar CHECK( \"type\" IN ('RESIDENCY','FELLOWSHIP','CLINICAL_ELECTIVE','OBSERVERSHIP') ) NOT NULL, \"audience\" varchar CHECK( \"audience\" IN ('GRADUATE','STUDENT','BOTH') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('DRAFT','PUBLISHED','ARCHIVED') ) NOT NULL DEFAULT ('DRAFT'), \"institutionId\" integer, \"country\" varchar CHECK( \"country\" IN ('US','CA') ) NOT NULL, \"region\" varchar(8), \"pathwayId\" integer, \"durationMonths\" integer, \"handsOnPatientCare\" boolean, \"positions\" integer, \"imgPositions\" integer, \"visaSponsorship\" boolean, \"applicationOpensAt\" datetime, \"applicationClosesAt\" datetime, \"applicationFeeCents\" integer, \"feeCurrency\" varchar(3), \"sourceUrl\" varchar(500), \"sourceNote\" text, \"lastVerifiedAt\" datetime, \"verifiedById\" integer, \"version\" integer NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"websiteUrl\" varchar(500), \"applicationUrl\" varchar(500), CONSTRAINT \"FK_programs_verified_by\" FOREIGN KEY (\"verifiedById\") REFERENCES \"curators\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_programs_pathway\" FOREIGN KEY (\"pathwayId\") REFERENCES \"pathways\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_programs_institution\" FOREIGN KEY (\"institutionId\") REFERENCES \"institutions\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_programs\"(\"id\", \"slug\", \"title\", \"description\", \"type\", \"audience\", \"status\", \"institutionId\", \"country\", \"region\", \"pathwayId\", \"durationMonths\", \"handsOnPatientCare\", \"positions\", \"imgPositions\", \"visaSponsorship\", \"applicationOpensAt\", \"applicationClosesAt\", \"applicationFeeCents\", \"feeCurrency\", \"sourceUrl\", \"sourceNote\", \"lastVerifiedAt\", \"verifiedById\", \"version\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"slug\", \"title\", \"description\", \"type\", \"audience\", \"status\", \"institutionId\", \"country\", \"region\", \"pathwayId\", \"durationMonths\", \"handsOnPatientCare\", \"positions\", \"imgPositions\", \"visaSponsorship\", \"applicationOpensAt\", \"applicationClosesAt\", \"applicationFeeCents\", \"feeCurrency\", \"sourceUrl\", \"sourceNote\", \"lastVerifiedAt\", \"verifiedById\", \"version\", \"createdAt\", \"updatedAt\" FROM \"programs\"");
    await queryRunner.query("DROP TABLE \"programs\"");
    await queryRunner.query("ALTER TABLE \"temporary_programs\" RENAME TO \"programs\"");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status_country_type\" ON \"programs\" (\"status\", \"country\", \"type\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status_title\" ON \"programs\" (\"status\", \"title\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status_updated\" ON \"programs\" (\"status\", \"updatedAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_updated_at\" ON \"programs\" (\"updatedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_last_verified\" ON \"programs\" (\"lastVerifiedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_visa\" ON \"programs\" (\"visaSponsorship\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_img_positions\" ON \"programs\" (\"imgPositions\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_hands_on\" ON \"programs\" (\"handsOnPatientCare\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_pathway\" ON \"programs\" (\"pathwayId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_region\" ON \"programs\" (\"region\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_country\" ON \"programs\" (\"country\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_institution\" ON \"programs\" (\"institutionId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status\" ON \"programs\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_audience\" ON \"programs\" (\"audience\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_type\" ON \"programs\" (\"type\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_title\" ON \"programs\" (\"title\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_programs_slug\" ON \"programs\" (\"slug\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"UQ_programs_slug\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_title\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_type\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_audience\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_status\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_institution\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_country\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_region\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_pathway\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_hands_on\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_img_positions\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_visa\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_last_verified\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_updated_at\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_status_updated\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_status_title\"");
    await queryRunner.query("DROP INDEX \"IDX_programs_status_country_type\"");
    await queryRunner.query("ALTER TABLE \"programs\" RENAME TO \"temporary_programs\"");
    await queryRunner.query("CREATE TABLE \"programs\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"slug\" varchar(160) NOT NULL, \"title\" varchar(300) NOT NULL, \"description\" text, \"type\" varchar CHECK( \"type\" IN ('RESIDENCY','FELLOWSHIP','CLINICAL_ELECTIVE','OBSERVERSHIP') ) NOT NULL, \"audience\" varchar CHECK( \"audience\" IN ('GRADUATE','STUDENT','BOTH') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('DRAFT','PUBLISHED','ARCHIVED') ) NOT NULL DEFAULT ('DRAFT'), \"institutionId\" integer, \"country\" varchar CHECK( \"country\" IN ('US','CA') ) NOT NULL, \"region\" varchar(8), \"pathwayId\" integer, \"durationMonths\" integer, \"handsOnPatientCare\" boolean, \"positions\" integer, \"imgPositions\" integer, \"visaSponsorship\" boolean, \"applicationOpensAt\" datetime, \"applicationClosesAt\" datetime, \"applicationFeeCents\" integer, \"feeCurrency\" varchar(3), \"sourceUrl\" varchar(500), \"sourceNote\" text, \"lastVerifiedAt\" datetime, \"verifiedById\" integer, \"version\" integer NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"FK_programs_verified_by\" FOREIGN KEY (\"verifiedById\") REFERENCES \"curators\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_programs_pathway\" FOREIGN KEY (\"pathwayId\") REFERENCES \"pathways\" (\"id\") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT \"FK_programs_institution\" FOREIGN KEY (\"institutionId\") REFERENCES \"institutions\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"programs\"(\"id\", \"slug\", \"title\", \"description\", \"type\", \"audience\", \"status\", \"institutionId\", \"country\", \"region\", \"pathwayId\", \"durationMonths\", \"handsOnPatientCare\", \"positions\", \"imgPositions\", \"visaSponsorship\", \"applicationOpensAt\", \"applicationClosesAt\", \"applicationFeeCents\", \"feeCurrency\", \"sourceUrl\", \"sourceNote\", \"lastVerifiedAt\", \"verifiedById\", \"version\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"slug\", \"title\", \"description\", \"type\", \"audience\", \"status\", \"institutionId\", \"country\", \"region\", \"pathwayId\", \"durationMonths\", \"handsOnPatientCare\", \"positions\", \"imgPositions\", \"visaSponsorship\", \"applicationOpensAt\", \"applicationClosesAt\", \"applicationFeeCents\", \"feeCurrency\", \"sourceUrl\", \"sourceNote\", \"lastVerifiedAt\", \"verifiedById\", \"version\", \"createdAt\", \"updatedAt\" FROM \"temporary_programs\"");
    await queryRunner.query("DROP TABLE \"temporary_programs\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_programs_slug\" ON \"programs\" (\"slug\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_title\" ON \"programs\" (\"title\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_type\" ON \"programs\" (\"type\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_audience\" ON \"programs\" (\"audience\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status\" ON \"programs\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_institution\" ON \"programs\" (\"institutionId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_country\" ON \"programs\" (\"country\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_region\" ON \"programs\" (\"region\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_pathway\" ON \"programs\" (\"pathwayId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_hands_on\" ON \"programs\" (\"handsOnPatientCare\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_img_positions\" ON \"programs\" (\"imgPositions\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_visa\" ON \"programs\" (\"visaSponsorship\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_last_verified\" ON \"programs\" (\"lastVerifiedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_updated_at\" ON \"programs\" (\"updatedAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status_updated\" ON \"programs\" (\"status\", \"updatedAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status_title\" ON \"programs\" (\"status\", \"title\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_programs_status_country_type\" ON \"programs\" (\"status\", \"country\", \"type\") ");
  }
}
