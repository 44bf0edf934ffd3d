import type { MigrationInterface, QueryRunner } from "typeorm";
import { refreshBilingual } from "./1795970587027-Translations";

/**
 * Each program's title beside its search document. A search's matches are read once per directory
 * version in relevance, title, id order (server/src/modules/program/program.search-matches.ts);
 * joining `programs` for the titles scanned the whole table, most of that statement's time at
 * 100,000 programs (~100 of ~125 ms for a term matching 11,671 programs). The refresh that writes
 * a program's document writes its title too, and the triggers that call it already fire on every
 * title change, so the copy stays current whoever edits.
 */
export class SearchTitles1796031137508 implements MigrationInterface {
  name = "SearchTitles1796031137508";

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The type and collation of programs.title, so that both sort titles alike.
    await queryRunner.query(`ALTER TABLE program_search ADD "title" character varying(300)`);
    await queryRunner.query(refreshBilingual(true));
    await queryRunner.query(`UPDATE program_search s SET title = p.title FROM programs p WHERE p.id = s."programId"`);
    await queryRunner.query(`ALTER TABLE program_search ALTER COLUMN "title" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(refreshBilingual());
    await queryRunner.query(`ALTER TABLE program_search DROP COLUMN "title"`);
  }
}
