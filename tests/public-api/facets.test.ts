import { expectData, expectError } from "../support/errors";
import { useTestServer } from "../support/server";
import { buildDirectory, viewerCurator } from "./fixture";

const server = useTestServer();
beforeAll(async () => {
  await buildDirectory(server.ds);
});

const FACETS = `query($filter: ProgramFilter, $search: String) {
  programFacets(filter: $filter, search: $search) {
    type { value label count } audience { value label count } country { value label count } region { value label count }
    specialty { value label count } pathway { value label count } requirement { value label count }
  }
}`;

const pairs = (list: { value: string; count: number }[]) => list.map((f) => [f.value, f.count]);

describe("programFacets", () => {
  it("counts every published program per value, with readable labels (hand count of the fixture)", async () => {
    const result = await server.exec(FACETS, {});
    const f = expectData(result).programFacets;
    expect(f.type).toEqual([
      { value: "FELLOWSHIP", label: "Fellowship", count: 2 },
      { value: "RESIDENCY", label: "Residency", count: 2 },
      { value: "CLINICAL_ELECTIVE", label: "Clinical elective", count: 1 },
      { value: "OBSERVERSHIP", label: "Observership", count: 1 },
    ]);
    expect(f.audience).toEqual([
      { value: "GRADUATE", label: "International medical graduates (IMGs)", count: 5 },
      { value: "STUDENT", label: "International medical students (IMS)", count: 2 },
      { value: "BOTH", label: "Graduates and students", count: 1 },
    ]);
    expect(f.country).toEqual([
      { value: "US", label: "United States", count: 4 },
      { value: "CA", label: "Canada", count: 2 },
    ]);
    expect(f.region).toEqual([
      { value: "MN", label: "Minnesota", count: 2 },
      { value: "ON", label: "Ontario", count: 2 },
      { value: "MA", label: "Massachusetts", count: 1 },
    ]);
    expect(f.specialty).toEqual([
      { value: "cardiology", label: "Cardiology", count: 2 },
      { value: "oncology", label: "Oncology", count: 2 },
      { value: "pediatrics", label: "Pediatrics", count: 2 },
    ]);
    expect(f.pathway).toEqual([
      { value: "direct", label: "Direct application", count: 3 },
      { value: "test-match", label: "Test Match", count: 2 },
    ]);
    expect(f.requirement).toEqual([
      { value: "T_STEP_1", label: "Test Step 1", count: 3 },
      { value: "T_ECFMG", label: "Test certification", count: 2 },
      { value: "T_LICENSE", label: "Test licence", count: 2 },
      { value: "T_STEP_2", label: "Test Step 2", count: 2 },
      { value: "T_ENROLLED", label: "Test enrolment", count: 1 },
    ]);
    expect(result.statements).toBeLessThanOrEqual(7); // one GROUP BY per dimension
  });

  it("applies every other filter to each facet, but not its own", async () => {
    const f = expectData(
      await server.exec(FACETS, { filter: { type: ["FELLOWSHIP"], country: ["US"] } }),
    ).programFacets;
    expect(pairs(f.type)).toEqual([
      ["FELLOWSHIP", 2],
      ["OBSERVERSHIP", 1],
      ["RESIDENCY", 1],
    ]); // US only
    expect(pairs(f.country)).toEqual([["US", 2]]); // fellowships only (p1, p6)
    expect(pairs(f.audience)).toEqual([["GRADUATE", 2]]);
    expect(pairs(f.region)).toEqual([
      ["MA", 1],
      ["MN", 1],
    ]);
    expect(pairs(f.specialty)).toEqual([
      ["cardiology", 1],
      ["oncology", 1],
    ]);
    expect(pairs(f.pathway)).toEqual([["direct", 2]]);
    expect(pairs(f.requirement)).toEqual([
      ["T_LICENSE", 1],
      ["T_STEP_1", 1],
    ]);
  });

  it("applies the search and the filters that have no facet", async () => {
    const f = expectData(await server.exec(FACETS, { search: "cardiology", filter: { verified: true } })).programFacets;
    expect(pairs(f.type)).toEqual([
      ["FELLOWSHIP", 1],
      ["RESIDENCY", 1],
    ]);
    expect(pairs(f.country)).toEqual([
      ["CA", 1],
      ["US", 1],
    ]);
    const inst = expectData(
      await server.exec(FACETS, { filter: { institution: ["beta"], specialty: ["pediatrics"] } }),
    ).programFacets;
    expect(pairs(inst.specialty)).toEqual([
      ["pediatrics", 2],
      ["cardiology", 1],
    ]);
    expect(pairs(inst.type)).toEqual([
      ["CLINICAL_ELECTIVE", 1],
      ["RESIDENCY", 1],
    ]);
  });

  it("counts drafts and archived listings for curators", async () => {
    const f = expectData(await server.exec(FACETS, {}, viewerCurator)).programFacets;
    expect(pairs(f.type)).toEqual([
      ["FELLOWSHIP", 3],
      ["OBSERVERSHIP", 2],
      ["RESIDENCY", 2],
      ["CLINICAL_ELECTIVE", 1],
    ]);
    expect(pairs(f.region)).toEqual([
      ["MN", 3],
      ["ON", 2],
      ["MA", 1],
      ["QC", 1],
    ]);
  });

  it("agrees with programs: each count is the totalCount of that value chosen instead", async () => {
    const base = { audience: ["GRADUATE"], requirement: ["T_STEP_1", "T_LICENSE"] };
    const f = expectData(await server.exec(FACETS, { filter: base })).programFacets;
    const dims = ["type", "audience", "country", "region", "specialty", "pathway", "requirement"] as const;
    for (const dim of dims) {
      for (const { value, count } of f[dim]) {
        const total = expectData(
          await server.exec(`query($filter: ProgramFilter) { programs(filter: $filter) { totalCount } }`, {
            filter: { ...base, [dim]: [value] },
          }),
        ).programs.totalCount;
        expect([dim, value, total]).toEqual([dim, value, count]);
      }
    }
  });

  it("validates its arguments like programs", async () => {
    const bad = expectError(await server.exec(FACETS, { filter: { ids: ["x"] } }), "BAD_USER_INPUT", ["programFacets"]);
    expect(bad.extensions!.fields[0].path).toEqual(["filter", "ids"]);
  });
});
