import { RequirementLevel } from "../../server/src/core/enums";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer();
beforeAll(async () => {
  const f = factories(server.ds);
  const specialties = [
    await f.specialty({ slug: "s-one", name: "Synthetic Specialty One" }),
    await f.specialty({ slug: "s-two", name: "Synthetic Specialty Two" }),
  ];
  const [r1, r2] = [await f.requirement({ code: "SYN_REQ_1" }), await f.requirement({ code: "SYN_REQ_2" })];
  // Every program has an institution and a pathway, so whatever the page holds, each relation is read.
  const pathways = [
    await f.pathway({ slug: "synthetic-pathway-a", name: "Synthetic Pathway A" }, [{ requirement: r1 }]),
    await f.pathway({ slug: "synthetic-pathway-b", name: "Synthetic Pathway B" }),
  ];
  const institutions = [];
  for (let i = 0; i < 5; i++)
    institutions.push(await f.institution({ name: `Synthetic Institution ${String(i).padStart(5, "0")}` }));
  for (let i = 0; i < 120; i++) {
    await f.program(
      {
        title: `Synthetic Program ${String(i).padStart(5, "0")}`,
        institutionId: institutions[i % 5].id,
        pathwayId: pathways[i % 2].id,
      },
      {
        specialties,
        requirements: [
          { requirement: r1 },
          { requirement: r2, level: RequirementLevel.RECOMMENDED, minimumScore: 200 },
        ],
      },
    );
  }
});

const NESTED = `query($first: Int!, $filter: ProgramFilter, $search: String) {
  programs(first: $first, filter: $filter, search: $search) {
    edges { cursor node {
      id title
      institution { name city }
      specialties { slug name }
      requirements { level minimumScore requirement { code name } }
      pathway { slug name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe("no N+1: statements per page do not depend on the page size", () => {
  it.each<[string, Record<string, unknown>]>([
    ["plain", {}],
    [
      "with filters",
      {
        filter: {
          country: ["US"],
          specialty: ["s-one", "s-two"],
          requirement: ["SYN_REQ_1"],
          type: ["FELLOWSHIP"],
          verified: false,
        },
      },
    ],
    ["with a search", { search: "synthetic program" }],
    ["with a search and filters", { search: "synthetic", filter: { specialty: ["s-two"], hasImgPositions: false } }],
    ["ordered by institution", { orderBy: "INSTITUTION" }],
  ])("%s", async (_name, vars) => {
    const query =
      "orderBy" in vars
        ? NESTED.replace("$search: String)", "$search: String, $orderBy: ProgramOrder)").replace(
            "search: $search)",
            "search: $search, orderBy: $orderBy)",
          )
        : NESTED;
    // A search's matches are read once per directory version (program.search-matches.ts): read here
    // first, with the facet index current (PostgreSQL answers in SQL while it is not).
    await server.deps.services.programFacetIndex.refresh();
    if ("search" in vars) await server.exec(query, { ...vars, first: 1 });
    const ten = await server.exec(query, { ...vars, first: 10 });
    const hundred = await server.exec(query, { ...vars, first: 100 });
    expect(expectData(ten).programs.edges).toHaveLength(10);
    expect(expectData(hundred).programs.edges).toHaveLength(100);
    expect(ten.statements).toBe(hundred.statements);
    // The page, its institutions, specialties, requirement links and pathways in one statement (JSON
    // subqueries); an anonymous relevance page first reads the directory version (its matches'
    // relevance already read at that version: program.ranked-search.ts).
    expect(hundred.statements).toBe("search" in vars ? 2 : 1);
  });

  it("reads an anonymous search's matches once per directory version: one statement more the first time", async () => {
    await server.deps.services.programFacetIndex.refresh();
    const first = await server.exec(NESTED, { first: 10, search: "synthetic specialty" });
    const again = await server.exec(NESTED, {
      first: 20,
      search: "synthetic specialty",
      filter: { specialty: ["s-two"] },
    });
    expect(expectData(first).programs.edges).toHaveLength(10);
    expect(expectData(again).programs.edges.length).toBeGreaterThan(0);
    // The version, the matches' relevance (with the version again, at the same snapshot), the page.
    expect([first.statements, again.statements]).toEqual([3, 2]);
  });

  it("adds exactly one statement for totalCount, and only when asked", async () => {
    const withCount = NESTED.replace("pageInfo {", "totalCount pageInfo {");
    const curator = await factories(server.ds).curator();
    // Anonymous lists without a search count from the facet index once it is current (warmed here):
    // the directory version's primary-key read stands for the count.
    await server.deps.services.programFacetIndex.refresh();
    for (const [search, viewer] of [
      [null, undefined],
      [null, curator],
      ["synthetic", curator],
    ] as const) {
      const plain = await server.exec(NESTED, { first: 100, search }, viewer);
      const counted = await server.exec(withCount, { first: 100, search }, viewer);
      expect(expectData(counted).programs.totalCount).toBe(120);
      expect(counted.statements).toBe(plain.statements + 1);
      const countsInSql = counted.sql.some((sql) => /COUNT\(/i.test(sql));
      expect([search, viewer === undefined, countsInSql]).toEqual([search, viewer === undefined, viewer !== undefined]);
    }
  });

  it("counts an anonymous search's matches from the relevance it has read: no statement for totalCount", async () => {
    const withCount = NESTED.replace("pageInfo {", "totalCount pageInfo {");
    await server.deps.services.programFacetIndex.refresh();
    const plain = await server.exec(NESTED, { first: 100, search: "synthetic" });
    const counted = await server.exec(withCount, { first: 100, search: "synthetic" });
    expect(expectData(counted).programs.totalCount).toBe(120);
    expect(counted.statements).toBe(plain.statements);
  });

  it("counts an anonymous count-only list from the facet index once current: the version read alone", async () => {
    const count = `query Count($filter: ProgramFilter, $search: String) {
      programs(first: 20, filter: $filter, search: $search) { totalCount }
    }`;
    const curator = await factories(server.ds).curator();
    await server.deps.services.programFacetIndex.refresh();
    for (const [vars, viewer] of [
      [{ filter: { specialty: ["s-one"] } }, undefined],
      [{ filter: { specialty: ["s-one"] } }, curator],
      [{ search: "synthetic" }, undefined],
    ] as const) {
      const r = await server.exec(count, vars, viewer);
      expect(expectData(r).programs.totalCount).toBe(120);
      const countsInSql = r.sql.some((sql) => /COUNT\(/i.test(sql));
      // Only the anonymous list without a search is the index's; a curator's or a search's is SQL's.
      const fromIndex = viewer === undefined && !("search" in vars);
      expect([vars, fromIndex, countsInSql, r.statements]).toEqual([vars, fromIndex, !fromIndex, 1]);
    }
  });

  // Last: it adds a program.
  it("counts an anonymous list exactly whether the facet index is current or not", async () => {
    const f = factories(server.ds);
    const count = `query Count($filter: ProgramFilter) { programs(first: 1, filter: $filter) { totalCount } }`;
    const filter = { specialty: ["s-one"] };
    await server.deps.services.programFacetIndex.refresh();
    const before = expectData(await server.exec(count, { filter })).programs.totalCount;
    const curatorsView = expectData(await server.exec(count, { filter }, await f.curator())).programs.totalCount;
    expect(before).toBe(curatorsView);
    // A write makes the index stale: the next count is SQL's, and equal to what the index says once rebuilt.
    const specialty = await server.ds.getRepository(Specialty).findOneByOrFail({ slug: "s-one" });
    await f.program({ title: "Synthetic Program Late" }, { specialties: [specialty] });
    const stale = expectData(await server.exec(count, { filter })).programs.totalCount;
    await server.deps.services.programFacetIndex.refresh();
    const rebuilt = expectData(await server.exec(count, { filter })).programs.totalCount;
    expect([stale, rebuilt]).toEqual([before + 1, before + 1]);
  });
});
