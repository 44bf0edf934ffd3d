import { getIntrospectionQuery, parse } from "graphql";
import { operationCost } from "../../server/src/core/limits";
import { buildDirectorySchema } from "../../server/src/composition/schema";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { createTestServer, type TestServer } from "../support/server";
import { EXAMPLES } from "./examples";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
  const f = factories(server.ds);
  const inst = await f.institution({ slug: "mayo-clinic" });
  await f.specialty({ slug: "cardiology" });
  await f.requirement({ code: "USMLE_STEP_1" });
  await f.requirement({ code: "ECFMG_CERTIFICATION" });
  await f.program({ slug: "mayo-clinic-fellowships-for-imgs", institutionId: inst.id });
});
afterAll(() => server.close());

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
    expect(error.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit: "depth", maximum: 12, actual: 13 });
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
    expectData(await server.exec(`{ programs { edges { node { title institution { programs { edges { node { title } } } } } } } }`));
  });

  it("refuses too many aliases, fragments included", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: programs(first: 1) { totalCount }`).join(" ")} }`;
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
      handsOnPatientCare positions imgPositions visaSponsorship applicationOpensAt applicationClosesAt applicationFeeCents feeCurrency sourceUrl sourceNote
      lastVerifiedAt updatedAt institution { id slug name city region country } pathway { slug name requirements { level note requirement { code name } } }
      specialties { slug name } requirements { level minimumScore note requirement { code name kind } } } } pageInfo { hasNextPage endCursor } } }`;
    expectData(await server.exec(page));
    const cost = operationCost(await buildDirectorySchema(), parse(page), {});
    expect(cost).toBeGreaterThan(5000); // the README's "about 5,600"
    expect(cost).toBeLessThan(6000);
    expectData(await server.exec(getIntrospectionQuery()));
  });

  it("reads its maximums from the environment", async () => {
    const strict = await createTestServer({ QUERY_MAX_DEPTH: "3", QUERY_MAX_COST: "50", QUERY_MAX_ALIASES: "1" });
    try {
      expectData(await strict.exec(`{ programs(first: 5) { totalCount } }`));
      expectError(await strict.exec(`{ programs(first: 5) { edges { node { title } } } }`), "GRAPHQL_VALIDATION_FAILED"); // depth 4
      expectError(await strict.exec(`{ programs(first: 30) { totalCount pageInfo { hasNextPage } } }`), "GRAPHQL_VALIDATION_FAILED"); // cost 1 + 30 × 3
      expectError(await strict.exec(`{ a: programs { totalCount } b: programs { totalCount } }`), "GRAPHQL_VALIDATION_FAILED");
    } finally {
      await strict.close();
    }
  });
});
