import { expectData, expectError } from "../support/errors";
import { RULES_EXCLUDING_NO_ONE } from "../support/factories";
import { useTestServer } from "../support/server";
import { Program } from "../../server/src/modules/program/program.entity";
import { buildDirectory, type Directory } from "./fixture";

const server = useTestServer();
let dir: Directory;
beforeAll(async () => {
  dir = await buildDirectory(server.ds);
  // The fixture's listings state every rule but visas (the fixture's own column): these tests are about requirements.
  const { visaTypesSponsored: _visas, visaSponsorship: _flag, ...rules } = RULES_EXCLUDING_NO_ONE;
  await server.ds.createQueryBuilder().update(Program).set(rules).execute();
});

const ELIGIBILITY = `query($profile: CandidateProfile!, $filter: ProgramFilter, $first: Int, $after: String) {
  eligibility(profile: $profile, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node {
      program { id title }
      eligible
      missing { code }
      missingDetails { requirement { code } reason minimumScore score fromPathway }
      recommendedMissing { code }
      reasons
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Row = {
  key: string;
  eligible: boolean;
  missing: string[];
  recommended: string[];
  reasons: string[];
  details: any[];
};

async function check(profile: Record<string, unknown>, filter?: Record<string, unknown>): Promise<Row[]> {
  const result = await server.exec(ELIGIBILITY, { profile, filter, first: 100 });
  return expectData(result).eligibility.edges.map(({ node }: any) => ({
    key: dir.keys([node.program.id])[0],
    eligible: node.eligible,
    missing: node.missing.map((r: any) => r.code),
    recommended: node.recommendedMissing.map((r: any) => r.code),
    reasons: node.reasons,
    details: node.missingDetails,
  }));
}

const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r]));
const ALL = ["T_STEP_1", "T_STEP_2", "T_ECFMG", "T_LICENSE"];
/** A candidate who needs no visa unless a test says otherwise (the fixture's visa rules are its own). */
const graduate = (holds: string[], extra: Record<string, unknown> = {}) => ({
  stage: "GRADUATE",
  holds,
  ...("needsVisa" in extra ? {} : { visaNeeded: "NONE" }),
  ...extra,
});

describe("eligibility", () => {
  it("a graduate holding every exam: eligible everywhere but the student elective, eligible first", async () => {
    const rows = await check(graduate(ALL));
    expect(rows.map((r) => [r.key, r.eligible])).toEqual([
      ["p1", true],
      ["p2", true],
      ["p4", true],
      ["p6", true],
      ["p5", true], // by title
      ["p3", false],
    ]);
    const p3 = byKey(rows).p3;
    expect(p3.reasons).toEqual([
      "This program is for international medical students; you are a graduate",
      "You do not hold Test enrolment",
    ]);
    expect(p3.missing).toEqual(["T_ENROLLED"]);
    expect(byKey(rows).p1).toMatchObject({ missing: [], recommended: [], reasons: [] });
  });

  it("a student: never eligible for a graduate-only program, with the reason; ordered by fewest missing", async () => {
    const rows = await check({ stage: "STUDENT", holds: ["T_ENROLLED"], visaNeeded: "NONE" });
    expect(rows.map((r) => [r.key, r.eligible, r.missing.length])).toEqual([
      ["p2", true, 0],
      ["p3", true, 0],
      ["p6", false, 0],
      ["p1", false, 2],
      ["p4", false, 2],
      ["p5", false, 3],
    ]);
    const r = byKey(rows);
    expect(r.p6.reasons).toEqual(["This program is for international medical graduates; you are a student"]);
    expect(r.p2.recommended).toEqual(["T_LICENSE"]);
    expect(r.p4.missing.sort()).toEqual(["T_ECFMG", "T_STEP_1"]);
    expect(r.p4.recommended).toEqual(["T_STEP_2"]);
    expect(r.p5.missing.sort()).toEqual(["T_ECFMG", "T_STEP_1", "T_STEP_2"]);
  });

  it.each<[string, Record<string, string[]>, Record<string, string[]>]>([
    ["T_STEP_1", { p1: ["T_STEP_1"], p4: ["T_STEP_1"], p5: ["T_STEP_1"] }, {}],
    ["T_STEP_2", { p5: ["T_STEP_2"] }, { p4: ["T_STEP_2"] }],
    ["T_ECFMG", { p4: ["T_ECFMG"], p5: ["T_ECFMG"] }, {}],
    ["T_LICENSE", { p1: ["T_LICENSE"] }, { p2: ["T_LICENSE"] }],
  ])("a graduate missing %s", async (lacking, missing, recommended) => {
    const rows = await check(graduate(ALL.filter((c) => c !== lacking)));
    for (const row of rows.filter((r) => r.key !== "p3")) {
      expect([row.key, row.missing]).toEqual([row.key, missing[row.key] ?? []]);
      expect([row.key, row.recommended]).toEqual([row.key, recommended[row.key] ?? []]);
      expect(row.eligible).toBe(!missing[row.key]);
    }
    // Ineligible ones come after every eligible one.
    const firstIneligible = rows.findIndex((r) => !r.eligible);
    expect(rows.slice(firstIneligible).every((r) => !r.eligible)).toBe(true);
  });

  it("a pathway requirement is missing with fromPathway and says so", async () => {
    const rows = byKey(await check(graduate(["T_STEP_1", "T_STEP_2", "T_LICENSE"])));
    expect(rows.p4.details).toEqual([
      {
        requirement: { code: "T_ECFMG" },
        reason: "You do not hold Test certification (a requirement of its pathway)",
        minimumScore: null,
        score: null,
        fromPathway: true,
      },
    ]);
  });

  it("a score below a program's minimum counts as missing, with the reason; a score counts as holding", async () => {
    const low = byKey(await check(graduate(ALL, { scores: [{ code: "T_STEP_1", score: 210 }] })));
    expect(low.p1.eligible).toBe(false);
    expect(low.p1.details).toEqual([
      {
        requirement: { code: "T_STEP_1" },
        reason: "Your Test Step 1 score 210 is below this program's minimum of 220",
        minimumScore: 220,
        score: 210,
        fromPathway: false,
      },
    ]);
    expect(low.p4.eligible).toBe(true); // no minimum there
    const high = byKey(
      await check(graduate(["T_STEP_2", "T_ECFMG", "T_LICENSE"], { scores: [{ code: "T_STEP_1", score: 230 }] })),
    );
    expect([high.p1.eligible, high.p4.eligible, high.p5.eligible]).toEqual([true, true, true]);
  });

  it("a candidate who needs a visa is not eligible where the program does not sponsor one", async () => {
    const rows = byKey(await check(graduate(ALL, { needsVisa: true })));
    expect(rows.p6).toMatchObject({ eligible: false, reasons: ["This program does not sponsor visas"], missing: [] });
    expect(rows.p2.eligible).toBe(false);
    // Sponsorship unknown: no longer eligible, though not held against the program (the verdict is UNKNOWN).
    expect(rows.p5).toMatchObject({ eligible: false, missing: [] });
    expect(rows.p5.reasons).toEqual(["The listing does not say whether it sponsors visas"]);
    expect(rows.p1.eligible).toBe(true);
  });

  it("applies the filter and pages with cursors tied to the profile", async () => {
    expect((await check(graduate(ALL), { type: ["RESIDENCY"] })).map((r) => r.key)).toEqual(["p4", "p5"]);
    const profile = { stage: "STUDENT", holds: ["T_ENROLLED"], visaNeeded: "NONE" };
    const all = (await check(profile)).map((r) => r.key);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = expectData(await server.exec(ELIGIBILITY, { profile, first: 2, after })).eligibility;
      expect(page.totalCount).toBe(6);
      seen.push(...page.edges.map((e: any) => dir.key(e.node.program.id)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all);
    const cursor = expectData(await server.exec(ELIGIBILITY, { profile, first: 2 })).eligibility.pageInfo.endCursor;
    expectError(await server.exec(ELIGIBILITY, { profile: graduate(ALL), first: 2, after: cursor }), "BAD_USER_INPUT");
  });

  it("costs the same statements for 2 and 6 programs", async () => {
    const small = await server.exec(ELIGIBILITY, { profile: graduate(ALL), first: 2 });
    const large = await server.exec(ELIGIBILITY, { profile: graduate(ALL), first: 6 });
    expectData(large);
    expect(small.statements).toBe(large.statements);
    expect(large.statements).toBeLessThanOrEqual(5); // catalogue, implications, programs with links, pathways with links, page
  });

  it("names unknown codes and bad values by their path", async () => {
    const unknown = expectError(
      await server.exec(ELIGIBILITY, {
        profile: graduate(["T_STEP_1", "NOPE"], { scores: [{ code: "ALSO_NOPE", score: 200 }] }),
      }),
      "BAD_USER_INPUT",
      ["eligibility"],
    );
    expect(unknown.extensions!.fields).toEqual([
      { path: ["profile", "holds", "1"], message: "unknown requirement code 'NOPE'" },
      { path: ["profile", "scores", "0", "code"], message: "unknown requirement code 'ALSO_NOPE'" },
    ]);
    const badScore = expectError(
      await server.exec(ELIGIBILITY, { profile: graduate([], { scores: [{ code: "T_STEP_1", score: -5 }] }) }),
      "BAD_USER_INPUT",
    );
    expect(badScore.extensions!.fields[0].path).toEqual(["profile", "scores", "0", "score"]);
    expectError(await server.exec(ELIGIBILITY, { profile: { stage: "RESIDENT", holds: [] } }), "BAD_USER_INPUT");
  });
});
