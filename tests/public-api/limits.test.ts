import { getIntrospectionQuery, Kind, parse, visit, type DocumentNode } from "graphql";
import { operationCost } from "../../server/src/core/limits";
import { createContext } from "../../server/src/composition/context";
import { buildDirectorySchema } from "../../server/src/composition/schema";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { createTestServer, useTestServer } from "../support/server";
import { EXAMPLES } from "./examples";

const server = useTestServer();
beforeAll(async () => {
  const f = factories(server.ds);
  const inst = await f.institution({ slug: "mayo-clinic" });
  await f.specialty({ slug: "cardiology" });
  await f.requirement({ code: "USMLE_STEP_1" });
  await f.requirement({ code: "USMLE_STEP_2_CK", scoreMin: 1, scoreMax: 300, scoreStep: 1 });
  await f.requirement({ code: "ECFMG_CERTIFICATION" });
  await f.program({ slug: "mayo-clinic-fellowships-for-imgs", institutionId: inst.id });
});

/** The document with `__typename` in every selection set, as Apollo Client (the admin's) sends it. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: (set) => ({
      ...set,
      selections: [...set.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }],
    }),
  });
}

function depthOf(query: string): number {
  let max = 0;
  let level = 0;
  for (const ch of query) {
    if (ch === "{") max = Math.max(max, ++level);
    if (ch === "}") level--;
  }
  return max; // the operation's braces open level 1 and each field with a selection one more; leaves add one
}

describe("query limits (refused before any resolver runs)", () => {
  it("refuses a query nested deeper than the maximum (12), and accepts one at it", async () => {
    const ok = `{ programs(first: 1) { edges { node { institution { programs(first: 1) { edges { node { institution { programs(first: 1) { edges { node { title } } } } } } } } } } } }`;
    expect(depthOf(ok)).toBe(12);
    expectData(await server.exec(ok));
    const tooDeep = ok.replace("node { title }", "node { institution { name } }");
    expect(depthOf(tooDeep)).toBe(13);
    const result = await server.exec(tooDeep);
    const error = expectError(result, "GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toMatch(/nested 13 levels deep; the maximum is 12/);
    expect(error.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "depth",
      maximum: 12,
      actual: 13,
    });
    expect(result.statements).toBe(0);
    // Fragments count where they are spread.
    const viaFragment = `query { programs(first: 1) { edges { node { ...Deep } } } }
      fragment Deep on Program { institution { programs(first: 1) { edges { node { institution { programs(first: 1) { edges { node { institution { name } } } } } } } } } }`;
    expectError(await server.exec(viaFragment), "GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a query whose cost (connections weighed by first) is over the maximum, using the variables", async () => {
    const nested = `query($n: Int!) { programs(first: $n) { edges { node { title institution { programs(first: $n) { edges { node { title } } } } } } } }`;
    const refused = await server.exec(nested, { n: 100 });
    const error = expectError(refused, "GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toMatch(/^Operation cost \d+ exceeds the maximum of 10000/);
    expect(error.extensions).toMatchObject({ limit: "cost", maximum: 10000 });
    expect(error.extensions!.http).toBeUndefined();
    expect(refused.statements).toBe(0);
    expectData(await server.exec(nested, { n: 10 }));
    // Without `first`, a connection counts its default of 20.
    expectData(
      await server.exec(
        `{ programs { edges { node { title institution { programs { edges { node { title } } } } } } } }`,
      ),
    );
  });

  it("weighs every request with its own variables, however often the same text comes (costs are remembered)", async () => {
    const nested = `query Repeated($n: Int!) { programs(first: $n) { edges { node { title institution { programs(first: $n) { edges { node { title } } } } } } } }`;
    for (const n of [10, 100, 10, 100, 100]) {
      const answer = await server.exec(nested, { n });
      if (n === 10) expectData(answer);
      else {
        expect(expectError(answer, "GRAPHQL_VALIDATION_FAILED").extensions).toMatchObject({ limit: "cost" });
        expect(answer.statements).toBe(0);
      }
    }
    // The same variables under another operation of the same document: weighed for that operation.
    const two = `query Small { programs(first: 1) { totalCount } } ${nested.replace("Repeated", "Big")}`;
    const exec = (operationName: string, variables: Record<string, unknown>) =>
      server.apollo.executeOperation(
        { query: two, operationName, variables },
        { contextValue: createContext(server.deps, null) },
      );
    const small = await exec("Small", { n: 100 });
    const big = await exec("Big", { n: 100 });
    expect(small.body.kind === "single" && small.body.singleResult.errors).toBeFalsy();
    expect(big.body.kind === "single" && big.body.singleResult.errors?.[0].extensions?.limit).toBe("cost");
  });

  it("refuses too many aliases, fragments included", async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(" ")} }`;
    expectData(await server.exec(aliases(20)));
    const refused = await server.exec(aliases(21));
    expect(expectError(refused, "GRAPHQL_VALIDATION_FAILED").message).toMatch(/uses 21 aliases; the maximum is 20/);
    expect(refused.statements).toBe(0);
    const fragment = `query { ...F ...G } fragment F on Query { ${Array.from({ length: 11 }, (_, i) => `f${i}: specialties(first: 1) { totalCount }`).join(" ")} }
      fragment G on Query { ${Array.from({ length: 11 }, (_, i) => `g${i}: pathways(first: 1) { totalCount }`).join(" ")} }`;
    expectError(await server.exec(fragment), "GRAPHQL_VALIDATION_FAILED");
  });

  it("lets normal queries through: the README examples, a full page of 100, and introspection", async () => {
    for (const [name, { query, variables }] of Object.entries(EXAMPLES)) {
      const result = await server.exec(query, variables);
      if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
    }
    const page = `{ programs(first: 100) { totalCount edges { cursor node { id slug title description type audience status country region durationMonths
      handsOnPatientCare positions imgPositions visaSponsorship applicationOpensOn applicationClosesOn applicationFeeCents feeCurrency sourceUrl sourceNote
      lastVerifiedAt updatedAt institution { id slug name city region country } pathway { slug name requirements { level note requirement { code name } } }
      specialties { slug name } requirements { level minimumScore note requirement { code name kind } } } } pageInfo { hasNextPage endCursor } } }`;
    expectData(await server.exec(page));
    const cost = operationCost(await buildDirectorySchema(), parse(page), {});
    expect(cost).toBeGreaterThan(5000); // the README's "about 5,600"
    expect(cost).toBeLessThan(6000);
    expectData(await server.exec(getIntrospectionQuery()));
  });

  it("counts introspection fields in the alias limit", async () => {
    const schemas = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { queryType { name } }`).join(" ")} }`;
    const refused = await server.exec(schemas(21));
    expectError(refused, "GRAPHQL_VALIDATION_FAILED");
    expect(refused.errors!.map((e) => e.extensions?.limit)).toEqual(["aliases", "schemaSelections"]);
    expect(refused.errors![0].message).toMatch(/uses 21 aliases; the maximum is 20/);
    expect(refused.statements).toBe(0);
    const typenames = `{ ${Array.from({ length: 21 }, (_, i) => `t${i}: __typename`).join(" ")} }`;
    expect(expectError(await server.exec(typenames), "GRAPHQL_VALIDATION_FAILED").message).toMatch(
      /uses 21 aliases; the maximum is 20/,
    );
    const types = `{ ${Array.from({ length: 21 }, (_, i) => `t${i}: __type(name: "Program") { name }`).join(" ")} }`;
    expect(expectError(await server.exec(types), "GRAPHQL_VALIDATION_FAILED").message).toMatch(
      /uses 21 aliases; the maximum is 20/,
    );
  });

  it("answers __schema once per operation, aliases and fragments counted; a full introspection still works", async () => {
    const twice = await server.exec(`{ a: __schema { queryType { name } } b: __schema { queryType { name } } }`);
    const error = expectError(twice, "GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toBe(
      "Operation asks for __schema 2 times; the maximum is 1 per operation. Ask for the schema once.",
    );
    expect(error.extensions).toMatchObject({ limit: "schemaSelections", maximum: 1, actual: 2 });
    expect(twice.statements).toBe(0);
    const viaFragment = `query Q { ...S again: __schema { types { name } } } fragment S on Query { __schema { queryType { name } } }`;
    expect(expectError(await server.exec(viaFragment), "GRAPHQL_VALIDATION_FAILED").message).toMatch(
      /^Operation Q asks for __schema 2 times/,
    );
    // The same response key twice is merged and answered once, as graphql-js runs it.
    expectData(
      await server.exec(`{ __schema { queryType { name } } ...S } fragment S on Query { __schema { types { name } } }`),
    );
    const full = expectData(await server.exec(getIntrospectionQuery()));
    expect(full.__schema.types.length).toBeGreaterThan(50);
  });

  it("weighs introspection by what it returns: a full introspection costs about as much as a page of 100 programs", async () => {
    const schema = await buildDirectorySchema();
    const typeCount = Object.keys(schema.getTypeMap()).length;
    // Each listed type is one item (weighing half a record: it comes from memory): the list costs 1 plus
    // half a point per type, not 1 plus 1.
    expect(operationCost(schema, parse(`{ __schema { types { name } } }`), {})).toBe(1 + 1 + typeCount / 2);
    const full = operationCost(schema, parse(getIntrospectionQuery()), {});
    expect(full).toBeGreaterThan(4000);
    expect(full).toBeLessThan(9000); // under the default maximum of 10,000: GraphQL tools keep working
    // `__typename` is free: the admin's introspection (Apollo Client adds it everywhere) costs the same.
    expect(operationCost(schema, withTypenames(parse(getIntrospectionQuery())), {})).toBe(full);
    const strict = await createTestServer({ QUERY_MAX_COST: "2000" });
    try {
      const refused = await strict.exec(getIntrospectionQuery());
      expect(expectError(refused, "GRAPHQL_VALIDATION_FAILED").extensions).toMatchObject({
        limit: "cost",
        maximum: 2000,
        actual: full,
      });
      expectData(await strict.exec(`{ __type(name: "Program") { name fields { name } } }`));
    } finally {
      await strict.close();
    }
  });

  it("allows at most 2 heavy fields per operation, aliases and fragments counted, naming them in the refusal", async () => {
    const facets = (alias: string) =>
      `${alias}: programFacets(search: "cardiology", filter: { requirement: ["USMLE_STEP_1"] }) { requirement { value count } }`;
    const three = await server.exec(`query Sidebars { ${facets("a")} ${facets("b")} ${facets("c")} }`);
    const error = expectError(three, "GRAPHQL_VALIDATION_FAILED");
    expect(error.message).toBe(
      "Operation Sidebars asks for 3 heavy fields (a: programFacets, b: programFacets, c: programFacets); the maximum is 2 per operation. " +
        "Heavy fields: eligibility, programFacets, programs with a search, snapshotDiff. Split it into several requests.",
    );
    expect(error.extensions).toMatchObject({ limit: "heavyFields", maximum: 2, actual: 3 });
    expect(three.statements).toBe(0);
    const viaFragments = `{ ...F ...G } fragment F on Query { ${facets("a")} ${facets("b")} }
      fragment G on Query { programs(search: "mayo") { totalCount } }`;
    expect(expectError(await server.exec(viaFragments), "GRAPHQL_VALIDATION_FAILED").extensions).toMatchObject({
      limit: "heavyFields",
      actual: 3,
    });
    const profile = `profile: { stage: GRADUATE, holds: ["USMLE_STEP_1"] }`;
    const withEligibility = `{ ${facets("a")} programs(search: "mayo") { totalCount } eligibility(${profile}) { totalCount } }`;
    expect(expectError(await server.exec(withEligibility), "GRAPHQL_VALIDATION_FAILED").extensions).toMatchObject({
      limit: "heavyFields",
      actual: 3,
    });
    // A results page with its sidebar is two; `programs` without a search is not heavy.
    expectData(
      await server.exec(
        `query($s: String) { programs(search: $s) { totalCount } programFacets(search: $s) { type { count } } }`,
        { s: "mayo" },
      ),
    );
    expectData(await server.exec(`{ ${facets("a")} ${facets("b")} programs(first: 5) { totalCount } }`));
  });

  it("gives heavy fields a cost that reflects their work", async () => {
    const schema = await buildDirectorySchema();
    const cost = (query: string, variables: Record<string, unknown> = {}) =>
      operationCost(schema, parse(query), variables);
    expect(cost(`{ programFacets { type { count } } }`)).toBe(3000 + 1 + 1 + 1);
    expect(cost(`{ eligibility(profile: { stage: GRADUATE, holds: [] }, first: 10) { totalCount } }`)).toBe(
      2000 + 1 + 10 * 1,
    );
    const page = `query($s: String) { programs(search: $s, first: 10) { totalCount } }`;
    expect(cost(page, { s: "cardiology" })).toBe(500 + 1 + 10 * 1);
    expect(cost(page, {})).toBe(1 + 10 * 1); // without a search, a page is not heavy
    expect(cost(`query($a: ID!, $b: ID!) { snapshotDiff(from: $a, to: $b) { identical } }`, { a: "1", b: "2" })).toBe(
      2000 + 1 + 1,
    );
    // The red team's 20 aliased facet requests (cost 600 before) are now far over the maximum.
    const twenty = `{ ${Array.from({ length: 20 }, (_, i) => `f${i}: programFacets(search: "x") { requirement { value count } }`).join(" ")} }`;
    expect(cost(twenty)).toBeGreaterThan(10_000 * 5);
  });

  it("reads its maximums from the environment", async () => {
    const strict = await createTestServer({
      QUERY_MAX_DEPTH: "3",
      QUERY_MAX_COST: "50",
      QUERY_MAX_ALIASES: "1",
      QUERY_MAX_HEAVY_FIELDS: "1",
    });
    try {
      expectData(await strict.exec(`{ programs(first: 5) { totalCount } }`));
      expectError(
        await strict.exec(`{ programs(first: 5) { edges { node { title } } } }`),
        "GRAPHQL_VALIDATION_FAILED",
      ); // depth 4
      expectError(
        await strict.exec(`{ programs(first: 30) { totalCount pageInfo { hasNextPage } } }`),
        "GRAPHQL_VALIDATION_FAILED",
      ); // cost 1 + 30 × 3
      expectError(
        await strict.exec(`{ a: programs { totalCount } b: programs { totalCount } }`),
        "GRAPHQL_VALIDATION_FAILED",
      );
      const twoHeavy = await strict.exec(
        `{ programFacets { type { count } } programs(search: "mayo") { totalCount } }`,
      );
      expect(twoHeavy.errors!.map((e) => e.extensions?.limit)).toContain("heavyFields");
    } finally {
      await strict.close();
    }
  });
});
