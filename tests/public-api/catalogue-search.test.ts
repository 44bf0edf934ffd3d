import { expectData, expectError } from "../support/errors";
import { useTestServer } from "../support/server";
import { buildDirectory } from "./fixture";

/**
 * `search` is an argument of every catalogue list, as on `programs` and `institutions`; the old
 * `filter.search` of requirements and specialties still works, deprecated.
 */
const server = useTestServer();
beforeAll(async () => {
  await buildDirectory(server.ds);
});

const LISTS = {
  requirements: { filter: "RequirementFilter", key: "code" },
  specialties: { filter: "SpecialtyFilter", key: "slug" },
  pathways: { filter: "PathwayFilter", key: "slug" },
} as const;
type List = keyof typeof LISTS;

async function found(list: List, variables: { search?: string; filter?: Record<string, unknown> }): Promise<string[]> {
  const { filter, key } = LISTS[list];
  const query = `query($search: String, $filter: ${filter}) {
    ${list}(search: $search, filter: $filter, first: 100) { totalCount edges { node { ${key} } } }
  }`;
  const page = expectData(await server.exec(query, variables))[list];
  expect(page.totalCount).toBe(page.edges.length);
  return page.edges.map((e: any) => e.node[key]);
}

describe("search as a list argument", () => {
  it("searches requirements by code or name, every word matching", async () => {
    expect(await found("requirements", { search: "step" })).toEqual(["T_STEP_1", "T_STEP_2"]);
    expect(await found("requirements", { search: "t_step_2" })).toEqual(["T_STEP_2"]);
    expect(await found("requirements", { search: "test licence" })).toEqual(["T_LICENSE"]);
    expect(await found("requirements", { search: "step", filter: { kind: ["LICENSE"] } })).toEqual([]);
  });

  it("searches specialties and pathways by name or slug", async () => {
    expect(await found("specialties", { search: "CARDIO" })).toEqual(["cardiology"]);
    expect(await found("specialties", { search: "ped" })).toEqual(["pediatrics"]);
    expect(await found("pathways", { search: "match" })).toEqual(["test-match"]);
    expect(await found("pathways", { search: "direct applic" })).toEqual(["direct"]);
    expect(await found("pathways", { search: "match", filter: { country: ["CA"] } })).toEqual([]);
  });

  it("ignores a search without any word and limits its length", async () => {
    expect(await found("specialties", { search: "%" })).toEqual(["cardiology", "oncology", "pediatrics"]);
    for (const list of Object.keys(LISTS) as List[]) {
      const error = expectError(
        await server.exec(`query($s: String) { ${list}(search: $s) { totalCount } }`, { s: "a".repeat(201) }),
        "BAD_USER_INPUT",
      );
      expect(error.extensions!.fields[0].path).toEqual(["search"]);
    }
  });
});

describe("the deprecated filter.search", () => {
  it("still searches requirements and specialties, and narrows together with the argument", async () => {
    expect(await found("requirements", { filter: { search: "step" } })).toEqual(["T_STEP_1", "T_STEP_2"]);
    expect(await found("specialties", { filter: { search: "onco" } })).toEqual(["oncology"]);
    expect(await found("requirements", { search: "step", filter: { search: "2" } })).toEqual(["T_STEP_2"]);
    expect(await found("specialties", { search: "cardio", filter: { search: "onco" } })).toEqual([]);
  });

  it("is marked deprecated in the schema, pointing at the argument", async () => {
    const q = `query($t: String!) { __type(name: $t) { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`;
    for (const type of ["RequirementFilter", "SpecialtyFilter"]) {
      const fields = expectData(await server.exec(q, { t: type })).__type.inputFields;
      expect(fields.find((f: any) => f.name === "search")).toEqual({
        name: "search",
        isDeprecated: true,
        deprecationReason: "Use the list's `search` argument",
      });
    }
  });
});
