import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { decodeCursor } from "../../core/cursor";
import { dialectOf } from "../../core/data-source";
import { SortDirection } from "../../core/enums";
import type { Ordering } from "../../core/pagination";
import type { VersionedReadIndex } from "../../core/read-index";
import { heavyQuery } from "../../core/sqlite-readers";
import { searchMatchesSql, type ProgramSearch } from "../search/program-search";
import type { SearchTerms } from "../search/search-terms";
import { ProgramOrder } from "./program.args";
import type { ProgramFacetIndex } from "./program.facet-index";
import type { ProgramFilter } from "./program.filter-input";

/** What a relevance page needs of the matches: the join that stands for the search, and the count. */
export interface RankedCandidates {
  /** Joins only the candidates and their relevance, as the full-text join would join every match. */
  join: ProgramSearch;
  /** Every published program the search and the filter match. */
  count: number;
}

let seq = 0;
const paramName = () => `rank${(seq = (seq + 1) % 1_000_000)}`;

/**
 * Relevance pages for anonymous readers without ranking every match twice in SQL. A full-text
 * page used to join, filter and sort every match (the relevance computed for each) and count them
 * in a second statement; at 100,000 programs a common word matches thousands. Here one statement
 * reads the matches' relevance, the facet index's set for the filter (at the same directory
 * version) keeps and counts the filter's, and only the candidates the page can hold (those tied
 * with the cursor's relevance, and the best first + 1 after it with their ties) go into the usual
 * keyset query as its search join, which still filters, orders (relevance, title, id, as the
 * database compares them) and makes the cursors. Null when it cannot answer (use the SQL path).
 */
export class RankedSearch {
  constructor(
    private readonly ds: DataSource,
    private readonly facets: VersionedReadIndex<ProgramFacetIndex>,
  ) {}

  /**
   * For an anonymous reader's relevance page in the natural order: the candidates the page can hold
   * and the count; null for the SQL path (another order, a filter the index cannot evaluate, a
   * cursor whose relevance is not a number: SQL answers or refuses it as ever).
   */
  async forPage(
    search: SearchTerms,
    page: { filter?: ProgramFilter | null; after?: string | null; first: number },
    ordering: Ordering,
  ): Promise<RankedCandidates | null> {
    if (!ordering.name.startsWith(`${ProgramOrder.RELEVANCE}:${SortDirection.DESC}:`)) return null;
    let afterRelevance: number | null = null;
    if (page.after) {
      let values: unknown[];
      try {
        values = decodeCursor(page.after, ordering.name, ordering.keys.length);
      } catch {
        return null;
      }
      if (typeof values[0] !== "number" || !Number.isFinite(values[0])) return null;
      afterRelevance = values[0];
    }
    return this.candidates(search, page.filter, afterRelevance, page.first);
  }

  private async candidates(
    search: SearchTerms,
    filter: ProgramFilter | null | undefined,
    /** The cursor's relevance (natural, descending order), or null for the first page. */
    afterRelevance: number | null,
    first: number,
  ): Promise<RankedCandidates | null> {
    const index = await this.facets.current();
    const members = index?.matching(filter);
    if (!members) return null;
    const { sql, parameters } = searchMatchesSql(dialectOf(this.ds), search);
    const rows = await heavyQuery<{ program_id: number | string; relevance: number | string }>(
      this.ds,
      sql,
      parameters,
    );
    const ids: number[] = [];
    const relevance: number[] = [];
    for (const row of rows) {
      const id = Number(row.program_id);
      if (!members.has(id)) continue;
      ids.push(id);
      relevance.push(Number(row.relevance));
    }
    // The (first + 1)-th best relevance after the cursor's: every candidate at or above it can be on the page.
    const after = Float64Array.from(
      afterRelevance === null ? relevance : relevance.filter((r) => r < afterRelevance),
    ).sort();
    const threshold = after.length ? after[Math.max(0, after.length - 1 - first)] : Infinity;
    const kept = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) {
      const r = relevance[i];
      const onPage =
        afterRelevance === null ? r >= threshold : r === afterRelevance || (r < afterRelevance && r >= threshold);
      if (onPage) kept.set(ids[i], r);
    }
    return { join: candidateJoin(dialectOf(this.ds), kept), count: ids.length };
  }
}

/** A join of the candidates (id → relevance) as a derived table with the full-text join's columns. */
function candidateJoin(dialect: "sqlite" | "postgres", candidates: Map<number, number>): ProgramSearch {
  const json = JSON.stringify(Object.fromEntries(candidates));
  return {
    join<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, _search: SearchTerms, alias: string): string {
      const param = paramName();
      const table =
        dialect === "postgres"
          ? `(SELECT CAST(e.key AS integer) AS program_id, CAST(e.value AS integer) AS relevance FROM json_each_text(CAST(:${param} AS json)) e)`
          : `(SELECT CAST(e.key AS INTEGER) AS program_id, e.value AS relevance FROM json_each(:${param}) e)`;
      qb.innerJoin(table, alias, `${alias}.program_id = p.id`, { [param]: json });
      return `${alias}.relevance`;
    },
  };
}
