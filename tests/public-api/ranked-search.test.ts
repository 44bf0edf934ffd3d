import { SortDirection } from "../../server/src/core/enums";
import { ProgramOrder } from "../../server/src/modules/program/program.args";
import type { ProgramFilter } from "../../server/src/modules/program/program.filter-input";
import { RankedSearch } from "../../server/src/modules/program/program.ranked-search";
import { ProgramService, type ProgramListOptions } from "../../server/src/modules/program/program.service";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { useTestServer } from "../support/server";

/**
 * Anonymous relevance pages from the facet index's candidates (program.ranked-search.ts) against
 * the SQL path alone, over a generated directory, before and after a write: the same programs in
 * the same order, the same cursors, counts and next pages, page after page, for each search and
 * filter; and the SQL path wherever the candidates cannot answer. The app uses them on SQLite only
 * (composition/services.ts); they are compared on both databases.
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

  it("stays exact after writes to titles, descriptions and status", async () => {
    await server.ds.query(
      `UPDATE programs SET title = 'Cardiology cardiology ' || title WHERE id % 9 = 0 AND status = 'PUBLISHED'`,
    );
    await server.ds.query(`UPDATE programs SET status = 'DRAFT' WHERE id % 13 = 0`);
    await server.ds.query(`UPDATE programs SET description = 'residency residency' WHERE id % 5 = 0`);
    expect(await compareAll()).toBeGreaterThan(100);
  });
});
