import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
let editor: Curator;
beforeAll(async () => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editor = await f.curator({ role: CuratorRole.EDITOR });
});

const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $v, input: $input) { id } }`;
const VALID = { slug: "valid-program", title: "Valid", type: "FELLOWSHIP", audience: "GRADUATE", country: "US" };

/** The `fields` of a BAD_USER_INPUT error, as [path, message] pairs. */
async function problems(query: string, variables: Record<string, unknown>): Promise<[string, string][]> {
  const error = expectError(await server.exec(query, variables, editor), "BAD_USER_INPUT");
  return error.extensions!.fields.map((p: { path: string[]; message: string }) => [p.path.join("."), p.message]);
}
const paths = async (query: string, variables: Record<string, unknown>) =>
  (await problems(query, variables)).map(([p]) => p);

describe("input validation", () => {
  it("names every missing required field on create", async () => {
    expect(await paths(CREATE, { input: { description: "only this" } })).toEqual([
      "input.slug",
      "input.title",
      "input.type",
      "input.audience",
    ]);
    expect(await paths(CREATE, { input: { ...VALID, country: undefined } })).toEqual(["input.country"]);
    expect(await paths(`mutation { createInstitution(input: { slug: "x" }) { id } }`, {})).toEqual([
      "input.name",
      "input.kind",
      "input.country",
      "input.region",
      "input.city",
    ]);
  });

  it("checks formats and lengths, reporting all problems at once", async () => {
    const found = await problems(CREATE, {
      input: {
        ...VALID,
        slug: "Not A Slug",
        title: "x".repeat(301),
        sourceUrl: "ftp://example.org",
        feeCurrency: "dollars",
        durationMonths: 0,
        region: "Ontario",
      },
    });
    expect(found.map(([p]) => p).sort()).toEqual([
      "input.durationMonths",
      "input.feeCurrency",
      "input.region",
      "input.slug",
      "input.sourceUrl",
      "input.title",
    ]);
    expect(Object.fromEntries(found)["input.slug"]).toMatch(/lower-case letters and digits/);
    expect(await paths(CREATE, { input: { ...VALID, title: "   " } })).toEqual(["input.title"]);
    expect(
      await paths(
        `mutation { createInstitution(input: { slug: "ok", name: "N", kind: HOSPITAL, country: US, region: "NY", city: "C", website: "not a url" }) { id } }`,
        {},
      ),
    ).toEqual(["input.website"]);
    expect(
      await paths(`mutation { createRequirement(input: { code: "lower_case", name: "N", kind: EXAM }) { id } }`, {}),
    ).toEqual(["input.code"]);
  });

  it("refuses enum values outside the enum", async () => {
    const result = await server.exec(CREATE, { input: { ...VALID, type: "SABBATICAL" } }, editor);
    expect(result.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(result.errors![0].message).toMatch(/SABBATICAL/);
  });

  it("refuses ids and versions that cannot be right", async () => {
    expect(await paths(UPDATE, { id: "abc", v: 1, input: {} })).toEqual(["id"]);
    expect(await paths(UPDATE, { id: "99999999999", v: 1, input: {} })).toEqual(["id"]);
    expect(await paths(UPDATE, { id: "1", v: 0, input: {} })).toEqual(["version"]);
  });

  it("checks that referenced records exist", async () => {
    const req = await f.requirement();
    expect(await problems(CREATE, { input: { ...VALID, institutionId: "4242" } })).toEqual([
      ["input.institutionId", "there is no institution 4242"],
    ]);
    expect(await paths(CREATE, { input: { ...VALID, pathwayId: "4242" } })).toEqual(["input.pathwayId"]);
    expect(await paths(CREATE, { input: { ...VALID, specialtyIds: ["4242"] } })).toEqual(["input.specialtyIds.0"]);
    expect(
      await paths(CREATE, {
        input: {
          ...VALID,
          requirements: [
            { requirementId: String(req.id), level: "REQUIRED" },
            { requirementId: "4242", level: "REQUIRED" },
            { requirementId: String(req.id), level: "RECOMMENDED" },
          ],
        },
      }),
    ).toEqual(["input.requirements.1.requirementId", "input.requirements.2.requirementId"]);
    expect(
      await paths(`mutation($input: PathwayInput!) { createPathway(input: $input) { id } }`, {
        input: { slug: "pw", name: "P", kind: "DIRECT", requirements: [{ requirementId: "4242", level: "REQUIRED" }] },
      }),
    ).toEqual(["input.requirements.0.requirementId"]);
  });

  it("keeps a program's country that of its institution", async () => {
    const mcgill = await f.institution({ country: "CA" as never, region: "QC" });
    expect(await problems(CREATE, { input: { ...VALID, institutionId: String(mcgill.id) } })).toEqual([
      ["input.country", expect.stringMatching(/is in CA, not US/)],
    ]);
    expect(
      expectData(
        await server.exec(
          CREATE,
          { input: { ...VALID, country: undefined, institutionId: String(mcgill.id) } },
          editor,
        ),
      ).createProgram.id,
    ).toBeTruthy();
  });

  it("keeps scores within the exam's range", async () => {
    const step1 = await f.requirement({ code: "USMLE_STEP_1", scoreMin: 1, scoreMax: 300 });
    const found = await problems(CREATE, {
      input: { ...VALID, requirements: [{ requirementId: String(step1.id), level: "REQUIRED", minimumScore: 301 }] },
    });
    expect(found).toEqual([
      ["input.requirements.0.minimumScore", "USMLE_STEP_1 scores run from 1 to 300; 301 is outside that"],
    ]);

    const R = `mutation($id: ID!, $v: Int!, $input: RequirementInput!) { updateRequirement(id: $id, version: $v, input: $input) { id } }`;
    expect(await paths(R, { id: String(step1.id), v: 1, input: { scoreMin: 400 } })).toEqual(["input.scoreMin"]);
    await f.program({}, { requirements: [{ requirement: step1, minimumScore: 230 }] });
    expect(await problems(R, { id: String(step1.id), v: 1, input: { scoreMax: 200 } })).toEqual([
      [
        "input.scoreMax",
        expect.stringMatching(
          /1 program\(s\) ask for a minimum USMLE_STEP_1 score this scale would not allow: test-program-\d+ \(230\)/,
        ),
      ],
    ]);
  });

  it("checks date order, positions and fees against the stored values on a partial update", async () => {
    expect(
      await paths(CREATE, {
        input: { ...VALID, applicationOpensOn: "2026-03-01", applicationClosesOn: "2026-02-01" },
      }),
    ).toEqual(["input.applicationClosesOn"]);
    const p = await f.program({
      applicationOpensOn: "2026-01-01",
      applicationClosesOn: "2026-03-01",
      positions: 10,
      applicationFeeCents: 5000,
      feeCurrency: "USD",
    });
    const id = String(p.id);
    const [closes] = await problems(UPDATE, { id, v: 1, input: { applicationClosesOn: "2025-12-01" } });
    expect(closes).toEqual([
      "input.applicationClosesOn",
      expect.stringMatching(/applicationOpensOn \(2026-01-01\) must be before applicationClosesOn \(2025-12-01\)/),
    ]);
    expect(await paths(UPDATE, { id, v: 1, input: { applicationOpensOn: "2026-04-01" } })).toEqual([
      "input.applicationOpensOn",
    ]);
    // The deprecated instants are checked as the days they stand for, and blamed by the name sent.
    expect(await paths(UPDATE, { id, v: 1, input: { applicationClosesAt: "2025-12-01T05:00:00Z" } })).toEqual([
      "input.applicationClosesAt",
    ]);
    expect(await paths(UPDATE, { id, v: 1, input: { imgPositions: 11 } })).toEqual(["input.imgPositions"]);
    expect(await paths(UPDATE, { id, v: 1, input: { feeCurrency: null } })).toEqual(["input.feeCurrency"]);
    // Clearing the close date lifts the rule; both at once are fine too.
    expectData(
      await server.exec(
        UPDATE,
        { id, v: 1, input: { applicationOpensAt: "2026-04-01T00:00:00Z", applicationClosesAt: null } },
        editor,
      ),
    );
  });

  it("names the rule each problem breaks, so that a client can word it its own way", async () => {
    await f.program({ slug: "taken" });
    const inst = await f.institution({ name: "Rule Test Hospital", country: "CA" as never, region: "ON" });
    const error = expectError(
      await server.exec(
        CREATE,
        {
          input: {
            ...VALID,
            slug: "taken",
            title: "x".repeat(301),
            institutionId: String(inst.id),
            applicationFeeCents: 5000,
          },
        },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    // Input rules first (class-validator's constraint names), as one answer.
    expect(error.extensions!.fields.map((p: { path: string[]; rule?: string }) => [p.path.join("."), p.rule])).toEqual([
      ["input.title", "maxLength"],
    ]);
    const rules = expectError(
      await server.exec(
        CREATE,
        { input: { ...VALID, institutionId: String(inst.id), applicationFeeCents: 5000 } },
        editor,
      ),
      "BAD_USER_INPUT",
    ).extensions!.fields.map((p: { path: string[]; rule?: string }) => [p.path.join("."), p.rule]);
    expect(rules).toEqual([
      ["input.country", "countryOfInstitution"],
      ["input.feeCurrency", "feeNeedsCurrency"],
    ]);
    const clash = expectError(
      await server.exec(CREATE, { input: { ...VALID, slug: "taken" } }, editor),
      "BAD_USER_INPUT",
    );
    expect(clash.extensions!.fields).toEqual([
      { path: ["input", "slug"], message: "another Program already has the slug 'taken'", rule: "unique" },
    ]);
    // A problem with no named rule (a missing reference) has none.
    const missing = expectError(
      await server.exec(CREATE, { input: { ...VALID, pathwayId: "999" } }, editor),
      "BAD_USER_INPUT",
    );
    expect(missing.extensions!.fields).toEqual([{ path: ["input", "pathwayId"], message: "there is no pathway 999" }]);
  });

  it("refuses to clear a required field and names clashing slugs and codes", async () => {
    const p = await f.program({ slug: "taken" });
    const other = await f.program();
    expect(await problems(UPDATE, { id: String(p.id), v: 1, input: { title: null, type: null } })).toEqual([
      ["input.title", "title cannot be cleared"],
      ["input.type", "type cannot be cleared"],
    ]);
    expect(await problems(UPDATE, { id: String(other.id), v: 1, input: { slug: "taken" } })).toEqual([
      ["input.slug", "another Program already has the slug 'taken'"],
    ]);
    expect(await paths(CREATE, { input: { ...VALID, slug: "taken" } })).toEqual(["input.slug"]);
    await f.requirement({ code: "USED_CODE" });
    expect(
      await paths(`mutation { createRequirement(input: { code: "USED_CODE", name: "N", kind: EXAM }) { id } }`, {}),
    ).toEqual(["input.code"]);
    // Updating a record to its own slug is no clash.
    expectData(await server.exec(UPDATE, { id: String(p.id), v: 1, input: { slug: "taken" } }, editor));
  });

  it("answers a repeated value as the first time: a refused one is refused again, at its own path", async () => {
    const bad = { input: { ...VALID, slug: "Not A Slug" } };
    for (let i = 0; i < 3; i++) expect(await paths(CREATE, bad)).toEqual(["input.slug"]);
    // The same value refused in another argument position and class: its own paths.
    const p = await f.program();
    expect(await paths(UPDATE, { id: String(p.id), v: 1, input: { slug: "Not A Slug" } })).toEqual(["input.slug"]);
    // A value that passed passes again; one differing only in a field that breaks a rule is refused.
    const good = { input: { ...VALID, slug: "repeat-ok" } };
    expectData(await server.exec(CREATE, good, editor));
    expect(await paths(CREATE, good)).toEqual(["input.slug"]); // now a clash, found after validation
    expect(await paths(CREATE, { input: { ...VALID, slug: "repeat-ok", durationMonths: 0 } })).toEqual([
      "input.durationMonths",
    ]);
  });
});
