import { getIntrospectionQuery } from "graphql";
import { PAGE_QUERY } from "../../bench/queries";
import { useExecutorPair } from "./pair";

// Queries: paging, search, fragments and directives, introspection, variables (pair.ts says how the two servers compare).
const pair = useExecutorPair();
const { same } = pair;

describe("jit executor answers as graphql-js does", () => {
  it("pages: the bench page query, first page and the next by cursor", async () => {
    const first = await same(PAGE_QUERY, { first: 3 });
    expect(first.data.programs.edges).toHaveLength(3);
    expect(first.data.programs.pageInfo.hasNextPage).toBe(true);
    const second = await same(PAGE_QUERY, { first: 3, after: first.data.programs.pageInfo.endCursor });
    expect(second.data.programs.edges[0].node.slug).not.toBe(first.data.programs.edges[0].node.slug);
    await same(`{ programs(first: 50) { totalCount edges { cursor node { id slug title type audience country region status version positions imgPositions
      applicationFeeCents feeCurrency sourceUrl pathway { slug name requirements { level note requirement { code } } } institution { slug name programs(first: 2) { totalCount } } } } } }`);
  });

  it("search, facets, eligibility, single records", async () => {
    await same(`query($s: String) { programs(search: $s, first: 5) { totalCount edges { node { slug } } } }`, {
      s: "residency",
    });
    await same(
      `{ programFacets(filter: { type: [RESIDENCY] }) { type { value label count } country { value count } } }`,
    );
    await same(
      `query($p: CandidateProfile!) { eligibility(profile: $p, first: 5) { totalCount edges { node { program { slug } eligible missing { code } reasons } } } }`,
      {
        p: {
          stage: "GRADUATE",
          holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG"],
          needsVisa: true,
          scores: [{ code: "USMLE_STEP_1", score: 240 }],
        },
      },
    );
    await same(
      `query($slug: String) { program(slug: $slug) { slug title specialties { slug } } institution(slug: "nope") { name } }`,
      { slug: "us-residency-through-the-match" },
    );
  });

  it("fragments, aliases, @skip/@include, __typename, several operations in one document", async () => {
    const query = `
      query Shapes($withInstitution: Boolean!, $skipRequirements: Boolean!) {
        a: programs(first: 2) { edges { node { ...P } } }
        b: programs(first: 1, orderBy: TITLE, orderDirection: DESC) { __typename totalCount edges { node { ... on Program { slug } ...P @include(if: $withInstitution) } } }
      }
      query Other { specialties(first: 2) { edges { node { __typename slug } } } }
      fragment P on Program { __typename id title institution @include(if: $withInstitution) { name } requirements @skip(if: $skipRequirements) { level requirement { code } } }`;
    for (const withInstitution of [true, false]) {
      for (const skipRequirements of [true, false])
        await same(query, { withInstitution, skipRequirements }, "anonymous", "Shapes");
    }
    // One fragment spread under two conditions (graphql-jit once mixed their conditions up).
    const twice = `query($a: Boolean!, $b: Boolean!) {
      x: programs(first: 1) { edges { node { id ...F @include(if: $a) } } }
      y: programs(first: 1) { edges { node { id ...F @skip(if: $b) institution @include(if: $b) { city } } } }
    }
    fragment F on Program { slug institution { name } }`;
    const merged = `query($a: Boolean!, $b: Boolean = true) {
      programs(first: 2) { edges { node {
        ... @include(if: $a) { institution { name } }
        ... @include(if: $b) { institution { city } }
        ...G
      } } }
    }
    fragment G on Program { ... on Program @skip(if: $a) { specialties { slug } } institution @include(if: $b) { region ...H } }
    fragment H on Institution { slug @skip(if: $b) name }`;
    for (const [a, b] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ]) {
      await same(twice, { a, b });
      await same(merged, { a, b });
    }
    await same(merged, { a: false });
    await same(query, {}, "anonymous", "Other");
    await same(query, {}, "anonymous", "Missing"); // no such operation
    await same(query, {}); // several operations, no name
  });

  it("introspection", async () => {
    await same(getIntrospectionQuery());
    await same(`{ __type(name: "Program") { name fields { name type { kind name ofType { name } } } } __typename }`);
  });

  it("variables that do not fit: BAD_USER_INPUT, as graphql-js words it", async () => {
    const bad = await same(PAGE_QUERY, { first: "ten" });
    expect(bad.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(bad.status).toBe(400);
    await same(PAGE_QUERY, {});
    await same(PAGE_QUERY, { first: 2 ** 31 });
    await same(PAGE_QUERY, { first: null });
    const filter = `query($f: ProgramFilter, $first: Int) { programs(filter: $f, first: $first) { totalCount } }`;
    await same(filter, { f: { type: ["SABBATICAL"] } });
    await same(filter, { f: { nope: 1 } });
    await same(filter, { f: "US" });
    await same(filter, { f: { type: "RESIDENCY", country: ["US"] }, first: 1.5 });
    await same(filter, { f: { type: "RESIDENCY" } }); // a single value where a list is expected is fine
  });

  it("compiled what it ran more than once, and nothing on the graphql-js server", () => {
    expect(pair.jit.app.compiledQueries!.stats.compiled).toBeGreaterThan(10);
    expect(pair.js.app.compiledQueries).toBeNull();
  });
});
