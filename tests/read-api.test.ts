import { ListingStatus } from "../server/src/core/enums";
import { expectData, expectError } from "./support/errors";
import { factories } from "./support/factories";
import { useTestServer } from "./support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
beforeAll(async () => {
  f = factories(server.ds);
});

const PAGE = `query Page($first: Int!, $after: String) {
  programs(first: $first, after: $after) {
    totalCount
    edges { cursor node { id title } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function walk(pageSize: number): Promise<string[]> {
  const titles: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: any = expectData(await server.exec(PAGE, { first: pageSize, after })).programs;
    titles.push(...page.edges.map((e: any) => e.node.title));
    if (!page.pageInfo.hasNextPage) return titles;
    after = page.pageInfo.endCursor;
  }
  throw new Error("paging did not end");
}

describe("programs connection", () => {
  it("pages through every published program once, in title order, with a total count", async () => {
    const inst = await f.institution();
    for (let i = 0; i < 12; i++) await f.program({ institutionId: inst.id });
    await f.program({ institutionId: inst.id, title: "Same title" });
    await f.program({ institutionId: inst.id, title: "Same title" });
    const all = await walk(100);
    expect(all).toHaveLength(14);
    expect([...all].sort()).toEqual(all);
    expect(await walk(5)).toEqual(all);
    expect(await walk(7)).toEqual(all); // exact page boundary: 14 = 2 × 7
    const first = expectData(await server.exec(PAGE, { first: 5 })).programs;
    expect(first.totalCount).toBe(14);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it("answers an empty directory with an empty page", async () => {
    const page = expectData(await server.exec(PAGE, { first: 10 })).programs;
    expect(page).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null },
    });
  });

  it("refuses more than 100 items and malformed cursors with BAD_USER_INPUT naming the argument", async () => {
    const tooMany = expectError(await server.exec(PAGE, { first: 101 }), "BAD_USER_INPUT", ["programs"]);
    expect(tooMany.message).toMatch(/at most 100/);
    expect(tooMany.extensions!.fields).toEqual([
      { path: ["first"], message: "first must be at most 100", rule: "max" },
    ]);
    const garbage = expectError(await server.exec(PAGE, { first: 5, after: "not-a-cursor" }), "BAD_USER_INPUT", [
      "programs",
    ]);
    expect(garbage.extensions!.fields[0].path).toEqual(["after"]);
    const forged = Buffer.from('{"o":"TITLE","v":[1]}').toString("base64url");
    expectError(await server.exec(PAGE, { first: 5, after: forged }), "BAD_USER_INPUT");
  });

  it("hides drafts and archived listings from anonymous readers", async () => {
    const inst = await f.institution();
    await f.program({ institutionId: inst.id, title: "Visible" });
    const draft = await f.program({ institutionId: inst.id, title: "Draft", status: ListingStatus.DRAFT });
    await f.program({ institutionId: inst.id, title: "Archived", status: ListingStatus.ARCHIVED });
    expect(await walk(10)).toEqual(["Visible"]);
    const one = expectData(await server.exec(`query($id: ID) { program(id: $id) { id } }`, { id: String(draft.id) }));
    expect(one.program).toBeNull();
    const inInstitution = expectData(
      await server.exec(
        `query($slug: String) { institution(slug: $slug) { programs { totalCount edges { node { title } } } } }`,
        { slug: inst.slug },
      ),
    );
    expect(inInstitution.institution.programs).toEqual({ totalCount: 1, edges: [{ node: { title: "Visible" } }] });
  });

  it("finds one program by id or slug and needs exactly one of them", async () => {
    const p = await f.program({ slug: "the-slug" });
    const bySlug = expectData(await server.exec(`{ program(slug: "the-slug") { id slug } }`));
    expect(bySlug.program).toEqual({ id: String(p.id), slug: "the-slug" });
    const byId = expectData(await server.exec(`query($id: ID) { program(id: $id) { slug } }`, { id: String(p.id) }));
    expect(byId.program.slug).toBe("the-slug");
    expectError(await server.exec(`{ program { id } }`), "BAD_USER_INPUT", ["program"]);
    expectError(await server.exec(`{ program(id: "1", slug: "the-slug") { id } }`), "BAD_USER_INPUT", ["program"]);
    expectError(await server.exec(`{ program(id: "abc") { id } }`), "BAD_USER_INPUT", ["program"]);
  });
});

describe("relations through per-request DataLoaders", () => {
  const NESTED = `query($first: Int!) {
    programs(first: $first) {
      totalCount
      edges { node {
        title
        institution { name programs(first: 2) { totalCount edges { node { title } } } }
        pathway { name requirements { level requirement { code } } }
        specialties { slug }
        requirements { level minimumScore requirement { code } }
      } }
    }
  }`;

  async function build(count: number) {
    const [s1, s2] = [await f.specialty(), await f.specialty()];
    const [r1, r2] = [await f.requirement(), await f.requirement()];
    const pathway = await f.pathway({}, [{ requirement: r1 }]);
    const institutions = [await f.institution(), await f.institution(), await f.institution()];
    for (let i = 0; i < count; i++) {
      await f.program(
        { institutionId: institutions[i % 3].id, pathwayId: i % 2 ? pathway.id : null },
        { specialties: [s1, s2], requirements: [{ requirement: r1 }, { requirement: r2, minimumScore: 200 }] },
      );
    }
  }

  it("issues the same number of statements for 10 and 100 programs", async () => {
    await build(100);
    const ten = await server.exec(NESTED, { first: 10 });
    const hundred = await server.exec(NESTED, { first: 100 });
    expectData(ten);
    const data = expectData(hundred);
    expect(data.programs.edges).toHaveLength(100);
    expect(ten.statements).toBe(hundred.statements);
    // page, count, institutions, institution programs, their count, pathways, pathway requirements, specialties, requirements
    expect(hundred.statements).toBeLessThanOrEqual(9);
  });

  it("resolves every relation correctly", async () => {
    await build(4);
    const data = expectData(await server.exec(NESTED, { first: 4 }));
    for (const { node } of data.programs.edges) {
      expect(node.institution.name).toMatch(/^Test Institution/);
      expect(node.specialties).toHaveLength(2);
      expect(node.requirements.map((r: any) => r.minimumScore).sort()).toEqual([200, null]);
    }
    const withPathway = data.programs.edges.filter((e: any) => e.node.pathway);
    expect(withPathway).toHaveLength(2);
    expect(withPathway[0].node.pathway.requirements).toHaveLength(1);
    const inst = data.programs.edges[0].node.institution;
    expect(inst.programs.edges.length).toBeLessThanOrEqual(2);
    expect(inst.programs.totalCount).toBeGreaterThanOrEqual(1);
  });

  it("lists the catalogue, specialties and pathways as connections", async () => {
    await f.requirement({ code: "B_CODE" });
    await f.requirement({ code: "A_CODE" });
    await f.specialty({ name: "Zeta" });
    await f.specialty({ name: "Alpha" });
    const data = expectData(
      await server.exec(
        `{ requirements { totalCount edges { node { code } } } specialties(first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage } } pathways { totalCount } }`,
      ),
    );
    expect(data.requirements.edges.map((e: any) => e.node.code)).toEqual(["A_CODE", "B_CODE"]);
    expect(data.specialties).toEqual({
      totalCount: 2,
      edges: [{ node: { name: "Alpha" } }],
      pageInfo: { hasNextPage: true },
    });
    expect(data.pathways.totalCount).toBe(0);
  });
});
