import { packMatches, positionOf, SearchMatchCache } from "../server/src/modules/program/program.search-matches";
import { parseFullTextSearch } from "../server/src/modules/search/search-terms";

/** The search-matches cache (program.search-matches.ts): keyed by version and terms, and bounded. */
const terms = (text: string) => parseFullTextSearch(text)!;
const matches = (n: number) => ({
  ids: new Int32Array(n),
  relevance: new Float64Array(n),
  titles: new Array<string>(n).fill(""),
});

describe("search matches cache", () => {
  it("finds a cursor's place only where its row stands with the same relevance and title", () => {
    const m = packMatches([
      { program_id: "3", relevance: "9", title: "B" },
      { program_id: 1, relevance: 9, title: "C" },
      { program_id: 2, relevance: 7, title: "A" },
    ]);
    expect([...m.ids]).toEqual([3, 1, 2]);
    expect(positionOf(m, { id: 1, relevance: 9, title: "C" })).toBe(1);
    expect(positionOf(m, { id: 1, relevance: 9, title: "B" })).toBe(-1);
    expect(positionOf(m, { id: 2, relevance: 9, title: "A" })).toBe(-1);
    expect(positionOf(m, { id: 4, relevance: 9, title: "C" })).toBe(-1);
  });

  it("answers only at the version an entry was kept at, and drops every entry at another", () => {
    const cache = new SearchMatchCache();
    const a = matches(3);
    cache.set("7", terms("cardiology"), a);
    cache.set("7", terms("surgery program"), matches(2));
    expect(cache.get("7", terms("Cardiology!"))).toBe(a);
    expect(cache.get("8", terms("cardiology"))).toBeNull();
    expect(cache.get("7", terms("program surgery"))).toBeNull();
    cache.set("8", terms("pediatrics"), matches(1));
    expect(cache.get("7", terms("cardiology"))).toBeNull();
    expect(cache.size).toEqual({ entries: 1, matches: 1 });
  });

  it("holds at most so many searches and matches, the least recently used out first", () => {
    const cache = new SearchMatchCache(2, 40);
    cache.set("1", terms("a1"), matches(4));
    cache.set("1", terms("b1"), matches(4));
    cache.get("1", terms("a1"));
    cache.set("1", terms("c1"), matches(4));
    expect(cache.get("1", terms("b1"))).toBeNull();
    expect(cache.get("1", terms("a1"))).not.toBeNull();
    expect(cache.size).toEqual({ entries: 2, matches: 8 });
    // More than a quarter of the bound: not kept.
    cache.set("1", terms("d1"), matches(11));
    expect(cache.get("1", terms("d1"))).toBeNull();
    for (const t of ["e1", "f1", "g1", "h1"]) cache.set("1", terms(t), matches(10));
    expect(cache.size.matches).toBeLessThanOrEqual(40);
    expect(cache.size.entries).toBe(2);
  });
});
