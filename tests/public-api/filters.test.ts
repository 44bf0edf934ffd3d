import { expectData, expectError } from "../support/errors";
import { useTestServer } from "../support/server";
import { buildDirectory, viewerCurator, type Directory } from "./fixture";
import { Program } from "../../server/src/modules/program/program.entity";
import { applyProgramFilter } from "../../server/src/modules/program/program.filter";
import type { ProgramFilter } from "../../server/src/modules/program/program.filter-input";

const server = useTestServer();
let dir: Directory;
beforeAll(async () => {
  dir = await buildDirectory(server.ds);
});

const PROGRAMS = `query($filter: ProgramFilter) { programs(filter: $filter, first: 100) { totalCount edges { node { id } } } }`;

async function keys(filter: Record<string, unknown> | null, asCurator = false): Promise<string[]> {
  const data = expectData(await server.exec(PROGRAMS, { filter }, asCurator ? viewerCurator : null)).programs;
  expect(data.totalCount).toBe(data.edges.length);
  return dir.keys(data.edges.map((e: any) => e.node.id));
}

describe("ProgramFilter, one field at a time (anonymous: published p1–p6 only)", () => {
  it.each<[string, Record<string, unknown> | null, string[]]>([
    ["no filter", null, ["p1", "p2", "p3", "p4", "p5", "p6"]],
    ["an empty filter", {}, ["p1", "p2", "p3", "p4", "p5", "p6"]],
    ["type: one value", { type: ["FELLOWSHIP"] }, ["p1", "p6"]],
    ["type: two values (OR)", { type: ["FELLOWSHIP", "CLINICAL_ELECTIVE"] }, ["p1", "p3", "p6"]],
    ["audience GRADUATE includes BOTH", { audience: ["GRADUATE"] }, ["p1", "p2", "p4", "p5", "p6"]],
    ["audience STUDENT includes BOTH", { audience: ["STUDENT"] }, ["p2", "p3"]],
    ["audience BOTH is exact", { audience: ["BOTH"] }, ["p2"]],
    ["country", { country: ["CA"] }, ["p3", "p4"]],
    ["country: both", { country: ["US", "CA"] }, ["p1", "p2", "p3", "p4", "p5", "p6"]],
    ["region, any case", { region: ["on"] }, ["p3", "p4"]],
    ["region: two", { region: ["MN", "MA"] }, ["p1", "p2", "p6"]],
    ["specialty", { specialty: ["cardiology"] }, ["p1", "p4"]],
    ["specialty: two", { specialty: ["cardiology", "oncology"] }, ["p1", "p2", "p4", "p6"]],
    ["specialty: unknown slug", { specialty: ["no-such-specialty"] }, []],
    ["institution", { institution: ["alpha"] }, ["p1", "p2"]],
    ["institution: two", { institution: ["alpha", "beta"] }, ["p1", "p2", "p3", "p4"]],
    ["pathway", { pathway: ["test-match"] }, ["p4", "p5"]],
    ["requirement through the pathway only", { requirement: ["T_ECFMG"] }, ["p4", "p5"]],
    ["requirement REQUIRED or RECOMMENDED", { requirement: ["T_LICENSE"] }, ["p1", "p2"]],
    ["requirement recommended by the pathway, required by a program", { requirement: ["T_STEP_2"] }, ["p4", "p5"]],
    ["requirement: two", { requirement: ["T_ENROLLED", "T_LICENSE"] }, ["p1", "p2", "p3"]],
    ["handsOnPatientCare true", { handsOnPatientCare: true }, ["p1", "p3", "p4", "p5"]],
    ["handsOnPatientCare false (unknown matches neither)", { handsOnPatientCare: false }, ["p2"]],
    ["visaSponsorship true", { visaSponsorship: true }, ["p1", "p4"]],
    ["visaSponsorship false", { visaSponsorship: false }, ["p2", "p6"]],
    ["hasImgPositions true", { hasImgPositions: true }, ["p1", "p4", "p6"]],
    ["hasImgPositions false", { hasImgPositions: false }, ["p2", "p3", "p5"]],
    ["verified true", { verified: true }, ["p1", "p4", "p6"]],
    ["verified false", { verified: false }, ["p2", "p3", "p5"]],
    ["dueForReview true", { dueForReview: true }, ["p2", "p3", "p5"]],
    ["dueForReview false", { dueForReview: false }, ["p1", "p4", "p6"]],
    ["status is ignored for anonymous readers beyond PUBLISHED", { status: ["DRAFT", "ARCHIVED"] }, []],
    ["status PUBLISHED for anonymous readers", { status: ["PUBLISHED"] }, ["p1", "p2", "p3", "p4", "p5", "p6"]],
    ["a null list does not filter", { type: null, specialty: null }, ["p1", "p2", "p3", "p4", "p5", "p6"]],
  ])("%s", async (_name, filter, expected) => {
    expect(await keys(filter)).toEqual(expected);
  });

  it("ids, hiding drafts from anonymous readers", async () => {
    const { p1, p3, p7 } = dir.programs;
    expect(await keys({ ids: [String(p1.id), String(p3.id), String(p7.id)] })).toEqual(["p1", "p3"]);
    expect(await keys({ ids: [String(p7.id)] }, true)).toEqual(["p7"]);
  });
});

describe("ProgramFilter, fields combined (AND)", () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{ type: ["FELLOWSHIP", "RESIDENCY"], country: ["US"] }, ["p1", "p5", "p6"]],
    [{ specialty: ["cardiology"], country: ["CA"], verified: true }, ["p4"]],
    [{ audience: ["GRADUATE"], requirement: ["T_STEP_1"], hasImgPositions: true }, ["p1", "p4"]],
    [{ institution: ["alpha"], handsOnPatientCare: false }, ["p2"]],
    [{ pathway: ["test-match", "direct"], dueForReview: true }, ["p3", "p5"]],
    [{ region: ["MN"], visaSponsorship: true, specialty: ["cardiology", "oncology"] }, ["p1"]],
    [{ type: ["OBSERVERSHIP"], country: ["CA"] }, []],
  ])("%j", async (filter, expected) => {
    expect(await keys(filter)).toEqual(expected);
  });
});

describe("ProgramFilter for curators", () => {
  it("shows every status, or the statuses asked for", async () => {
    expect(await keys(null, true)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"]);
    expect(await keys({ status: ["DRAFT"] }, true)).toEqual(["p7"]);
    expect(await keys({ status: ["PUBLISHED", "ARCHIVED"], country: ["CA"] }, true)).toEqual(["p3", "p4", "p8"]);
    expect(await keys({ specialty: ["cardiology"] }, true)).toEqual(["p1", "p4", "p7"]);
  });
});

describe("filter validation", () => {
  it("names the field of a bad value", async () => {
    const bad = expectError(await server.exec(PROGRAMS, { filter: { ids: ["abc"] } }), "BAD_USER_INPUT", ["programs"]);
    expect(bad.extensions!.fields[0].path).toEqual(["filter", "ids"]);
    const region = expectError(
      await server.exec(PROGRAMS, { filter: { region: ["TOOLONGREGION"] } }),
      "BAD_USER_INPUT",
    );
    expect(region.extensions!.fields[0].path).toEqual(["filter", "region"]);
    const tooMany = expectError(
      await server.exec(PROGRAMS, { filter: { specialty: Array.from({ length: 101 }, (_, i) => `s${i}`) } }),
      "BAD_USER_INPUT",
    );
    expect(tooMany.extensions!.fields[0].path).toEqual(["filter", "specialty"]);
    expectError(await server.exec(PROGRAMS, { filter: { type: ["NOPE"] } }), "BAD_USER_INPUT");
  });
});

describe("institutions", () => {
  const Q = `query($filter: InstitutionFilter, $search: String, $orderBy: InstitutionOrder, $orderDirection: SortDirection) {
    institutions(filter: $filter, search: $search, orderBy: $orderBy, orderDirection: $orderDirection, first: 100) { totalCount edges { node { slug } } }
  }`;
  const slugs = async (vars: Record<string, unknown>, asCurator = false) =>
    expectData(await server.exec(Q, vars, asCurator ? viewerCurator : null)).institutions.edges.map(
      (e: any) => e.node.slug,
    );

  it("filters by country, region, kind, program type and archived state, and searches name and city", async () => {
    expect(await slugs({})).toEqual(["alpha", "beta"]); // gamma is archived
    expect(await slugs({}, true)).toEqual(["alpha", "beta", "gamma"]);
    expect(await slugs({ orderDirection: "DESC" })).toEqual(["beta", "alpha"]);
    expect(await slugs({ filter: { country: ["US"] } })).toEqual(["alpha"]);
    expect(await slugs({ filter: { country: ["US"] } }, true)).toEqual(["alpha", "gamma"]);
    expect(await slugs({ filter: { region: ["on"] } })).toEqual(["beta"]);
    expect(await slugs({ filter: { kind: ["UNIVERSITY", "HOSPITAL"] } }, true)).toEqual(["beta", "gamma"]);
    expect(await slugs({ filter: { hasProgramType: ["RESIDENCY"] } })).toEqual(["beta"]);
    expect(await slugs({ filter: { hasProgramType: ["OBSERVERSHIP", "CLINICAL_ELECTIVE"] } })).toEqual([
      "alpha",
      "beta",
    ]);
    expect(await slugs({ filter: { archived: true } })).toEqual([]);
    expect(await slugs({ filter: { archived: true } }, true)).toEqual(["gamma"]);
    expect(await slugs({ filter: { archived: false } }, true)).toEqual(["alpha", "beta"]);
    expect(await slugs({ filter: { ids: [String(dir.institutions.beta.id)] } })).toEqual(["beta"]);
    expect(await slugs({ search: "TORONTO" })).toEqual(["beta"]);
    expect(await slugs({ search: "clin roch" })).toEqual(["alpha"]);
    expect(await slugs({ search: "100%_" })).toEqual([]);
    expect(await slugs({ search: "%" })).toEqual(["alpha", "beta"]); // no word: no search
  });

  it("filters an institution's programs", async () => {
    const data = expectData(
      await server.exec(
        `{ institution(slug: "alpha") { programs(filter: { type: [FELLOWSHIP, OBSERVERSHIP] }, orderBy: TITLE, orderDirection: DESC) { totalCount edges { node { title } } } } }`,
      ),
    );
    expect(data.institution.programs).toEqual({
      totalCount: 2,
      edges: [{ node: { title: "Alpha Oncology Observership" } }, { node: { title: "Alpha Cardiology Fellowship" } }],
    });
    // RELEVANCE (no search here) and INSTITUTION (one institution) fall back to TITLE.
    for (const orderBy of ["RELEVANCE", "INSTITUTION"]) {
      const titles = expectData(
        await server.exec(
          `{ institution(slug: "alpha") { programs(orderBy: ${orderBy}) { edges { node { title } } } } }`,
        ),
      );
      expect(titles.institution.programs.edges.map((e: any) => e.node.title)).toEqual([
        "Alpha Cardiology Fellowship",
        "Alpha Oncology Observership",
      ]);
    }
  });
});

describe("the catalogue: filters and single look-ups", () => {
  it("filters requirements by ids, kind and search, and looks one up by id or code", async () => {
    const q = (filter: unknown) =>
      server.exec(`query($f: RequirementFilter) { requirements(filter: $f) { edges { node { code } } } }`, {
        f: filter,
      });
    const codes = async (filter: unknown) =>
      expectData(await q(filter)).requirements.edges.map((e: any) => e.node.code);
    expect(await codes({ search: "step" })).toEqual(["T_STEP_1", "T_STEP_2"]);
    expect(await codes({ search: "t_step_2" })).toEqual(["T_STEP_2"]);
    expect(await codes({ kind: ["LICENSE"] })).toEqual([]);
    expect(await codes({ kind: ["EXAM"], ids: [String(dir.requirements.ecfmg.id)] })).toEqual(["T_ECFMG"]);
    const byCode = expectData(await server.exec(`{ requirement(code: "T_ECFMG") { id name } }`));
    expect(byCode.requirement).toEqual({ id: String(dir.requirements.ecfmg.id), name: "Test certification" });
    const byId = expectData(
      await server.exec(`query($id: ID) { requirement(id: $id) { code } }`, { id: String(dir.requirements.step1.id) }),
    );
    expect(byId.requirement.code).toBe("T_STEP_1");
    expect(expectData(await server.exec(`{ requirement(code: "NOPE") { id } }`)).requirement).toBeNull();
    expectError(await server.exec(`{ requirement { id } }`), "BAD_USER_INPUT", ["requirement"]);
  });

  it("filters pathways and specialties and looks them up by slug", async () => {
    const pw = expectData(
      await server.exec(
        `{ pathways(filter: { kind: [DIRECT] }) { totalCount } match: pathway(slug: "test-match") { name requirements { requirement { code } } } }`,
      ),
    );
    expect(pw.pathways.totalCount).toBe(2);
    expect(pw.match.name).toBe("Test Match");
    const none = expectData(await server.exec(`{ pathways(filter: { country: [CA] }) { totalCount } }`));
    expect(none.pathways.totalCount).toBe(0);
    const sp = expectData(
      await server.exec(
        `{ specialties(filter: { search: "cardio" }) { edges { node { slug } } } specialty(slug: "oncology") { name } }`,
      ),
    );
    expect(sp.specialties.edges).toEqual([{ node: { slug: "cardiology" } }]);
    expect(sp.specialty.name).toBe("Oncology");
    const ids = expectData(
      await server.exec(`query($ids: [ID!]) { specialties(filter: { ids: $ids }) { totalCount } }`, {
        ids: [String(dir.specialties.pediatrics.id)],
      }),
    );
    expect(ids.specialties.totalCount).toBe(1);
  });
});

describe("a filter's SQL parameters", () => {
  it("are numbered after the query's own: a filter applied again, to a clone, keeps the first's values", async () => {
    const qb = server.ds.getRepository(Program).createQueryBuilder("p");
    const first = { country: ["CA"], type: ["CLINICAL_ELECTIVE", "FELLOWSHIP"] } as ProgramFilter;
    applyProgramFilter(qb, first, { reviewIntervalDays: 365 });
    const clone = qb.clone();
    applyProgramFilter(clone, { type: ["CLINICAL_ELECTIVE", "RESIDENCY"] } as ProgramFilter, {
      reviewIntervalDays: 365,
    });
    expect(clone.getParameters()).toMatchObject({
      pf1_type: ["CLINICAL_ELECTIVE", "FELLOWSHIP"],
      pf2_country: ["CA"],
      pf3_type: ["CLINICAL_ELECTIVE", "RESIDENCY"],
    });
    const ids = (await clone.getMany()).map((p) => String(p.id));
    expect(dir.keys(ids)).toEqual(["p3"]);
    // Built alike, a query names its parameters alike (what lets a page reuse its text).
    const again = server.ds.getRepository(Program).createQueryBuilder("p");
    applyProgramFilter(again, { country: ["US"], type: ["RESIDENCY"] } as ProgramFilter, { reviewIntervalDays: 365 });
    expect(again.getQuery()).toBe(qb.getQuery());
  });
});
