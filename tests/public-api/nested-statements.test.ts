import { Country, ListingStatus } from "../../server/src/core/enums";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer, type GqlResult } from "../support/server";

/**
 * Statements and answers of the shapes a frontend asks besides the page: institutions with their
 * first programs (one statement for every institution's page, pruned columns), and a count alone
 * (no page read).
 */
const server = useTestServer();
const titlesOf: Record<string, string[]> = {};
let curator: Curator;

beforeAll(async () => {
  const f = factories(server.ds);
  curator = await f.curator({ role: CuratorRole.VIEWER });
  for (let i = 0; i < 4; i++) {
    const institution = await f.institution({ name: `Synthetic Institution ${i}`, slug: `synthetic-institution-${i}` });
    titlesOf[institution.slug] = [];
    // Institution i has 2 + i published programs and one draft that anonymous readers never see.
    for (let j = 0; j < 2 + i; j++) {
      const title = `Synthetic Program ${i}-${String.fromCharCode(90 - j)}`;
      await f.program({ title, institutionId: institution.id, country: i % 2 === 0 ? Country.US : Country.CA });
      titlesOf[institution.slug].push(title);
    }
    await f.program({ title: `Synthetic Draft ${i}`, institutionId: institution.id, status: ListingStatus.DRAFT });
    titlesOf[institution.slug].sort();
  }
});

const NESTED = `query($first: Int!, $after: String) {
  institutions(first: 10) {
    edges { node { slug programs(first: $first, after: $after) {
      edges { cursor node { title } }
      pageInfo { hasNextPage endCursor }
    } } }
  }
}`;

describe("Institution.programs", () => {
  it("reads the institutions, then every institution's first programs in one statement, with the selected columns only", async () => {
    const r = await server.exec(NESTED, { first: 3 });
    const institutions = expectData(r).institutions.edges.map((e: any) => e.node);
    expect(institutions).toHaveLength(4);
    for (const i of institutions) {
      expect(i.programs.edges.map((e: any) => e.node.title)).toEqual(titlesOf[i.slug].slice(0, 3));
      expect(i.programs.pageInfo.hasNextPage).toBe(titlesOf[i.slug].length > 3);
    }
    // PostgreSQL: the pages are a JSON column of the institutions' statement (program.nested-pages.ts);
    // SQLite: the institutions, then every institution's page at once.
    expect(r.statements).toBe(server.ds.options.type === "postgres" ? 1 : 2);
    const institutionsRead = r.sql.find((s) => /FROM "institutions"/.test(s))!;
    expect(institutionsRead).toContain(`"i"."slug"`);
    expect(institutionsRead).not.toContain(`"i"."description"`);
    const programsRead = r.sql.find((s) => /FROM "programs"/.test(s))!;
    expect(programsRead).toContain(`"title"`);
    expect(programsRead).not.toContain(`"description"`);
  });

  it("answers the same whether the pages come with the institutions or from their own statement", async () => {
    // Behind an inline fragment the pages are read by Institution.programs' own loader.
    // Without hasNextPage asked, the pages read no program beyond `first` (program.nested-pages.ts).
    const pageInfos = ["pageInfo { hasNextPage hasPreviousPage startCursor endCursor }", "pageInfo { endCursor }", ""];
    for (const pageInfo of pageInfos)
      for (const direction of ["ASC", "DESC"])
        for (const first of [1, 3, 20])
          for (const as of [null, curator]) {
            const fields = `programs(first: $first) {
              totalCount edges { cursor node { id slug title type country lastVerifiedAt applicationOpensOn } } ${pageInfo}
            }`;
            const q = (inner: string) =>
              `query($first: Int!) { institutions(first: 10) { edges { node { slug ${inner} } } } }`.replace(
                "programs(first: $first)",
                `programs(first: $first, orderDirection: ${direction})`,
              );
            const read = await server.exec(q(fields), { first }, as);
            const own = await server.exec(q(`... on Institution { ${fields} }`), { first }, as);
            expect(expectData(read)).toEqual(expectData(own));
            // PostgreSQL reads the pages with the institutions: one statement fewer.
            expect(read.statements).toBe(own.statements - (server.ds.options.type === "postgres" ? 1 : 0));
          }
  });

  it("pages the institutions with their programs as it pages them alone, the statement's text kept per shape", async () => {
    const q = (programs: string) => `query($after: String) {
      institutions(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { slug ${programs} } }
      }
    }`;
    const fields = `programs(first: 2) { totalCount edges { cursor node { title } } pageInfo { hasNextPage endCursor } }`;
    for (const as of [null, curator]) {
      let after: string | null = null;
      const slugs: string[] = [];
      do {
        // Twice: the second run reads the text built by the first (it must keep its LIMIT).
        await server.exec(q(fields), { after }, as);
        const read: GqlResult = await server.exec(q(fields), { after }, as);
        const own = await server.exec(q(`... on Institution { ${fields} }`), { after }, as);
        expect(expectData(read)).toEqual(expectData(own));
        const page = expectData(read).institutions;
        expect(page.edges.length).toBeLessThanOrEqual(2);
        slugs.push(...page.edges.map((e: any) => e.node.slug));
        const institutionsRead = read.sql.find((s) => /FROM "institutions"/.test(s))!;
        expect(institutionsRead).toMatch(/LIMIT 3\b/);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(slugs.filter((s) => s.startsWith("synthetic-institution-"))).toEqual(Object.keys(titlesOf).sort());
    }
  });

  it("pages on from a cursor", async () => {
    const first = expectData(await server.exec(NESTED, { first: 2 })).institutions.edges;
    const last = first.find((e: any) => e.node.slug === "synthetic-institution-3").node.programs;
    const next = await server.exec(NESTED, { first: 2, after: last.pageInfo.endCursor });
    const again = expectData(next).institutions.edges.find((e: any) => e.node.slug === "synthetic-institution-3");
    expect(again.node.programs.edges.map((e: any) => e.node.title)).toEqual(
      titlesOf["synthetic-institution-3"].slice(2, 4),
    );
    expect(again.node.programs.pageInfo.hasNextPage).toBe(true);
  });
});

describe("a count alone", () => {
  const COUNT = `query($filter: ProgramFilter, $after: String) { programs(first: 20, filter: $filter, after: $after) { totalCount } }`;

  it("runs one statement: the count, or for anonymous readers the directory version's read once the facet index is current", async () => {
    const viewer = await server.exec(COUNT, { filter: { country: ["CA"] } }, curator);
    expect(viewer.statements).toBe(1);
    expect(viewer.sql[0]).toMatch(/COUNT\(/i);
    await server.deps.services.programFacetIndex.refresh();
    const r = await server.exec(COUNT, { filter: { country: ["CA"] } });
    expect(expectData(r).programs.totalCount).toBe(3 + 5);
    expect(r.statements).toBe(1);
    expect(r.sql[0]).toMatch(/directory_version/);
  });

  it("counts a search's matches as the page's totalCount does", async () => {
    const alone = await server.exec(`{ programs(search: "synthetic program", first: 5) { totalCount } }`);
    const withPage = await server.exec(
      `{ programs(search: "synthetic program", first: 5) { totalCount edges { cursor } } }`,
    );
    expect(expectData(alone).programs.totalCount).toBe(14);
    expect(expectData(withPage).programs.totalCount).toBe(14);
    expect(alone.statements).toBe(1);
  });

  it("still refuses a malformed cursor", async () => {
    const r = await server.exec(COUNT, { after: "not-a-cursor" });
    expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("one program with every relation", () => {
  const DETAIL = `query($slug: String!) { program(slug: $slug) {
    slug title type institution { slug name }
    pathway { slug requirements { level requirement { code } } }
    specialties { slug } requirements { level requirement { code } }
  } }`;

  it("reads the program's selected columns and every relation in one statement", async () => {
    const slug = (await server.ds.query(`SELECT slug FROM programs WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`))[0]
      .slug as string;
    const r = await server.exec(DETAIL, { slug });
    expect(expectData(r).program).toMatchObject({ slug, institution: { slug: "synthetic-institution-0" } });
    expect(r.statements).toBe(1); // the relations are JSON subqueries of the program's statement
    expect(r.sql[0]).toContain(`"p"."title"`);
    expect(r.sql[0]).not.toContain(`"p"."description"`);
    // Relations carry the columns their fields need: the institution's slug and name, not its description.
    expect(r.sql[0]).toContain(`"xi"."slug"`);
    expect(r.sql[0]).not.toContain(`"xi"."description"`);
  });
});
