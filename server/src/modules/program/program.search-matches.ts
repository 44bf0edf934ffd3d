import type { SearchTerms } from "../search/search-terms";

/** Every program one search matches (drafts too), best first, as read at one directory version. */
export interface SearchMatches {
  ids: Int32Array;
  /** Each id's relevance, as the full-text join computes it; descending. */
  relevance: Float64Array;
}

/** Matches from rows in any order: sorted best first (ties in any order: the page query breaks them). */
export function sortedMatches(rows: readonly { program_id: number | string; relevance: number | string }[]) {
  const order = rows.map((row, i) => ({ id: Number(row.program_id), r: Number(row.relevance), i }));
  order.sort((a, b) => b.r - a.r || a.i - b.i);
  const matches: SearchMatches = { ids: new Int32Array(order.length), relevance: new Float64Array(order.length) };
  order.forEach((m, i) => {
    matches.ids[i] = m.id;
    matches.relevance[i] = m.r;
  });
  return matches;
}

/**
 * The matches of recent searches at the directory version now, so that a search repeated before
 * the next write ranks nothing in SQL (relevance is the costly part of a search: ts_rank detoasts
 * every match's document, bm25 reads every match's row). Exact: an entry is only stored under the
 * version read in the same statement as its matches, only read by a request whose facet index was
 * built at that version, and a set at another version drops every entry. Bounded: at most
 * `maxEntries` searches and `maxMatches` matches in all (12 bytes each), least recently used first
 * out; a search with more matches than `maxMatches / 4` is not kept.
 */
export class SearchMatchCache {
  private version: string | null = null;
  /** By search (its terms in the order typed: relevance is summed in that order); Map order is recency. */
  private readonly entries = new Map<string, SearchMatches>();
  private held = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxMatches = 1_000_000,
  ) {}

  get(version: string, search: SearchTerms): SearchMatches | null {
    if (version !== this.version) return null;
    const key = keyOf(search);
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
    const key = keyOf(search);
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

const keyOf = (search: SearchTerms) => search.terms.join(" ");
