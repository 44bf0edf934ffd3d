/**
 * Each listing rule: null (the source does not say) gives UNKNOWN, never ELIGIBLE, unless the
 * profile shows it cannot apply; set, it gives a decided answer. The synthetic program states
 * every rule ("decided" values below) and each test leaves one null; rules and implications are
 * written through the API, with its checks.
 */
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer();
let editor: Curator;
let viewer: Curator;
let programId: string;
let pathwayId: string;
let version = 1;
/** Every rule stated so that it excludes no one: any visa, any citizenship, any graduation year, no minimum. */
const DECIDED = {
  visaTypesSponsored: ["J1", "H1B", "CA_WORK_PERMIT", "OTHER"],
  citizenshipRequired: "NONE",
  graduatesOfAnyYear: true,
  minimumClinicalExperienceMonths: 0,
};
const UNSAID = {
  visaTypesSponsored: null,
  visaSponsorship: null,
  citizenshipRequired: null,
  graduatesOfAnyYear: null,
  minimumClinicalExperienceMonths: null,
};
let pathwayVersion = 1;

const run = async (query: string, variables: Record<string, unknown> = {}, as: Curator | null = editor) =>
  expectData(await server.exec(query, variables, as));

beforeAll(async () => {
  const f = factories(server.ds);
  editor = await f.curator({ role: CuratorRole.EDITOR });
  viewer = await f.curator({ role: CuratorRole.VIEWER });
  const pathway = await run(
    `mutation { createPathway(input: { slug: "rule-stream", name: "Rule stream", kind: DIRECT }) { id } }`,
  );
  pathwayId = pathway.createPathway.id;
  const created = await run(`mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
    input: {
      slug: "rule-program",
      title: "Rule program",
      sourceNote: "Synthetic test listing",
      type: "RESIDENCY",
      audience: "GRADUATE",
      country: "CA",
      status: "PUBLISHED",
      pathwayId,
      ...DECIDED,
    },
  });
  programId = created.createProgram.id;
});

async function setProgram(input: Record<string, unknown>) {
  const r = await run(
    `mutation($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version visaSponsorship visaTypesSponsored } }`,
    { id: programId, version, input },
  );
  version = r.updateProgram.version;
  return r.updateProgram;
}

async function setPathway(input: Record<string, unknown>) {
  const r = await run(
    `mutation($id: ID!, $version: Int!, $input: PathwayInput!) { updatePathway(id: $id, version: $version, input: $input) { version } }`,
    { id: pathwayId, version: pathwayVersion, input },
  );
  pathwayVersion = r.updatePathway.version;
}

async function verdict(profile: Record<string, unknown>) {
  const data = await run(
    `query($profile: CandidateProfile!) { eligibility(profile: $profile, filter: { type: [RESIDENCY] }) {
      edges { node { verdict verdictReasons { kind rule message } } } } }`,
    { profile: { stage: "GRADUATE", holds: [], ...profile } },
    null,
  );
  const node = data.eligibility.edges[0].node;
  return { verdict: node.verdict, reasons: node.verdictReasons.map((r: any) => `${r.kind} ${r.rule}`) };
}

describe("listing rules", () => {
  it("a rule the listing leaves null is UNKNOWN, never ELIGIBLE, even for a profile that says nothing", async () => {
    expect(await verdict({})).toEqual({ verdict: "ELIGIBLE", reasons: [] });
    await setProgram(UNSAID);
    expect(await verdict({})).toEqual({
      verdict: "UNKNOWN",
      reasons: [
        "UNKNOWN visaTypesSponsored",
        "UNKNOWN citizenshipRequired",
        "UNKNOWN maxYearsSinceGraduation",
        "UNKNOWN minimumClinicalExperienceMonths",
      ],
    });
    // Saying more never makes it ELIGIBLE while the listing is silent; a fact that rules a rule out does.
    const full = { visaNeeded: "J1", citizenships: ["IN"], graduationYear: 2020, clinicalExperienceMonths: 24 };
    expect((await verdict(full)).verdict).toBe("UNKNOWN");
    expect((await verdict({ ...full, citizenships: ["CA"] })).reasons).toEqual([
      "UNKNOWN maxYearsSinceGraduation",
      "UNKNOWN minimumClinicalExperienceMonths",
    ]);
    await setProgram(DECIDED);
    expect(await verdict(full)).toEqual({ verdict: "ELIGIBLE", reasons: [] });
  });

  it("visas: null is UNKNOWN, a list decides, the deprecated flag stays in step", async () => {
    await setProgram({ visaTypesSponsored: null, visaSponsorship: null });
    expect(await verdict({ visaNeeded: "CA_WORK_PERMIT" })).toEqual({
      verdict: "UNKNOWN",
      reasons: ["UNKNOWN visaTypesSponsored"],
    });
    expect(await setProgram({ visaTypesSponsored: ["CA_WORK_PERMIT"] })).toMatchObject({ visaSponsorship: true });
    expect((await verdict({ visaNeeded: "CA_WORK_PERMIT" })).verdict).toBe("ELIGIBLE");
    // A U.S. visa asked of a Canadian program means "some visa": sponsored.
    expect((await verdict({ visaNeeded: "J1" })).verdict).toBe("ELIGIBLE");
    expect(await setProgram({ visaSponsorship: false })).toMatchObject({ visaTypesSponsored: [] });
    expect(await verdict({ needsVisa: true })).toEqual({
      verdict: "INELIGIBLE",
      reasons: ["BLOCKING visaTypesSponsored"],
    });
    // A citizen needs no visa: the rule does not apply.
    expect((await verdict({ visaNeeded: "CA_WORK_PERMIT", citizenships: ["CA"] })).verdict).toBe("ELIGIBLE");
    expectError(
      await server.exec(
        `mutation($id: ID!) { updateProgram(id: $id, version: ${version}, input: { visaSponsorship: true, visaTypesSponsored: [] }) { id } }`,
        { id: programId },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expectError(
      await server.exec(
        `mutation($id: ID!) { updateProgram(id: $id, version: ${version}, input: { visaTypesSponsored: [NONE] }) { id } }`,
        { id: programId },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    // A list that leaves some need out cannot decide for a profile that does not say its need.
    await setProgram({ visaTypesSponsored: ["CA_WORK_PERMIT"] });
    expect(await verdict({})).toEqual({ verdict: "UNKNOWN", reasons: ["UNKNOWN visaTypesSponsored"] });
    await setProgram({ visaTypesSponsored: DECIDED.visaTypesSponsored });
    expect((await verdict({})).verdict).toBe("ELIGIBLE");
  });

  it("citizenship: null is UNKNOWN for a non-citizen, a rule on the pathway decides", async () => {
    await setProgram({ citizenshipRequired: null });
    expect(await verdict({ citizenships: ["IN"] })).toEqual({
      verdict: "UNKNOWN",
      reasons: ["UNKNOWN citizenshipRequired"],
    });
    expect((await verdict({ citizenships: ["CA"] })).verdict).toBe("ELIGIBLE");
    await setPathway({ citizenshipRequired: "CITIZEN_OR_PERMANENT_RESIDENT" });
    expect(await verdict({ citizenships: ["IN"] })).toEqual({
      verdict: "INELIGIBLE",
      reasons: ["BLOCKING citizenshipRequired"],
    });
    expect((await verdict({ citizenships: ["IN"], permanentResidencies: ["CA"] })).verdict).toBe("ELIGIBLE");
    // A profile silent on citizenship cannot be decided against a stated rule.
    expect(await verdict({})).toEqual({ verdict: "UNKNOWN", reasons: ["UNKNOWN citizenshipRequired"] });
    await setPathway({ citizenshipRequired: null });
    await setProgram({ citizenshipRequired: "NONE" });
    expect((await verdict({ citizenships: ["IN"] })).verdict).toBe("ELIGIBLE");
  });

  it("years since graduation: null is UNKNOWN for a graduate, a limit or 'any year' decides", async () => {
    const year = new Date().getUTCFullYear();
    await setProgram({ graduatesOfAnyYear: null });
    expect(await verdict({})).toEqual({ verdict: "UNKNOWN", reasons: ["UNKNOWN maxYearsSinceGraduation"] });
    expect(await verdict({ graduationYear: 1995 })).toEqual({
      verdict: "UNKNOWN",
      reasons: ["UNKNOWN maxYearsSinceGraduation"],
    });
    await setProgram({ maxYearsSinceGraduation: 5 });
    expect(await verdict({ graduationYear: 1995 })).toEqual({
      verdict: "INELIGIBLE",
      reasons: ["BLOCKING maxYearsSinceGraduation"],
    });
    expect((await verdict({ graduationYear: year - 2 })).verdict).toBe("ELIGIBLE");
    // "Any year" and a limit contradict each other: refused, naming the field sent.
    const both = expectError(
      await server.exec(
        `mutation($id: ID!) { updateProgram(id: $id, version: ${version}, input: { graduatesOfAnyYear: true }) { id } }`,
        { id: programId },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expect(both.extensions!.fields[0].path).toEqual(["input", "graduatesOfAnyYear"]);
    await setProgram({ maxYearsSinceGraduation: null, graduatesOfAnyYear: true });
    expect(await verdict({ graduationYear: 1995 })).toEqual({ verdict: "ELIGIBLE", reasons: [] });
  });

  it("clinical experience: null is UNKNOWN, a minimum decides (in country too), 0 asks for none", async () => {
    await setProgram({ minimumClinicalExperienceMonths: null });
    expect((await verdict({})).verdict).toBe("UNKNOWN");
    expect(await verdict({ clinicalExperienceMonths: 6 })).toEqual({
      verdict: "UNKNOWN",
      reasons: ["UNKNOWN minimumClinicalExperienceMonths"],
    });
    await setProgram({ minimumClinicalExperienceMonths: 12, clinicalExperienceInCountry: true });
    const short = await verdict({
      clinicalExperienceMonths: 24,
      clinicalExperienceByCountry: [{ country: "CA", months: 3 }],
    });
    expect(short).toEqual({ verdict: "INELIGIBLE", reasons: ["UNMET minimumClinicalExperienceMonths"] });
    expect((await verdict({ clinicalExperienceByCountry: [{ country: "CA", months: 12 }] })).verdict).toBe("ELIGIBLE");
    expectError(
      await server.exec(
        `mutation($id: ID!) { updateProgram(id: $id, version: ${version}, input: { minimumClinicalExperienceMonths: null }) { id } }`,
        { id: programId },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    await setProgram({ minimumClinicalExperienceMonths: 0, clinicalExperienceInCountry: null });
    expect(await verdict({})).toEqual({ verdict: "ELIGIBLE", reasons: [] });
  });

  it("a return-of-service note is shown and decides nothing; viewers and anonymous readers cannot write rules", async () => {
    await setProgram({ returnOfServiceNote: "Synthetic: two years of practice in the province" });
    expect(await verdict({ citizenships: ["IN"], graduationYear: 2020 })).toEqual({ verdict: "ELIGIBLE", reasons: [] });
    for (const as of [viewer, null]) {
      const denied = await server.exec(
        `mutation($id: ID!) { updateProgram(id: $id, version: ${version}, input: { maxYearsSinceGraduation: 3 }) { id } }`,
        { id: programId },
        as,
      );
      expect(denied.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  it("rejects bad profile values naming the field", async () => {
    const bad = expectError(
      await server.exec(
        `query { eligibility(profile: { stage: GRADUATE, holds: [], citizenships: ["India"] }) { totalCount } }`,
      ),
      "BAD_USER_INPUT",
    );
    expect(JSON.stringify(bad.extensions)).toContain("citizenships");
  });
});

describe("requirement implications and profile facts", () => {
  const REQ = `mutation($input: RequirementInput!) { createRequirement(input: $input) { id code version implies { code } } }`;
  it("are curated with impliesCodes, refuse self and cycles, and count as held transitively", async () => {
    const a = (await run(REQ, { input: { code: "IMPL_A", name: "Impl A", kind: "EXAM" } })).createRequirement;
    const b = (await run(REQ, { input: { code: "IMPL_B", name: "Impl B", kind: "EXAM", impliesCodes: ["IMPL_A"] } }))
      .createRequirement;
    const c = (
      await run(REQ, {
        input: { code: "IMPL_C", name: "Impl C", kind: "CERTIFICATION", impliesCodes: ["IMPL_B"] },
      })
    ).createRequirement;
    expect(c.implies).toEqual([{ code: "IMPL_B" }]);
    const cycle = expectError(
      await server.exec(
        `mutation($id: ID!) { updateRequirement(id: $id, version: 1, input: { impliesCodes: ["IMPL_C"] }) { id } }`,
        { id: a.id },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expect(cycle.extensions!.fields[0].path).toEqual(["input", "impliesCodes"]);
    const self = expectError(
      await server.exec(
        `mutation($id: ID!) { updateRequirement(id: $id, version: 1, input: { impliesCodes: ["IMPL_B"] }) { id } }`,
        { id: b.id },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expect(self.extensions!.fields[0].path).toEqual(["input", "impliesCodes", "0"]);

    await setProgram({
      requirements: [{ requirementId: a.id, level: "REQUIRED" }],
    });
    expect(await verdict({})).toEqual({ verdict: "INELIGIBLE", reasons: ["UNMET null"] });
    expect((await verdict({ holds: ["IMPL_C"] })).verdict).toBe("ELIGIBLE");
  });

  it("a profile fact holds an entry marked heldWhen; COMMONLY_REQUIRED not held is UNKNOWN", async () => {
    const fact = (
      await run(REQ, {
        input: { code: "IMPL_RESIDENCY", name: "Residency done", kind: "TRAINING", heldWhen: "COMPLETED_RESIDENCY" },
      })
    ).createRequirement;
    await setProgram({ requirements: [{ requirementId: fact.id, level: "COMMONLY_REQUIRED" }] });
    expect(await verdict({})).toEqual({ verdict: "UNKNOWN", reasons: ["UNKNOWN null"] });
    expect((await verdict({ completedResidency: true })).verdict).toBe("ELIGIBLE");
  });
});
