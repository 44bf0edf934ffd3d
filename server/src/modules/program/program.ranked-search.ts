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
import { packMatches, positionOf, SearchMatchCache, searchKey, type SearchMatches } from "./program.search-matches";

type MatchRow = { program_id: number | string; relevance: number | string; title: string };
/** A relevance cursor's values: relevance, title, id (title and id as decoded, checked where used). */
type Cursor = { relevance: number; title: unknown; id: unknown };

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
 * reads the matches' relevance (once per directory version for a search repeated before the next
 * write: program.search-matches.ts), the facet index's set for the filter (at the same directory
 * version) keeps and counts the filter's, and only the candidates the page can hold (those tied
 * with the cursor's relevance, and the best first + 1 after it with their ties) go into the usual
 * keyset query as its search join, which still filters, orders (relevance, title, id, as the
 * database compares them) and makes the cursors. Null when it cannot answer (use the SQL path).
 */
export class RankedSearch {
  constructor(
    private readonly ds: DataSource,
    private readonly facets: VersionedReadIndex<ProgramFacetIndex>,
    /** Matches of recent searches at the directory version now; a private one when not given. */
    readonly cache: SearchMatchCache = new SearchMatchCache(),
    /**
     * Whether a page waits for the facet index's rebuild after a write (SQLite, where the SQL path
     * ranks every match too), or answers in SQL meanwhile and starts one in the background
     * (PostgreSQL, whose search never waited for an index: at 100,000 programs a rebuild takes seconds).
     */
    private readonly waitForIndex = true,
  ) {}

  /** Reads of matches under way, by index version and terms. */
  private readonly reading = new Map<string, Promise<SearchMatches>>();

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
    let after: Cursor | null = null;
    if (page.after) {
      let values: unknown[];
      try {
        values = decodeCursor(page.after, ordering.name, ordering.keys.length);
      } catch {
        return null;
      }
      if (typeof values[0] !== "number" || !Number.isFinite(values[0])) return null;
      after = { relevance: values[0], title: values[1], id: values[2] };
    }
    return this.candidates(search, page.filter, after, page.first);
  }

  private async candidates(
    search: SearchTerms,
    filter: ProgramFilter | null | undefined,
    /** The cursor's values (natural, descending order), or null for the first page. */
    after: Cursor | null,
    first: number,
  ): Promise<RankedCandidates | null> {
    const index = await (this.waitForIndex ? this.facets.currentBuilt() : this.facets.ifCurrentBuilt());
    const members = index?.value.matching(filter);
    if (!index || !members) return null;
    const matches = this.cache.get(index.version, search) ?? (await this.readOnce(search, index.version));
    const { ids, relevance } = matches;
    const kept = new Map<number, number>();
    let count = 0;
    // The cursor's row where it stands in the matches (the same relevance and title at this version):
    // the page's candidates are exactly the first + 1 kept matches after it.
    const at =
      after && typeof after.title === "string" && typeof after.id === "number"
        ? positionOf(matches, { id: after.id, relevance: after.relevance, title: after.title })
        : -1;
    if (!after || at >= 0) {
      for (let i = 0; i < ids.length; i++) {
        if (!members.has(ids[i])) continue;
        count++;
        if (i > at && kept.size <= first) kept.set(ids[i], relevance[i]);
      }
      return { join: candidateJoin(dialectOf(this.ds), kept), count };
    }
    // Else (the cursor's row changed since), by relevance alone: every kept match tied with the
    // cursor's relevance, and the best first + 1 below it with their ties.
    const afterRelevance = after.relevance;
    let below = 0;
    let threshold = -Infinity;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!members.has(id)) continue;
      count++;
      const r = relevance[i];
      if (r > afterRelevance) continue;
      if (r === afterRelevance) {
        kept.set(id, r);
        continue;
      }
      if (r < threshold) continue;
      kept.set(id, r);
      if (++below === first + 1) threshold = r;
    }
    return { join: candidateJoin(dialectOf(this.ds), kept), count };
  }

  /**
   * Concurrent requests missing the same search at the same version share one read (the first's:
   * should it fail, say at that request's statement timeout, the others read for themselves).
   */
  private readOnce(search: SearchTerms, indexVersion: string): Promise<SearchMatches> {
    const key = `${indexVersion} ${searchKey(search)}`;
    const shared = this.reading.get(key);
    if (shared) return shared.catch(() => this.read(search, indexVersion));
    const reading = this.read(search, indexVersion).finally(() => this.reading.delete(key));
    this.reading.set(key, reading);
    return reading;
  }

  /**
   * Every match's relevance and title in a relevance page's order, in one statement that also reads the directory version:
   * kept for the next request when that is the version the facet index was built at.
   */
  private async read(search: SearchTerms, indexVersion: string): Promise<SearchMatches> {
    const { sql, parameters } = searchMatchesSql(dialectOf(this.ds), search);
    const rows = await heavyQuery<{
      version: number | string | null;
      program_id: number | string | null;
      relevance: number | string | null;
      title: string | null;
    }>(this.ds, sql, parameters);
    const matches = packMatches(rows.filter((row) => row.program_id !== null) as MatchRow[]);
    const version = rows.length ? String(rows[0].version ?? "none") : null;
    if (version === indexVersion) this.cache.set(version, search, matches);
    return matches;
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
