import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { Dialect } from "../../core/data-source";
import { fts5Query, tsQuery, type SearchTerms } from "./search-terms";

/** Relevance is a rank scaled to an integer, so cursors compare it exactly on both databases. */
const SCALE = 1_000_000;

/**
 * Full-text search over programs, the same for SQLite (FTS5, bm25) and PostgreSQL (tsvector,
 * ts_rank): it joins the matching programs' relevance onto a query of programs (alias `p`) as
 * `<alias>.relevance`, higher meaning more relevant. Only the program ids that match are joined,
 * so the join is also the search filter.
 */
export interface ProgramSearch {
  join<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, search: SearchTerms, alias: string): string;
}

let seq = 0;
const paramName = () => `fts${(seq = (seq + 1) % 1_000_000)}`;

// bm25 weights per column: title, description, institution, specialties, pathway.
const BM25 = "bm25(programs_fts, 10.0, 2.0, 5.0, 5.0, 4.0)";

/** Every match and its relevance (columns program_id, relevance), the search given as `:param`. */
const SQLITE_MATCHES = (param: string) =>
  `SELECT rowid AS program_id, CAST(ROUND(-${BM25} * ${SCALE}) AS INTEGER) AS relevance FROM programs_fts WHERE programs_fts MATCH ${param}`;
/** Every match and its relevance (columns program_id, relevance, and any `also` selects), the search given as `param`. */
const POSTGRES_MATCHES = (param: string, also = "") =>
  `SELECT xsd."programId" AS program_id, CAST(ROUND(ts_rank(xsd.document, to_tsquery('english', ${param})) * ${SCALE}) AS integer) AS relevance${also}
        FROM program_search xsd WHERE xsd.document @@ to_tsquery('english', ${param})`;

/**
 * The statement reading every match's relevance and title (columns program_id, relevance, title)
 * in a relevance page's order (relevance descending, then title and id ascending, as the page query
 * sorts them), each row with the directory version (column version) read in the same statement, so
 * at the same snapshot (null before the first write); with no match, one row whose program_id is null.
 */
export function searchMatchesSql(dialect: Dialect, search: SearchTerms): { sql: string; parameters: string[] } {
  // PostgreSQL keeps each title beside its search document (migration SearchTitles): no scan of
  // `programs` for them. SQLite's FTS5 index joins programs by rowid, a lookup per match.
  const [matches, parameters] =
    dialect === "postgres"
      ? [POSTGRES_MATCHES("$1", `, xsd."title" AS title`), [tsQuery(search)]]
      : [
          `SELECT x.program_id, x.relevance, pp."title" AS title FROM (${SQLITE_MATCHES("?")}) x
        INNER JOIN "programs" pp ON pp."id" = x.program_id`,
          [fts5Query(search)],
        ];
  const sql = `SELECT v."version" AS version, m.program_id, m.relevance, m.title FROM (SELECT 1 AS one) o
    LEFT JOIN "directory_version" v ON v."id" = 1
    LEFT JOIN (${matches}) m ON 1 = 1
    ORDER BY m.relevance DESC, m.title ASC, m.program_id ASC`;
  return { sql, parameters };
}

const sqliteSearch: ProgramSearch = {
  join(qb, search, alias) {
    const param = paramName();
    qb.innerJoin(`(${SQLITE_MATCHES(`:${param}`)})`, alias, `${alias}.program_id = p.id`, {
      [param]: fts5Query(search),
    });
    return `${alias}.relevance`;
  },
};

const postgresSearch: ProgramSearch = {
  join(qb, search, alias) {
    const param = paramName();
    qb.innerJoin(`(${POSTGRES_MATCHES(`:${param}`)})`, alias, `${alias}.program_id = p.id`, {
      [param]: tsQuery(search),
    });
    return `${alias}.relevance`;
  },
};

export function programSearchFor(dialect: Dialect): ProgramSearch {
  return dialect === "postgres" ? postgresSearch : sqliteSearch;
}
