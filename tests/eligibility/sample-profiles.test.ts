/**
 * The eight applicant profiles against the sample directory. The sample states no listing
 * rules (the article gives none), so no program can come out ELIGIBLE: each rule that could apply
 * to the candidate is UNKNOWN, and what is unmet or blocking is said beside it. The expectations
 * follow from the sample's data, not from the world.
 */
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { expectData } from "../support/errors";
import { useTestServer } from "../support/server";

const server = useTestServer();
beforeAll(async () => {
  await seedSampleDirectory(server.ds);
});

const QUERY = `query($profile: CandidateProfile!, $filter: ProgramFilter, $verdicts: [EligibilityVerdict!]) {
  eligibility(profile: $profile, filter: $filter, verdicts: $verdicts, first: 100) {
    totalCount
    verdictCounts { eligible unknown ineligible }
    edges { node {
      program { slug }
      verdict eligible
      verdictReasons { kind message rule requirement { code } }
      missing { code }
    } }
  }
}`;

interface Row {
  verdict: string;
  eligible: boolean;
  kinds: string[];
  about: (string | null)[];
  messages: string[];
  missing: string[];
}

async function answers(profile: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const data = expectData(await server.exec(QUERY, { profile, ...extra })).eligibility;
  const rows: Record<string, Row> = {};
  for (const { node } of data.edges) {
    rows[node.program.slug] = {
      verdict: node.verdict,
      eligible: node.eligible,
      kinds: node.verdictReasons.map((r: any) => r.kind),
      about: node.verdictReasons.map((r: any) => r.rule ?? r.requirement?.code ?? null),
      messages: node.verdictReasons.map((r: any) => r.message),
      missing: node.missing.map((r: any) => r.code),
    };
  }
  return { rows, order: data.edges.map((e: any) => e.node.program.slug) as string[], data };
}

const CURRENT_YEAR = new Date().getUTCFullYear();
/** The sample's listing rules, none stated: what a candidate who could be excluded by each is told. */
const UNSAID_RULES = [
  "citizenshipRequired",
  "maxYearsSinceGraduation",
  "minimumClinicalExperienceMonths",
  "visaTypesSponsored",
];
const sorted = (list: (string | null)[]) => [...list].sort();

describe("the issue's profiles against the sample directory", () => {
  it("a final-year student from India wanting a U.S. elective and needing a visa: UNKNOWN (visa, citizenship, experience)", async () => {
    const { rows } = await answers({
      stage: "STUDENT",
      holds: [],
      citizenships: ["IN"],
      graduationYear: CURRENT_YEAR + 1,
      visaNeeded: "OTHER",
    });
    const elective = rows["harvard-medical-school-clinical-electives-for-ims"];
    expect(elective).toMatchObject({ verdict: "UNKNOWN", eligible: false, kinds: ["UNKNOWN", "UNKNOWN", "UNKNOWN"] });
    // A student: years since graduation cannot apply.
    expect(elective.about).toEqual(["visaTypesSponsored", "citizenshipRequired", "minimumClinicalExperienceMonths"]);
    // No longer "You do not hold Enrolled medical student": the article never asks for it.
    expect(elective.missing).toEqual([]);
    expect(rows["us-residency-through-the-match"]).toMatchObject({ verdict: "INELIGIBLE" });
    expect(rows["us-residency-through-the-match"].kinds[0]).toBe("BLOCKING");
  });

  it("a 2018 graduate with USMLE 1 + 2 CK and ECFMG needing a J-1 for a U.S. residency: UNKNOWN, never eligible", async () => {
    const { rows } = await answers({
      stage: "GRADUATE",
      holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG_CERTIFICATION"],
      graduationYear: 2018,
      visaNeeded: "J1",
    });
    const match = rows["us-residency-through-the-match"];
    expect(match).toMatchObject({ verdict: "UNKNOWN", eligible: false, missing: [] });
    expect(sorted(match.about)).toEqual(["USMLE_STEP_3", ...UNSAID_RULES]);
    expect(match.messages).toContain("The listing does not say whether it sponsors visas");
    expect(match.messages).toContain("Many programs ask for USMLE Step 3; this listing does not say whether it does");
    // A fellowship needs a completed residency: unmet, actionable.
    expect(rows["mayo-clinic-fellowships-for-imgs"]).toMatchObject({ verdict: "INELIGIBLE" });
    expect(rows["mayo-clinic-fellowships-for-imgs"].kinds).toContain("UNMET");
  });

  it("a graduate with MCCQE Part I + NAC for Ontario: nothing unmet, UNKNOWN until the listing states its rules", async () => {
    const { rows, order } = await answers(
      { stage: "GRADUATE", holds: ["MCCQE_PART_1", "NAC_EXAM"] },
      { filter: { country: ["CA"], type: ["RESIDENCY"] } },
    );
    const ontario = rows["ontario-img-residency-program"];
    expect(ontario).toMatchObject({ verdict: "UNKNOWN", eligible: false, missing: [] });
    // A profile that says less is never told more: silent on visa and citizenship, both stay open.
    expect(sorted(ontario.about)).toEqual(UNSAID_RULES);
    expect(Object.values(rows).every((r) => r.verdict === "UNKNOWN" && !r.kinds.includes("UNMET"))).toBe(true);
    expect(order).toHaveLength(4);
  });

  it("a graduate with no exams wanting an observership: INELIGIBLE, blocked (observerships are for students)", async () => {
    const { rows } = await answers({ stage: "GRADUATE", holds: [] }, { filter: { type: ["OBSERVERSHIP"] } });
    for (const slug of ["observerships-united-states", "observerships-canada"]) {
      expect(rows[slug]).toMatchObject({ verdict: "INELIGIBLE", eligible: false });
      // Blocked by the audience, and what the listing leaves unsaid is still said beside it.
      expect(rows[slug].kinds.filter((k) => k !== "UNKNOWN")).toEqual(["BLOCKING"]);
      expect(rows[slug].about[0]).toBe("audience");
    }
  });

  it("a Canadian citizen graduate for CaRMS: UNKNOWN only for the NAC, which the article says is 'often' asked", async () => {
    const { rows } = await answers({ stage: "GRADUATE", holds: ["MCCQE_PART_1"], citizenships: ["CA"] });
    // A citizen needs no visa and meets any citizenship rule; the NAC, the years and the experience stay open.
    const carms = rows["canadian-residency-through-carms"];
    expect(carms.verdict).toBe("UNKNOWN");
    expect(carms.kinds.every((k) => k === "UNKNOWN")).toBe(true);
    expect(sorted(carms.about)).toEqual(["NAC_EXAM", "maxYearsSinceGraduation", "minimumClinicalExperienceMonths"]);
    // In the U.S. the same citizen is no U.S. citizen, and the listing does not say whether that matters.
    expect(rows["us-residency-through-the-match"].about).toContain("citizenshipRequired");
  });

  it("a fellowship candidate with a completed residency abroad and a licence: UNKNOWN, Canadian ones first", async () => {
    const { rows, order } = await answers(
      { stage: "GRADUATE", holds: [], completedResidency: true, licensedIn: ["IN"], citizenships: ["IN"] },
      { filter: { type: ["FELLOWSHIP"] } },
    );
    const toronto = rows["university-of-toronto-fellowships-for-imgs"];
    expect(toronto.verdict).toBe("UNKNOWN");
    expect(sorted(toronto.about)).toEqual(UNSAID_RULES);
    const mayo = rows["mayo-clinic-fellowships-for-imgs"];
    expect(mayo.verdict).toBe("UNKNOWN");
    expect(sorted(mayo.about)).toEqual(["ECFMG_CERTIFICATION", "USMLE_STEP_1", "USMLE_STEP_2_CK", ...UNSAID_RULES]);
    // Fewest unknowns first: the three Canadian fellowships (4) before the U.S. ones (7).
    expect(order.slice(0, 3).every((s) => rows[s].kinds.length === 4)).toBe(true);
    expect(order.slice(3).every((s) => rows[s].kinds.length === 7)).toBe(true);
  });

  it("a 1995 graduate: UNKNOWN where the listing does not say whether it limits the years since graduation", async () => {
    const { rows } = await answers({
      stage: "GRADUATE",
      holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG_CERTIFICATION"],
      graduationYear: 1995,
    });
    const match = rows["us-residency-through-the-match"];
    expect(match.verdict).toBe("UNKNOWN");
    expect(match.about).toContain("maxYearsSinceGraduation");
    // Without the year the answer is no more certain: the listing's silence is still unknown.
    const undated = await answers(
      { stage: "GRADUATE", holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG_CERTIFICATION"] },
      { filter: { type: ["RESIDENCY"], country: ["US"] } },
    );
    expect(undated.rows["us-residency-through-the-match"].about).toContain("maxYearsSinceGraduation");
    expect(undated.rows["us-residency-through-the-match"].verdict).toBe("UNKNOWN");
  });

  it("a candidate holding only ECFMG certification holds Step 1 and Step 2 CK too (implications)", async () => {
    const { rows } = await answers({ stage: "GRADUATE", holds: ["ECFMG_CERTIFICATION"] });
    const match = rows["us-residency-through-the-match"];
    expect(match).toMatchObject({ verdict: "UNKNOWN", missing: [] });
    expect(sorted(match.about)).toEqual(["USMLE_STEP_3", ...UNSAID_RULES]);
  });

  it("filters by verdict and counts every verdict for facets", async () => {
    const profile = { stage: "STUDENT", holds: [], citizenships: ["IN"] };
    const all = await answers(profile);
    const counts = all.data.verdictCounts;
    expect(counts.eligible + counts.unknown + counts.ineligible).toBe(19);
    expect(counts).toEqual({ eligible: 0, unknown: 8, ineligible: 11 });
    const unknown = await answers(profile, { verdicts: ["UNKNOWN"] });
    expect(unknown.data.totalCount).toBe(8);
    expect(unknown.data.verdictCounts).toEqual(counts);
    expect(Object.values(unknown.rows).every((r) => r.verdict === "UNKNOWN")).toBe(true);
    // The order: every ELIGIBLE, then every UNKNOWN, then every INELIGIBLE.
    const ranks = all.order.map((s) => ["ELIGIBLE", "UNKNOWN", "INELIGIBLE"].indexOf(all.rows[s].verdict));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
