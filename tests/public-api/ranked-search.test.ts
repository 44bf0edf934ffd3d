import { SortDirection } from "../../server/src/core/enums";
import { ProgramOrder } from "../../server/src/modules/program/program.args";
import type { ProgramFilter } from "../../server/src/modules/program/program.filter-input";
import { RankedSearch } from "../../server/src/modules/program/program.ranked-search";
import { SearchMatchCache } from "../../server/src/modules/program/program.search-matches";
import { parseFullTextSearch } from "../../server/src/modules/search/search-terms";
import { ProgramService, type ProgramListOptions } from "../../server/src/modules/program/program.service";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { useTestServer } from "../support/server";

/**
 * Anonymous relevance pages from the facet index's candidates (program.ranked-search.ts) against
 * the SQL path alone, over a generated directory, before and after a write: the same programs in
 * the same order, the same cursors, counts and next pages, page after page, for each search and
 * filter; and the SQL path wherever the candidates cannot answer. Each search's matches are read
 * once per directory version (program.search-matches.ts): most pages here come from the cache, and
 * a write must make it read them again. The app uses them on both databases.
 */
const server = useTestServer();

const SEARCHES = ["cardiology", "residency", "synthetic fellowship", "pediatric program", "medicine"];
const FILTERS: (ProgramFilter | null)[] = [
  null,
  { country: ["US"], type: ["FELLOWSHIP", "RESIDENCY"] } as ProgramFilter,
  { requirement: ["USMLE_STEP_1"], hasImgPositions: true } as ProgramFilter,
];

let sqlOnly: ProgramService;
let withCandidates: ProgramService;

async function pages(service: ProgramService, options: ProgramListOptions, count = 6) {
  const out: unknown[] = [];
  let after: string | null = null;
  for (let i = 0; i < count; i++) {
    const page = await service.list({ ...options, after }, false, ["id", "title"]);
    out.push({
      ids: page.edges.map((e) => [e.node.id, e.cursor]),
      pageInfo: page.pageInfo,
      total: await page.totalCount,
    });
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}

async function compareAll(): Promise<number> {
  let compared = 0;
  for (const search of SEARCHES)
    for (const filter of FILTERS)
      for (const first of [1, 7, 40]) {
        const options = { search, filter, first } as ProgramListOptions;
        const indexed = await pages(withCandidates, options);
        expect({ search, filter, first, indexed }).toEqual({
          search,
          filter,
          first,
          indexed: await pages(sqlOnly, options),
        });
        compared += indexed.length;
      }
  return compared;
}

beforeAll(async () => {
  await generateSynthetic(server.ds, { institutions: 12, programs: 400, seed: 5 });
  sqlOnly = new ProgramService(server.ds, server.config);
  const ranked = new RankedSearch(server.ds, server.deps.services.programFacetIndex);
  withCandidates = new ProgramService(server.ds, server.config, ranked);
});

describe("relevance pages from the facet index's candidates", () => {
  it("answer as SQL does: programs, order, cursors, counts, pages", async () => {
    expect(await compareAll()).toBeGreaterThan(100);
  });

  it("answer from candidates for anonymous natural-order pages, and leave the others to SQL", async () => {
    const ranked = new RankedSearch(server.ds, server.deps.services.programFacetIndex);
    const service = new ProgramService(server.ds, server.config, ranked);
    const spy = jest.spyOn(ranked, "forPage");
    const options = { search: "cardiology", first: 5 } as ProgramListOptions;
    await service.list(options, false);
    expect(await spy.mock.results[0].value).not.toBeNull();
    // Curators see drafts: SQL.
    await service.list(options, true);
    expect(spy).toHaveBeenCalledTimes(1);
    // Reversed relevance and filters the index cannot evaluate: SQL, with the same answers.
    for (const other of [
      { ...options, orderDirection: SortDirection.ASC, orderBy: ProgramOrder.RELEVANCE },
      { ...options, filter: { verified: true } as ProgramFilter },
    ]) {
      spy.mockClear();
      expect(await pages(service, other, 2)).toEqual(await pages(sqlOnly, other, 2));
      expect(await spy.mock.results[0].value).toBeNull();
    }
  });

  it("reads a search's matches once per directory version, and again after a write", async () => {
    const ranked = new RankedSearch(server.ds, server.deps.services.programFacetIndex);
    const service = new ProgramService(server.ds, server.config, ranked);
    const read = jest.spyOn(ranked as unknown as { read: () => Promise<unknown> }, "read");
    const options = { search: "cardiology", first: 5 } as ProgramListOptions;
    const filtered = { ...options, filter: FILTERS[1] } as ProgramListOptions;
    const before = await pages(service, options, 3);
    expect(await pages(service, filtered, 3)).toEqual(await pages(sqlOnly, filtered, 3));
    expect(before).toEqual(await pages(sqlOnly, options, 3));
    expect(read).toHaveBeenCalledTimes(1);
    expect(ranked.cache.size.entries).toBe(1);
    // A write that changes the matches' relevance: the next page reads them again, at the new version.
    await server.ds.query(
      `UPDATE programs SET title = 'Cardiology cardiology ' || title WHERE id % 4 = 1 AND status = 'PUBLISHED'`,
    );
    const after = await pages(service, options, 3);
    expect(read).toHaveBeenCalledTimes(2);
    expect(after).toEqual(await pages(sqlOnly, options, 3));
    expect(after).not.toEqual(before);
    expect(await pages(service, filtered, 3)).toEqual(await pages(sqlOnly, filtered, 3));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("reads a search's matches once for concurrent pages", async () => {
    const ranked = new RankedSearch(server.ds, server.deps.services.programFacetIndex);
    const service = new ProgramService(server.ds, server.config, ranked);
    const read = jest.spyOn(ranked as unknown as { read: () => Promise<unknown> }, "read");
    const options = FILTERS.map((filter) => ({ search: "medicine", filter, first: 3 }) as ProgramListOptions);
    const together = await Promise.all(options.map((o) => pages(service, o, 2)));
    expect(read).toHaveBeenCalledTimes(1);
    for (const [i, o] of options.entries()) expect(together[i]).toEqual(await pages(sqlOnly, o, 2));
  });

  it("without waiting for the index (PostgreSQL's), answers in SQL while it is stale", async () => {
    const facets = server.deps.services.programFacetIndex;
    const ranked = new RankedSearch(server.ds, facets, new SearchMatchCache(), false);
    const service = new ProgramService(server.ds, server.config, ranked);
    const forPage = jest.spyOn(ranked, "forPage");
    const options = { search: "residency", filter: FILTERS[1], first: 4 } as ProgramListOptions;
    await facets.refresh();
    expect(await pages(service, options, 2)).toEqual(await pages(sqlOnly, options, 2));
    expect(await forPage.mock.results[0].value).not.toBeNull();
    await server.ds.query(`UPDATE programs SET description = 'residency ' || description WHERE id % 6 = 2`);
    forPage.mockClear();
    expect(await pages(service, options, 2)).toEqual(await pages(sqlOnly, options, 2));
    expect(await forPage.mock.results[0].value).toBeNull();
    await facets.refresh();
    forPage.mockClear();
    expect(await pages(service, options, 2)).toEqual(await pages(sqlOnly, options, 2));
    expect(await forPage.mock.results[0].value).not.toBeNull();
  });

  it("never answers from matches kept at another directory version", async () => {
    const cache = new SearchMatchCache();
    const ranked = new RankedSearch(server.ds, server.deps.services.programFacetIndex, cache);
    const service = new ProgramService(server.ds, server.config, ranked);
    const search = parseFullTextSearch("cardiology")!;
    const index = (await server.deps.services.programFacetIndex.currentBuilt())!;
    // Wrong matches (every program, all tied) under versions other than the current one.
    const all = await server.ds.query(`SELECT id FROM programs`);
    const wrong = {
      ids: Int32Array.from(all, (r: { id: number }) => r.id),
      relevance: new Float64Array(all.length),
      titles: all.map(() => ""),
    };
    const options = { search: "cardiology", first: 7 } as ProgramListOptions;
    const expected = await pages(sqlOnly, options);
    for (const version of ["none", String(Number(index.version) - 1), `${index.version}0`]) {
      cache.set(version, search, wrong);
      expect(await pages(service, options)).toEqual(expected);
      // Read at the current version and kept in place of the wrong one.
      expect(cache.get(index.version, search)?.ids.length).toBeLessThan(all.length);
      expect(cache.size.entries).toBe(1);
    }
  });

  it("continues a cursor whose row changed since as SQL does", async () => {
    const options = { search: "cardiology", first: 6 } as ProgramListOptions;
    for (const change of [
      // The same number of words, none searched for (the same relevance): another place among its ties.
      (id: number) => `UPDATE programs SET title = replace(title, 'Synthetic', 'Aaaaaaaaa') WHERE id = ${id}`,
      (id: number) => `UPDATE programs SET title = replace(title, 'Aaaaaaaaa', 'Zzzzzzzzz') WHERE id = ${id}`,
      (id: number) => `UPDATE programs SET title = 'Zz ' || title WHERE id = ${id}`,
      (id: number) => `UPDATE programs SET description = 'cardiology cardiology cardiology' WHERE id = ${id}`,
      (id: number) => `UPDATE programs SET status = 'DRAFT' WHERE id = ${id}`,
    ]) {
      const page = await withCandidates.list(options, false, ["id", "title"]);
      const last = page.edges[page.edges.length - 1].node.id;
      await server.ds.query(change(last));
      const next = { ...options, after: page.pageInfo.endCursor };
      expect(await pages(withCandidates, next, 3)).toEqual(await pages(sqlOnly, next, 3));
    }
  });

  it("stays exact after writes to titles, descriptions and status", async () => {
    await server.ds.query(
      `UPDATE programs SET title = 'Cardiology cardiology ' || title WHERE id % 9 = 0 AND status = 'PUBLISHED'`,
    );
    await server.ds.query(`UPDATE programs SET status = 'DRAFT' WHERE id % 13 = 0`);
    await server.ds.query(`UPDATE programs SET description = 'residency residency' WHERE id % 5 = 0`);
    expect(await compareAll()).toBeGreaterThan(100);
  });
});
