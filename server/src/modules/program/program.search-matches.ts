import type { SearchTerms } from "../search/search-terms";

/**
 * Every program one search matches (drafts too) as read at one directory version, in the order of
 * a relevance page: relevance descending, then title and id ascending, as the database sorts them.
 */
export interface SearchMatches {
  ids: Int32Array;
  /** Each id's relevance, as the full-text join computes it. */
  relevance: Float64Array;
  /** Each id's title, to find a cursor's place (a cursor holds relevance, title, id). */
  titles: string[];
  /** Position by id, made on the first page after a cursor. */
  positions?: Map<number, number>;
}

/** Matches from rows already in a relevance page's order. */
export function packMatches(
  rows: readonly { program_id: number | string; relevance: number | string; title: string }[],
): SearchMatches {
  const matches: SearchMatches = {
    ids: new Int32Array(rows.length),
    relevance: new Float64Array(rows.length),
    titles: new Array<string>(rows.length),
  };
  rows.forEach((row, i) => {
    matches.ids[i] = Number(row.program_id);
    matches.relevance[i] = Number(row.relevance);
    matches.titles[i] = row.title;
  });
  return matches;
}

/** Where the row with this id, relevance and title stands in the matches; -1 when none does. */
export function positionOf(matches: SearchMatches, at: { id: number; relevance: number; title: string }): number {
  matches.positions ??= new Map(Array.from(matches.ids, (id, i) => [id, i]));
  const i = matches.positions.get(at.id);
  return i !== undefined && matches.relevance[i] === at.relevance && matches.titles[i] === at.title ? i : -1;
}

/**
 * The matches of recent searches at the directory version now, so that a search repeated before
 * the next write ranks nothing in SQL (relevance is the costly part of a search: ts_rank detoasts
 * every match's document, bm25 reads every match's row). Exact: an entry is only stored under the
 * version read in the same statement as its matches, only read by a request whose facet index was
 * built at that version, and a set at another version drops every entry. Bounded: at most
 * `maxEntries` searches and `maxMatches` matches in all (an id, a relevance and a title each), least
 * recently used first out; a search with more matches than `maxMatches / 4` is not kept.
 */
export class SearchMatchCache {
  private version: string | null = null;
  /** By search (its terms in the order typed: relevance is summed in that order); Map order is recency. */
  private readonly entries = new Map<string, SearchMatches>();
  private held = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxMatches = 400_000,
  ) {}

  get(version: string, search: SearchTerms): SearchMatches | null {
    if (version !== this.version) return null;
    const key = searchKey(search);
    const found = this.entries.get(key);
    if (!found) return null;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }

  set(version: string, search: SearchTerms, matches: SearchMatches): void {
    if (version !== this.version) {
      this.entries.clear();
      this.held = 0;
      this.version = version;
    }
    const n = matches.ids.length;
    if (n > this.maxMatches / 4) return;
    const key = searchKey(search);
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.held -= old.ids.length;
    }
    this.entries.set(key, matches);
    this.held += n;
    for (const [oldest, m] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.held <= this.maxMatches) break;
      this.entries.delete(oldest);
      this.held -= m.ids.length;
    }
  }

  /** Entries held and their matches in all (for tests). */
  get size(): { entries: number; matches: number } {
    return { entries: this.entries.size, matches: this.held };
  }
}

/** What tells one search's matches from another's (its terms in the order typed: relevance is summed in that order). */
export const searchKey = (search: SearchTerms) => search.terms.join(" ");
