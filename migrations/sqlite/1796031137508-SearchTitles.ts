import type { MigrationInterface } from "typeorm";

/**
 * PostgreSQL's migration of this name keeps each program's title beside its search document, so
 * that reading a search's matches in relevance, title, id order does not scan `programs`. SQLite's
 * index (FTS5) joins `programs` by rowid, one lookup per match, which costs little: nothing to
 * change here. Kept so that both databases list the same migrations.
 */
export class SearchTitles1796031137508 implements MigrationInterface {
  name = "SearchTitles1796031137508";

  public async up(): Promise<void> {}

  public async down(): Promise<void> {}
}
