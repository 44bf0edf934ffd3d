import { Country, ListingStatus } from "../../server/src/core/enums";
import { Program } from "../../server/src/modules/program/program.entity";
import { ProgramType } from "../../server/src/modules/program/program.enums";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { viewerCurator } from "./fixture";

const server = useTestServer({ reset: true });

const PROGRAMS = `query($first: Int!, $after: String, $orderBy: ProgramOrder, $orderDirection: SortDirection, $search: String, $filter: ProgramFilter) {
  programs(first: $first, after: $after, orderBy: $orderBy, orderDirection: $orderDirection, search: $search, filter: $filter) {
    totalCount
    edges { cursor node { id title type status lastVerifiedAt updatedAt institution { name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Node = {
  id: string;
  title: string;
  type: string;
  status: string;
  lastVerifiedAt: string | null;
  updatedAt: string;
  institution: { name: string } | null;
};

/** Follows endCursor until hasNextPage is false; checks each page's shape on the way. */
async function walk(
  query: string,
  vars: Record<string, unknown>,
  field: string,
  pageSize: number,
  asCurator = false,
): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 200; i++) {
    const page: any = expectData(
      await server.exec(query, { ...vars, first: pageSize, after }, asCurator ? viewerCurator : null),
    )[field];
    expect(page.edges.length).toBeLessThanOrEqual(pageSize);
    if (page.edges.length) {
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
    }
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    nodes.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    expect(page.edges).toHaveLength(pageSize);
    after = page.pageInfo.endCursor;
  }
  throw new Error("paging did not end");
}

/** Many ties and nulls: equal titles, equal institution names, no institution, equal and missing verification dates. */
async function buildTies() {
  const f = factories(server.ds);
  const same1 = await f.institution({ name: "Same Name" });
  const same2 = await f.institution({ name: "Same Name" });
  const other = await f.institution({ name: "Another Place" });
  const institutions = [same1, same2, other, null];
  const types = Object.values(ProgramType);
  const statuses = [ListingStatus.PUBLISHED, ListingStatus.PUBLISHED, ListingStatus.DRAFT, ListingStatus.ARCHIVED];
  const verified = [
    null,
    new Date("2026-03-01T10:00:00.000Z"),
    new Date("2026-03-01T10:00:00.000Z"),
    new Date("2025-01-01T00:00:00.000Z"),
    null,
  ];
  const ids: number[] = [];
  for (let i = 0; i < 23; i++) {
    const p = await f.program({
      title: i % 3 === 0 ? "Shared title walker" : `Walker program ${String(i % 7).padStart(2, "0")}`,
      description: i % 2 ? "walker walker walker" : null,
      institutionId: institutions[i % 4]?.id ?? null,
      type: types[i % 4],
      status: statuses[i % 4],
      country: Country.US,
      lastVerifiedAt: verified[i % 5],
    });
    ids.push(p.id);
  }
  // Ties in updatedAt: one statement gives many rows the same timestamp; on PostgreSQL two
  // differ only in microseconds, which a JavaScript Date cannot tell apart.
  await server.ds
    .createQueryBuilder()
    .update(Program)
    .set({ updatedAt: () => "CURRENT_TIMESTAMP" })
    .where("id IN (:...ids)", { ids: ids.slice(0, 12) })
    .execute();
  await server.ds.query(`UPDATE programs SET "updatedAt" = '2026-01-01 10:00:00.123456' WHERE id = ${ids[12]}`);
  await server.ds.query(`UPDATE programs SET "updatedAt" = '2026-01-01 10:00:00.123789' WHERE id = ${ids[13]}`);
  await server.ds.query(`UPDATE programs SET "updatedAt" = '2026-01-01 10:00:00.123' WHERE id = ${ids[14]}`);
  return ids;
}

const ORDERS = ["TITLE", "INSTITUTION", "TYPE", "STATUS", "LAST_VERIFIED", "RECENTLY_UPDATED"] as const;

describe("every ordering, both directions, walked page by page", () => {
  it.each(
    ORDERS.flatMap(
      (o) =>
        [
          [o, "ASC"],
          [o, "DESC"],
        ] as const,
    ),
  )("%s %s never skips or repeats", async (orderBy, orderDirection) => {
    await buildTies();
    const all = await walk(PROGRAMS, { orderBy, orderDirection }, "programs", 100, true);
    expect(all).toHaveLength(23);
    for (const size of [1, 4, 7]) {
      const paged = await walk(PROGRAMS, { orderBy, orderDirection }, "programs", size, true);
      expect(paged.map((n) => n.id)).toEqual(all.map((n) => n.id));
    }
    checkOrder(all, orderBy, orderDirection);
  });

  it("DESC is ASC reversed, except that programs without an institution stay last", async () => {
    await buildTies();
    const ids = async (orderBy: string, orderDirection: string) =>
      (await walk(PROGRAMS, { orderBy, orderDirection }, "programs", 100, true)).map((n: Node) => n.id);
    for (const order of ["TITLE", "TYPE", "STATUS", "LAST_VERIFIED", "RECENTLY_UPDATED"]) {
      expect(await ids(order, "DESC")).toEqual((await ids(order, "ASC")).reverse());
    }
    const asc = await walk(PROGRAMS, { orderBy: "INSTITUTION", orderDirection: "ASC" }, "programs", 100, true);
    const desc = await walk(PROGRAMS, { orderBy: "INSTITUTION", orderDirection: "DESC" }, "programs", 100, true);
    const withInst = (l: Node[]) => l.filter((n) => n.institution).map((n) => n.id);
    expect(withInst(desc)).toEqual(withInst(asc).reverse());
    expect(desc.slice(-5).every((n: Node) => n.institution === null)).toBe(true);
    expect(asc.slice(-5).every((n: Node) => n.institution === null)).toBe(true);
  });

  it("RELEVANCE pages through ties in rank, in either direction", async () => {
    await buildTies();
    for (const orderDirection of ["DESC", "ASC"]) {
      const all = await walk(PROGRAMS, { search: "walker", orderDirection }, "programs", 100, true);
      expect(all).toHaveLength(23);
      for (const size of [1, 5]) {
        expect(
          (await walk(PROGRAMS, { search: "walker", orderDirection }, "programs", size, true)).map((n) => n.id),
        ).toEqual(all.map((n) => n.id));
      }
    }
  });
});

function checkOrder(nodes: Node[], orderBy: (typeof ORDERS)[number], direction: "ASC" | "DESC") {
  const sign = direction === "ASC" ? 1 : -1;
  const rank: Record<string, (n: Node) => number | string> = {
    TITLE: (n) => n.title,
    TYPE: (n) => ["RESIDENCY", "FELLOWSHIP", "CLINICAL_ELECTIVE", "OBSERVERSHIP"].indexOf(n.type),
    STATUS: (n) => ["DRAFT", "PUBLISHED", "ARCHIVED"].indexOf(n.status),
    LAST_VERIFIED: (n) => (n.lastVerifiedAt ? Date.parse(n.lastVerifiedAt) : -Infinity),
    RECENTLY_UPDATED: (n) => Date.parse(n.updatedAt),
  };
  for (let i = 1; i < nodes.length; i++) {
    const [a, b] = [nodes[i - 1], nodes[i]];
    if (orderBy === "INSTITUTION") {
      if (a.institution === null)
        expect(b.institution).toBeNull(); // nulls last
      else if (b.institution)
        expect(sign * a.institution.name.localeCompare(b.institution.name)).toBeLessThanOrEqual(0);
      continue;
    }
    const [ka, kb] = [rank[orderBy](a), rank[orderBy](b)];
    if (typeof ka === "string") expect(sign * ka.localeCompare(kb as string)).toBeLessThanOrEqual(0);
    else expect(sign * ((ka as number) - (kb as number)) <= 0 || ka === kb).toBe(true);
  }
}

describe("pagination edge cases", () => {
  it("answers an empty result, an exact page boundary and the last page correctly", async () => {
    const f = factories(server.ds);
    for (let i = 0; i < 6; i++) await f.program({ title: `Edge ${i}` });
    const empty = expectData(await server.exec(PROGRAMS, { first: 5, filter: { country: ["CA"] } })).programs;
    expect(empty).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    const first = expectData(await server.exec(PROGRAMS, { first: 3 })).programs;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = expectData(await server.exec(PROGRAMS, { first: 3, after: first.pageInfo.endCursor })).programs;
    expect(second.edges.map((e: any) => e.node.title)).toEqual(["Edge 3", "Edge 4", "Edge 5"]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true }); // 6 = 2 × 3
    const past = expectData(await server.exec(PROGRAMS, { first: 3, after: second.pageInfo.endCursor })).programs;
    expect(past.edges).toEqual([]);
    expect(past.pageInfo.hasNextPage).toBe(false);
    const last = expectData(await server.exec(PROGRAMS, { first: 4, after: first.edges[0].cursor })).programs;
    expect(last.edges.map((e: any) => e.node.title)).toEqual(["Edge 1", "Edge 2", "Edge 3", "Edge 4"]);
    expect(last.pageInfo.hasNextPage).toBe(true);
    const defaults = expectData(await server.exec(`{ programs { edges { node { id } } } }`)).programs;
    expect(defaults.edges).toHaveLength(6);
  });

  it("neither breaks nor repeats when items are deleted between pages, the cursor's own item included", async () => {
    const f = factories(server.ds);
    const made = [];
    for (let i = 0; i < 10; i++) made.push(await f.program({ title: `Gone ${String(i).padStart(2, "0")}` }));
    const first = expectData(await server.exec(PROGRAMS, { first: 4 })).programs;
    expect(first.edges.map((e: any) => e.node.title)).toEqual(["Gone 00", "Gone 01", "Gone 02", "Gone 03"]);
    await server.ds.getRepository(Program).delete([made[3].id, made[4].id]); // the cursor row and the next one
    await server.ds.getRepository(Program).update(made[5].id, { status: ListingStatus.DRAFT }); // unpublished
    const second = expectData(await server.exec(PROGRAMS, { first: 4, after: first.pageInfo.endCursor })).programs;
    expect(second.edges.map((e: any) => e.node.title)).toEqual(["Gone 06", "Gone 07", "Gone 08", "Gone 09"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it("refuses a malformed cursor, a cursor of another ordering or search, and page sizes out of range", async () => {
    const f = factories(server.ds);
    for (let i = 0; i < 3; i++) await f.program({ title: `Cursor walker ${i}` });
    const title = expectData(await server.exec(PROGRAMS, { first: 1 })).programs.pageInfo.endCursor;
    for (const after of [
      "not-a-cursor",
      "!!!",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from('{"o":"TITLE:ASC","v":[1]}').toString("base64url"),
    ]) {
      const bad = expectError(await server.exec(PROGRAMS, { first: 1, after }), "BAD_USER_INPUT", ["programs"]);
      expect(bad.extensions!.fields[0].path).toEqual(["after"]);
    }
    // A forged cursor of the right shape with values of the wrong type: never an internal error.
    for (const v of [
      ["x", "not-a-number"],
      [1, 2],
      [{ d: "2026-01-01T00:00:00Z" }, "x"],
    ]) {
      const forged = Buffer.from(JSON.stringify({ o: "TITLE:ASC", v })).toString("base64url");
      const result = await server.exec(PROGRAMS, { first: 1, after: forged });
      if (result.errors) expectError(result, "BAD_USER_INPUT", ["programs"]);
      const nested = await server.exec(
        `query($a: String) { institutions { edges { node { programs(after: $a) { totalCount } } } } }`,
        { a: forged },
      );
      if (nested.errors) expectError(nested, "BAD_USER_INPUT");
    }
    expectError(await server.exec(PROGRAMS, { first: 1, after: title, orderBy: "INSTITUTION" }), "BAD_USER_INPUT");
    expectError(await server.exec(PROGRAMS, { first: 1, after: title, orderDirection: "DESC" }), "BAD_USER_INPUT");
    const searched = expectData(await server.exec(PROGRAMS, { first: 1, search: "cursor" })).programs.pageInfo
      .endCursor;
    expectError(await server.exec(PROGRAMS, { first: 1, after: searched, search: "walker" }), "BAD_USER_INPUT");
    expect(
      expectData(await server.exec(PROGRAMS, { first: 1, after: searched, search: "cursor" })).programs.edges,
    ).toHaveLength(1);
    const big = expectError(await server.exec(PROGRAMS, { first: 101 }), "BAD_USER_INPUT");
    expect(big.message).toMatch(/at most 100/);
    expectError(await server.exec(PROGRAMS, { first: -1 }), "BAD_USER_INPUT");
  });
});

describe("Relay paging everywhere", () => {
  it("pages institutions, the catalogue, specialties, pathways and an institution's programs", async () => {
    const f = factories(server.ds);
    const inst = await f.institution({ name: "Paged Institution" });
    for (let i = 0; i < 7; i++) {
      await f.institution({ name: i % 2 ? "Twin" : `Solo ${i}` });
      await f.requirement({ code: `PAGE_${i}` });
      await f.specialty({ name: i % 2 ? "Twin" : `Solo ${i}` });
      await f.pathway({ name: i % 2 ? "Twin" : `Solo ${i}` });
      await f.program({ title: i % 2 ? "Twin" : `Solo ${i}`, institutionId: inst.id });
    }
    const lists: [string, string, number][] = [
      [
        `query($first: Int!, $after: String) { institutions(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        "institutions",
        8,
      ],
      [
        `query($first: Int!, $after: String) { institutions(first: $first, after: $after, orderBy: RECENTLY_UPDATED) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        "institutions",
        8,
      ],
      [
        `query($first: Int!, $after: String) { requirements(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        "requirements",
        7,
      ],
      [
        `query($first: Int!, $after: String) { specialties(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        "specialties",
        7,
      ],
      [
        `query($first: Int!, $after: String) { pathways(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        "pathways",
        7,
      ],
    ];
    for (const [query, field, count] of lists) {
      const all = await walk(query, {}, field, 100);
      expect(all).toHaveLength(count);
      expect((await walk(query, {}, field, 3)).map((n) => n.id)).toEqual(all.map((n) => n.id));
    }
    const nested = `query($first: Int!, $after: String, $slug: String) { institution(slug: $slug) { programs(first: $first, after: $after, orderBy: TITLE, orderDirection: DESC) {
      edges { cursor node { id title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const page: any = expectData(await server.exec(nested, { first: 2, after, slug: inst.slug })).institution
        .programs;
      pages.push(...page.edges.map((e: any) => e.node.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual(["Twin", "Twin", "Twin", "Solo 6", "Solo 4", "Solo 2", "Solo 0"]);
  });
});

describe("arguments of a field under a list", () => {
  it("are checked per value: every institution gets its page, and another value in the same request is checked anew", async () => {
    const f = factories(server.ds);
    for (const name of ["Alpha", "Beta", "Gamma"]) {
      const inst = await f.institution({ name: `${name} Institution` });
      for (let i = 0; i < 3; i++) await f.program({ title: `${name} program ${i}`, institutionId: inst.id });
    }
    const NESTED = `query($first: Int!) { institutions(first: 3) { edges { node { name programs(first: $first) {
      totalCount edges { node { title } } } } } } }`;
    const ok = expectData(await server.exec(NESTED, { first: 2 }));
    expect(
      ok.institutions.edges.map((e: any) => [e.node.name, e.node.programs.totalCount, e.node.programs.edges.length]),
    ).toEqual([
      ["Alpha Institution", 3, 2],
      ["Beta Institution", 3, 2],
      ["Gamma Institution", 3, 2],
    ]);
    // A value that passed in this request lets only the same value through: another is refused, at each path.
    // (`big` sits under `small`, so it is checked after `small` passed.)
    const both = await server.exec(`{ institutions(first: 1) { edges { node {
      small: programs(first: 2) { edges { node { institution { big: programs(first: 101) { totalCount } } } } } } } } }`);
    expect(both.errors?.map((e) => [e.extensions?.code, e.path?.join(".")])).toEqual([
      ["BAD_USER_INPUT", "institutions.edges.0.node.small.edges.0.node.institution.big"],
      ["BAD_USER_INPUT", "institutions.edges.0.node.small.edges.1.node.institution.big"],
    ]);
    const refused = await server.exec(NESTED, { first: 101 });
    expect(refused.errors?.map((e) => [e.extensions?.code, e.path?.join(".")])).toEqual([
      ["BAD_USER_INPUT", "institutions.edges.0.node.programs"],
    ]);
  });
});
