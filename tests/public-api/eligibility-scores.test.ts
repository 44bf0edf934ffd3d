/**
 * Candidates' scores in the eligibility query: decimals on the exam's scale, compared with
 * programs' decimal minimums (an IELTS minimum of 6.5 is met by 7 and not by 6), and refused,
 * naming `profile.scores[i].score`, when they are not a score of the exam.
 */
import { RequirementKind } from "../../server/src/modules/requirement/requirement.entity";
import { ScoreKind } from "../../server/src/modules/requirement/score-kind";
import { ListingStatus } from "../../server/src/core/enums";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories, RULES_EXCLUDING_NO_ONE } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer();
let programId: string;
let harderId: string;
beforeAll(async () => {
  const f = factories(server.ds);
  const ielts = await f.requirement({
    code: "IELTS_ACADEMIC",
    name: "IELTS Academic",
    kind: RequirementKind.LANGUAGE,
    scoreKind: ScoreKind.SCORED,
    scoreMin: 0,
    scoreMax: 9,
    scoreStep: 0.5,
  });
  await f.requirement({ code: "STEP_ONE", name: "Step 1", scoreKind: ScoreKind.PASS_FAIL });
  await f.requirement({ code: "ECFMG", name: "ECFMG certification", kind: RequirementKind.CERTIFICATION });
  const program = await f.program(
    { slug: "needs-ielts", title: "Needs IELTS 6.5", status: ListingStatus.PUBLISHED, ...RULES_EXCLUDING_NO_ONE },
    { requirements: [{ requirement: ielts, minimumScore: 6.5 }] },
  );
  programId = String(program.id);
  // First by title, so that only a right count of what is missing puts it second.
  const harder = await f.program(
    {
      slug: "a-needs-ielts-7-5",
      title: "A program that needs IELTS 7.5",
      status: ListingStatus.PUBLISHED,
      ...RULES_EXCLUDING_NO_ONE,
    },
    { requirements: [{ requirement: ielts, minimumScore: 7.5 }] },
  );
  harderId = String(harder.id);
});

const ELIGIBILITY = `query($profile: CandidateProfile!, $filter: ProgramFilter) {
  eligibility(profile: $profile, filter: $filter, first: 10) {
    edges { node { eligible missingDetails { requirement { code } minimumScore score } } }
  }
}`;

const graduate = (scores: { code: string; score: number }[], holds: string[] = []) => ({
  stage: "GRADUATE",
  holds,
  scores,
});

async function check(scores: { code: string; score: number }[], holds: string[] = []) {
  const result = await server.exec(ELIGIBILITY, { profile: graduate(scores, holds), filter: { ids: [programId] } });
  const [edge] = expectData(result).eligibility.edges;
  return edge.node;
}

describe("scores in the eligibility answer", () => {
  it("an IELTS minimum of 6.5 is met by 7 and by 6.5, not by 6", async () => {
    expect(await check([{ code: "IELTS_ACADEMIC", score: 7 }])).toEqual({ eligible: true, missingDetails: [] });
    expect((await check([{ code: "IELTS_ACADEMIC", score: 6.5 }])).eligible).toBe(true);
    expect(await check([{ code: "IELTS_ACADEMIC", score: 6 }])).toEqual({
      eligible: false,
      missingDetails: [{ requirement: { code: "IELTS_ACADEMIC" }, minimumScore: 6.5, score: 6 }],
    });
  });

  it("the ranking in SQL compares decimal scores too: eligible programs first", async () => {
    const ORDER = `query($profile: CandidateProfile!, $filter: ProgramFilter) {
      eligibility(profile: $profile, filter: $filter, first: 10) { edges { node { eligible program { slug } } } } }`;
    const result = await server.exec(ORDER, {
      profile: graduate([{ code: "IELTS_ACADEMIC", score: 6.5 }]),
      filter: { ids: [programId, harderId] },
    });
    expect(expectData(result).eligibility.edges.map((e: any) => [e.node.program.slug, e.node.eligible])).toEqual([
      ["needs-ielts", true],
      ["a-needs-ielts-7-5", false],
    ]);
  });

  it("a score that is not one of the exam's is BAD_USER_INPUT naming it, for anyone asking", async () => {
    const curator = await factories(server.ds).curator({ role: CuratorRole.VIEWER });
    for (const as of [null, curator]) {
      const error = expectError(
        await server.exec(
          ELIGIBILITY,
          {
            profile: graduate(
              [
                { code: "IELTS_ACADEMIC", score: 6.3 },
                { code: "STEP_ONE", score: 240 },
                { code: "IELTS_ACADEMIC", score: 9.5 },
                { code: "ECFMG", score: 300 },
              ],
              ["STEP_ONE"],
            ),
          },
          as,
        ),
        "BAD_USER_INPUT",
      );
      expect(error.extensions!.fields.map((p: { path: string[]; rule: string }) => [p.path.join("."), p.rule])).toEqual(
        [
          ["profile.scores.0.score", "scoreOnStep"],
          ["profile.scores.1.score", "scoredRequirementOnly"],
          ["profile.scores.2.score", "scoreInRange"],
          ["profile.scores.3.score", "scoredRequirementOnly"],
        ],
      );
      expect(error.extensions!.fields[1].message).toBe(
        "STEP_ONE is reported as pass or fail, so it takes no score: list it in holds",
      );
    }
  });

  it("more than two decimals are refused by the schema's rule", async () => {
    const error = expectError(
      await server.exec(ELIGIBILITY, { profile: graduate([{ code: "IELTS_ACADEMIC", score: 6.125 }]) }),
      "BAD_USER_INPUT",
    );
    expect(error.extensions!.fields.map((p: { path: string[] }) => p.path.join("."))).toEqual([
      "profile.scores.0.score",
    ]);
  });
});
