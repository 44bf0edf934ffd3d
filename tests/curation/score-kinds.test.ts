/**
 * Score kinds through the public API: a requirement's scale (SCORED with a decimal range and step,
 * PASS_FAIL, NONE), programs' minimum scores on it, and changes of a scale that programs' minimums
 * would no longer fit (edits and undo alike).
 */
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
let editor: Curator;
let viewer: Curator;
beforeAll(() => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editor = await f.curator({ role: CuratorRole.EDITOR });
  viewer = await f.curator({ role: CuratorRole.VIEWER });
});

const SCALE = "id version code scoreKind scoreMin scoreMax scoreStep";
const CREATE_REQ = `mutation($input: RequirementInput!) { createRequirement(input: $input) { ${SCALE} } }`;
const UPDATE_REQ = `mutation($id: ID!, $v: Int!, $input: RequirementInput!) {
  updateRequirement(id: $id, version: $v, input: $input) { ${SCALE} } }`;
const CREATE_PROGRAM = `mutation($input: ProgramInput!) { createProgram(input: $input) {
  id version slug requirements { minimumScore requirement { code } } } }`;
const UPDATE_PROGRAM = `mutation($id: ID!, $v: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $v, input: $input) {
  version requirements { minimumScore requirement { code } } } }`;
const PROGRAM = { title: "A program", type: "FELLOWSHIP", audience: "GRADUATE", country: "US" };

const IELTS = { code: "IELTS_ACADEMIC", name: "IELTS Academic", kind: "LANGUAGE", scoreKind: "SCORED" };
const IELTS_SCALE = { scoreMin: 0, scoreMax: 9, scoreStep: 0.5 };

type Problem = { path: string[]; message: string; rule?: string };

/** The BAD_USER_INPUT problems of a write, as [path, rule] pairs (and the messages, for the ones that name things). */
async function refused(query: string, variables: Record<string, unknown>, as: Curator = editor): Promise<Problem[]> {
  return expectError(await server.exec(query, variables, as), "BAD_USER_INPUT").extensions!.fields;
}
const pathsAndRules = (problems: Problem[]) => problems.map((p) => [p.path.join("."), p.rule]);

async function createRequirement(input: Record<string, unknown>) {
  return expectData(await server.exec(CREATE_REQ, { input }, editor)).createRequirement;
}
async function createProgram(slug: string, requirements: Record<string, unknown>[]) {
  return expectData(await server.exec(CREATE_PROGRAM, { input: { ...PROGRAM, slug, requirements } }, editor))
    .createProgram;
}

describe("a requirement's score kind and scale", () => {
  it("holds a decimal range and step for SCORED exams, and nothing for PASS_FAIL and NONE ones", async () => {
    expect(await createRequirement({ ...IELTS, ...IELTS_SCALE })).toMatchObject({
      scoreKind: "SCORED",
      scoreMin: 0,
      scoreMax: 9,
      scoreStep: 0.5,
    });
    const toefl = { code: "TOEFL_IBT", name: "TOEFL iBT", kind: "LANGUAGE", scoreMin: 0, scoreMax: 120, scoreStep: 1 };
    // Given a range without a kind, a creation is SCORED (what a range meant before kinds); given nothing, NONE.
    expect((await createRequirement(toefl)).scoreKind).toBe("SCORED");
    expect((await createRequirement({ code: "A_LICENCE", name: "A licence", kind: "LICENSE" })).scoreKind).toBe("NONE");
    expect(
      await createRequirement({ code: "STEP_ONE", name: "Step 1", kind: "EXAM", scoreKind: "PASS_FAIL" }),
    ).toMatchObject({ scoreKind: "PASS_FAIL", scoreMin: null, scoreMax: null, scoreStep: null });
  });

  it("refuses a range or step on PASS_FAIL and NONE requirements, a reversed range, a step scoreMax is not on, and over two decimals", async () => {
    const base = { code: "X_EXAM", name: "X", kind: "EXAM" };
    expect(
      pathsAndRules(
        await refused(CREATE_REQ, { input: { ...base, scoreKind: "PASS_FAIL", scoreMin: 1, scoreStep: 1 } }),
      ),
    ).toEqual([
      ["input.scoreMin", "scoreRangeNeedsScored"],
      ["input.scoreStep", "scoreRangeNeedsScored"],
    ]);
    expect(pathsAndRules(await refused(CREATE_REQ, { input: { ...base, scoreKind: "NONE", scoreMax: 9 } }))).toEqual([
      ["input.scoreMax", "scoreRangeNeedsScored"],
    ]);
    expect(pathsAndRules(await refused(CREATE_REQ, { input: { ...base, scoreMin: 9, scoreMax: 0 } }))).toEqual([
      ["input.scoreMax", "scoreMinAtMostScoreMax"],
    ]);
    expect(
      pathsAndRules(await refused(CREATE_REQ, { input: { ...base, scoreMin: 0, scoreMax: 9, scoreStep: 2 } })),
    ).toEqual([["input.scoreStep", "scoreMaxOnStep"]]);
    expect(pathsAndRules(await refused(CREATE_REQ, { input: { ...base, scoreMax: 9.125, scoreStep: 0 } }))).toEqual([
      ["input.scoreMax", "isNumber"],
      ["input.scoreStep", "min"],
    ]);
  });

  it("only an editor changes one: a viewer and an anonymous reader are refused", async () => {
    const ielts = await createRequirement({ ...IELTS, ...IELTS_SCALE });
    const change = { id: ielts.id, v: ielts.version, input: { scoreKind: "PASS_FAIL" } };
    expectError(await server.exec(UPDATE_REQ, change, viewer), "FORBIDDEN");
    expectError(await server.exec(UPDATE_REQ, change, null), "UNAUTHENTICATED");
  });
});

describe("programs' minimum scores", () => {
  it("are decimals on the requirement's scale: 6.5 on IELTS is kept as it is", async () => {
    const ielts = await createRequirement({ ...IELTS, ...IELTS_SCALE });
    const program = await createProgram("ielts-program", [
      { requirementId: ielts.id, level: "REQUIRED", minimumScore: 6.5 },
    ]);
    expect(program.requirements).toEqual([{ minimumScore: 6.5, requirement: { code: "IELTS_ACADEMIC" } }]);
    const read = expectData(
      await server.exec(`{ program(slug: "ielts-program") { requirements { minimumScore } } }`, {}, editor),
    );
    expect(read.program.requirements).toEqual([{ minimumScore: 6.5 }]);
  });

  it("are refused on a pass/fail exam or a requirement with no score, off the step and out of range, naming each link", async () => {
    const ielts = await createRequirement({ ...IELTS, ...IELTS_SCALE });
    const step1 = await createRequirement({ code: "STEP_ONE", name: "Step 1", kind: "EXAM", scoreKind: "PASS_FAIL" });
    const ecfmg = await createRequirement({ code: "ECFMG", name: "ECFMG certification", kind: "CERTIFICATION" });
    const toefl = await createRequirement({
      code: "TOEFL_IBT",
      name: "TOEFL iBT",
      kind: "LANGUAGE",
      scoreMin: 0,
      scoreMax: 120,
      scoreStep: 1,
    });
    const link = (r: { id: string }, minimumScore: number) => ({
      requirementId: r.id,
      level: "REQUIRED",
      minimumScore,
    });
    const problems = await refused(CREATE_PROGRAM, {
      input: {
        ...PROGRAM,
        slug: "refused",
        requirements: [link(ielts, 6.3), link(step1, 240), link(ecfmg, 300), link(toefl, 121), link(ielts, 9.5)],
      },
    });
    expect(pathsAndRules(problems.filter((p) => p.path.at(-1) === "minimumScore"))).toEqual([
      ["input.requirements.0.minimumScore", "minimumScoreOnStep"],
      ["input.requirements.1.minimumScore", "scoredRequirementOnly"],
      ["input.requirements.2.minimumScore", "scoredRequirementOnly"],
      ["input.requirements.3.minimumScore", "minimumScoreInRange"],
      ["input.requirements.4.minimumScore", "minimumScoreInRange"],
    ]);
    expect(problems[1].message).toBe("STEP_ONE is reported as pass or fail, so it takes no minimum score");
    expect(problems[3].message).toBe("TOEFL_IBT scores run from 0 to 120; 121 is outside that");
    // Without a minimum the same links are fine.
    const made = await createProgram(
      "accepted",
      [ielts, step1, ecfmg, toefl].map((r) => ({ requirementId: r.id, level: "REQUIRED" })),
    );
    expect(made.requirements).toHaveLength(4);
  });
});

describe("changing a scale that programs' minimums use", () => {
  it("is refused while a minimum would no longer fit, naming the programs; allowed once they are cleared", async () => {
    const ielts = await createRequirement({ ...IELTS, ...IELTS_SCALE });
    const program = await createProgram("asks-six-and-a-half", [
      { requirementId: ielts.id, level: "REQUIRED", minimumScore: 6.5 },
    ]);
    const update = (input: Record<string, unknown>, v = ielts.version) =>
      refused(UPDATE_REQ, { id: ielts.id, v, input });

    const byStep = await update({ scoreStep: 1 });
    expect(pathsAndRules(byStep)).toEqual([["input.scoreStep", "minimumScoresFitScale"]]);
    expect(byStep[0].message).toBe(
      "1 program(s) ask for a minimum IELTS_ACADEMIC score this scale would not allow: asks-six-and-a-half (6.5); change or clear their minimum scores first",
    );
    expect(pathsAndRules(await update({ scoreMax: 6 }))).toEqual([["input.scoreMax", "minimumScoresFitScale"]]);
    expect(
      pathsAndRules(await update({ scoreKind: "PASS_FAIL", scoreMin: null, scoreMax: null, scoreStep: null })),
    ).toEqual([["input.scoreKind", "minimumScoresFitScale"]]);
    // A change every minimum still fits is fine: quarter steps hold 6.5.
    const quarter = expectData(
      await server.exec(UPDATE_REQ, { id: ielts.id, v: ielts.version, input: { scoreStep: 0.25 } }, editor),
    ).updateRequirement;
    expect(quarter.scoreStep).toBe(0.25);

    expectData(
      await server.exec(
        UPDATE_PROGRAM,
        {
          id: program.id,
          v: program.version,
          input: { requirements: [{ requirementId: ielts.id, level: "REQUIRED" }] },
        },
        editor,
      ),
    );
    const passFail = expectData(
      await server.exec(
        UPDATE_REQ,
        {
          id: ielts.id,
          v: quarter.version,
          input: { scoreKind: "PASS_FAIL", scoreMin: null, scoreMax: null, scoreStep: null },
        },
        editor,
      ),
    ).updateRequirement;
    expect(passFail).toMatchObject({ scoreKind: "PASS_FAIL", scoreMin: null, scoreMax: null, scoreStep: null });
  });

  it("names at most five programs and counts the rest", async () => {
    const exam = await f.requirement({ code: "MANY_EXAM", scoreMin: 0, scoreMax: 300, scoreStep: 1 });
    for (let i = 1; i <= 7; i++)
      await f.program({ slug: `asks-${i}` }, { requirements: [{ requirement: exam, minimumScore: 200 + i }] });
    const [problem] = await refused(UPDATE_REQ, { id: String(exam.id), v: exam.version, input: { scoreMax: 100 } });
    expect(problem.message).toBe(
      "7 program(s) ask for a minimum MANY_EXAM score this scale would not allow: asks-1 (201), asks-2 (202), asks-3 (203), asks-4 (204), asks-5 (205) and 2 more; change or clear their minimum scores first",
    );
  });

  it("an undo that would put back a scale a minimum no longer fits is refused too", async () => {
    const exam = await createRequirement({ code: "HALVES", name: "Halves", kind: "EXAM", scoreMin: 0, scoreMax: 300 });
    const whole = expectData(
      await server.exec(UPDATE_REQ, { id: exam.id, v: exam.version, input: { scoreStep: 1 } }, editor),
    ).updateRequirement;
    const halves = expectData(
      await server.exec(UPDATE_REQ, { id: exam.id, v: whole.version, input: { scoreStep: 0.5 } }, editor),
    ).updateRequirement;
    await createProgram("asks-a-half", [{ requirementId: exam.id, level: "REQUIRED", minimumScore: 200.5 }]);
    const log = expectData(
      await server.exec(
        `query($filter: AuditFilter) { auditLog(filter: $filter, first: 10) { edges { node { id } } } }`,
        { filter: { entityType: "Requirement", entityId: exam.id } },
        editor,
      ),
    ).auditLog.edges.map((e: { node: { id: string } }) => e.node.id);
    const REVERT = `mutation($id: ID!, $v: Int!, $to: ID!) { revertRequirement(id: $id, version: $v, toEntry: $to) { scoreStep } }`;
    // Newest first: undoing the change to halves would bring back whole steps, which 200.5 is not on.
    const problems = await refused(REVERT, { id: exam.id, v: halves.version, to: log[0] });
    expect(pathsAndRules(problems)).toEqual([["toEntry", "minimumScoresFitScale"]]);
    expect(problems[0].message).toMatch(/asks-a-half \(200\.5\)/);
  });
});
