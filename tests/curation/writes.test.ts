import { ListingStatus, RequirementLevel } from "../../server/src/core/enums";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
let editor: Curator;
let viewer: Curator;
beforeAll(async () => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editor = await f.curator({ role: CuratorRole.EDITOR, name: "Eda Editor" });
  viewer = await f.curator({ role: CuratorRole.VIEWER });
});

const PROGRAM_FIELDS = `id slug title description status version country region
  institution { slug } pathway { slug } specialties { slug }
  requirements { id level minimumScore note requirement { code } }
  lastVerifiedAt verifiedBy { name }`;

const CREATE_PROGRAM = `mutation($input: ProgramInput!) { createProgram(input: $input) { ${PROGRAM_FIELDS} } }`;
const UPDATE_PROGRAM = `mutation($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { ${PROGRAM_FIELDS} } }`;
const READ_PROGRAM = `query($id: ID) { program(id: $id) { id title status } }`;

async function programFixture() {
  const inst = await f.institution({ slug: "mayo-clinic", region: "MN" });
  const [cardio, onco] = [await f.specialty({ slug: "cardiology" }), await f.specialty({ slug: "oncology" })];
  const step1 = await f.requirement({ code: "USMLE_STEP_1", scoreMin: 1, scoreMax: 300 });
  const step2 = await f.requirement({ code: "USMLE_STEP_2_CK", scoreMin: 1, scoreMax: 300 });
  const ecfmg = await f.requirement({ code: "ECFMG_CERTIFICATION" });
  return { inst, cardio, onco, step1, step2, ecfmg };
}

describe("program writes", () => {
  it("creates a draft with its requirements and specialties, hidden from anonymous readers and visible to a viewer", async () => {
    const x = await programFixture();
    const created = expectData(
      await server.exec(
        CREATE_PROGRAM,
        {
          input: {
            slug: "mayo-cardiology-fellowship",
            title: "Cardiology fellowship",
            type: "FELLOWSHIP",
            audience: "GRADUATE",
            institutionId: String(x.inst.id),
            specialtyIds: [String(x.cardio.id)],
            requirements: [
              { requirementId: String(x.step1.id), level: "REQUIRED", minimumScore: 230 },
              { requirementId: String(x.ecfmg.id), level: "REQUIRED", note: "before the start date" },
            ],
          },
        },
        editor,
      ),
    ).createProgram;
    expect(created).toMatchObject({
      slug: "mayo-cardiology-fellowship",
      status: "DRAFT",
      version: 1,
      country: "US",
      region: "MN", // taken from the institution
      institution: { slug: "mayo-clinic" },
      specialties: [{ slug: "cardiology" }],
      lastVerifiedAt: null,
      verifiedBy: null,
    });
    expect(created.requirements.map((r: any) => [r.requirement.code, r.minimumScore, r.note]).sort()).toEqual([
      ["ECFMG_CERTIFICATION", null, "before the start date"],
      ["USMLE_STEP_1", 230, null],
    ]);

    expect(expectData(await server.exec(READ_PROGRAM, { id: created.id })).program).toBeNull();
    expect(expectData(await server.exec(`{ programs { totalCount } }`)).programs.totalCount).toBe(0);
    expect(expectData(await server.exec(READ_PROGRAM, { id: created.id }, viewer)).program).toMatchObject({
      status: "DRAFT",
    });
    expect(expectData(await server.exec(`{ programs { totalCount } }`, {}, viewer)).programs.totalCount).toBe(1);
  });

  it("updates only the fields sent, clears with null, and edits requirements in the same versioned update", async () => {
    const x = await programFixture();
    const p = await f.program(
      { institutionId: x.inst.id, description: "Old description", title: "Old title" },
      {
        specialties: [x.cardio],
        requirements: [{ requirement: x.step1, minimumScore: 200 }, { requirement: x.ecfmg }],
      },
    );
    const before = expectData(
      await server.exec(`query($id: ID) { program(id: $id) { requirements { id requirement { code } } } }`, {
        id: String(p.id),
      }),
    );
    const step1LinkId = before.program.requirements.find((r: any) => r.requirement.code === "USMLE_STEP_1").id;

    const renamed = expectData(
      await server.exec(UPDATE_PROGRAM, { id: String(p.id), version: 1, input: { title: "New title" } }, editor),
    ).updateProgram;
    expect(renamed).toMatchObject({ title: "New title", description: "Old description", version: 2 });
    expect(renamed.requirements).toHaveLength(2);

    const edited = expectData(
      await server.exec(
        UPDATE_PROGRAM,
        {
          id: String(p.id),
          version: 2,
          input: {
            description: null,
            specialtyIds: [String(x.onco.id), String(x.cardio.id)],
            requirements: [
              { requirementId: String(x.step1.id), level: "RECOMMENDED", minimumScore: 220 }, // changed
              { requirementId: String(x.step2.id), level: "REQUIRED" }, // added; ECFMG removed
            ],
          },
        },
        editor,
      ),
    ).updateProgram;
    expect(edited).toMatchObject({ title: "New title", description: null, version: 3 });
    expect(edited.specialties.map((s: any) => s.slug)).toEqual(["cardiology", "oncology"]);
    const byCode = Object.fromEntries(edited.requirements.map((r: any) => [r.requirement.code, r]));
    expect(Object.keys(byCode).sort()).toEqual(["USMLE_STEP_1", "USMLE_STEP_2_CK"]);
    expect(byCode.USMLE_STEP_1).toMatchObject({
      id: step1LinkId,
      level: RequirementLevel.RECOMMENDED,
      minimumScore: 220,
    });

    const cleared = expectData(
      await server.exec(
        UPDATE_PROGRAM,
        { id: String(p.id), version: 3, input: { requirements: null, specialtyIds: [] } },
        editor,
      ),
    ).updateProgram;
    expect(cleared).toMatchObject({ requirements: [], specialties: [], version: 4 });
  });

  it("publishes, unpublishes, verifies, archives and restores, each guarded by the version", async () => {
    const p = await f.program({ status: ListingStatus.DRAFT });
    const id = String(p.id);
    const op = (name: string, version: number, extra = "") =>
      server.exec(
        `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v${extra}) { status version lastVerifiedAt verifiedBy { name } } }`,
        { id, v: version },
        editor,
      );

    expect(expectData(await op("publishProgram", 1)).publishProgram).toMatchObject({ status: "PUBLISHED", version: 2 });
    expect(expectData(await server.exec(READ_PROGRAM, { id })).program).toMatchObject({ status: "PUBLISHED" });
    expectError(await op("publishProgram", 2), "BAD_USER_INPUT");
    expect(expectData(await op("unpublishProgram", 2)).unpublishProgram).toMatchObject({ status: "DRAFT", version: 3 });
    expect(expectData(await server.exec(READ_PROGRAM, { id })).program).toBeNull();

    const verified = expectData(await op("verifyProgram", 3, `, note: "checked the program page"`)).verifyProgram;
    expect(verified).toMatchObject({ version: 4, verifiedBy: { name: "Eda Editor" } });
    expect(Date.now() - new Date(verified.lastVerifiedAt).getTime()).toBeLessThan(60_000);

    expect(expectData(await op("deleteProgram", 4)).deleteProgram).toMatchObject({ status: "ARCHIVED", version: 5 });
    expectError(await op("deleteProgram", 5), "BAD_USER_INPUT");
    expectError(await op("publishProgram", 5), "BAD_USER_INPUT");
    expect(expectData(await op("restoreProgram", 5)).restoreProgram).toMatchObject({ status: "DRAFT", version: 6 });
    expectError(await op("restoreProgram", 6), "BAD_USER_INPUT");

    // A stale version changes nothing and says what the version is now.
    const stale = expectError(await op("publishProgram", 2), "CONFLICT", ["publishProgram"]);
    expect(stale.extensions!.currentVersion).toBe(6);
    expect((await server.ds.getRepository(Program).findOneByOrFail({ id: p.id })).status).toBe("DRAFT");

    expectError(
      await server.exec(`mutation { publishProgram(id: "999999", version: 1) { id } }`, {}, editor),
      "NOT_FOUND",
      ["publishProgram"],
    );
  });

  it("lists programs due for review: never verified first, then verified longest ago; archived and recent ones left out", async () => {
    const day = 24 * 60 * 60 * 1000;
    const never = await f.program({ title: "Never verified" });
    const old = await f.program({ title: "Verified 400 days ago", lastVerifiedAt: new Date(Date.now() - 400 * day) });
    const older = await f.program({
      title: "Verified 800 days ago",
      lastVerifiedAt: new Date(Date.now() - 800 * day),
      status: ListingStatus.DRAFT,
    });
    await f.program({ title: "Verified last week", lastVerifiedAt: new Date(Date.now() - 7 * day) });
    await f.program({ title: "Archived", status: ListingStatus.ARCHIVED });
    const Q = `query($after: String) { programsDueForReview(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = expectData(await server.exec(Q, {}, viewer)).programsDueForReview;
    expect(first.totalCount).toBe(3);
    const second = expectData(await server.exec(Q, { after: first.pageInfo.endCursor }, viewer)).programsDueForReview;
    expect([...first.edges, ...second.edges].map((e: any) => Number(e.node.id))).toEqual([never.id, older.id, old.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expectError(await server.exec(Q), "UNAUTHENTICATED", ["programsDueForReview"]);
  });
});

describe.each([
  {
    type: "Institution",
    list: "institutions",
    create: {
      slug: "new-institution",
      name: "New Institution",
      kind: "HOSPITAL",
      country: "CA",
      region: "ON",
      city: "Toronto",
    },
    update: { website: "https://example.org/" },
    clear: { website: null },
    field: "website",
  },
  {
    type: "Requirement",
    list: "requirements",
    create: { code: "NEW_EXAM", name: "New exam", kind: "EXAM", scoreMin: 100, scoreMax: 300 },
    update: { description: "An exam" },
    clear: { description: null },
    field: "description",
  },
  {
    type: "Pathway",
    list: "pathways",
    create: { slug: "new-pathway", name: "New pathway", kind: "DIRECT" },
    update: { website: "https://example.org/apply" },
    clear: { website: null },
    field: "website",
  },
  {
    type: "Specialty",
    list: "specialties",
    create: { slug: "new-specialty", name: "New specialty" },
    update: { name: "Renamed" },
    clear: null,
    field: "name",
  },
])("$type writes", ({ type, list, create, update, clear, field }) => {
  it("creates, updates partially, archives (hidden from anonymous readers) and restores", async () => {
    const created = expectData(
      await server.exec(
        `mutation($input: ${type}Input!) { create${type}(input: $input) { id version } }`,
        { input: create },
        editor,
      ),
    )[`create${type}`];
    expect(created.version).toBe(1);
    const id = created.id;
    const updated = expectData(
      await server.exec(
        `mutation($id: ID!, $input: ${type}Input!) { update${type}(id: $id, version: 1, input: $input) { version ${field} } }`,
        { id, input: update },
        editor,
      ),
    )[`update${type}`];
    expect(updated).toEqual({ version: 2, [field]: Object.values(update)[0] });
    let version = 2;
    if (clear) {
      const cleared = expectData(
        await server.exec(
          `mutation($id: ID!, $input: ${type}Input!) { update${type}(id: $id, version: 2, input: $input) { version ${field} } }`,
          { id, input: clear },
          editor,
        ),
      )[`update${type}`];
      expect(cleared).toEqual({ version: 3, [field]: null });
      version = 3;
    }
    const count = async (as: Curator | null) =>
      expectData(await server.exec(`{ ${list} { totalCount } }`, {}, as))[list].totalCount;
    expect(await count(null)).toBe(1);

    const archived = expectData(
      await server.exec(
        `mutation($id: ID!, $v: Int!) { delete${type}(id: $id, version: $v) { version archivedAt } }`,
        { id, v: version },
        editor,
      ),
    )[`delete${type}`];
    expect(archived.archivedAt).not.toBeNull();
    expect(await count(null)).toBe(0);
    expect(await count(viewer)).toBe(1);

    const restored = expectData(
      await server.exec(
        `mutation($id: ID!, $v: Int!) { restore${type}(id: $id, version: $v) { version archivedAt } }`,
        { id, v: archived.version },
        editor,
      ),
    )[`restore${type}`];
    expect(restored).toEqual({ version: archived.version + 1, archivedAt: null });
    expect(await count(null)).toBe(1);

    const stale = expectError(
      await server.exec(`mutation($id: ID!) { delete${type}(id: $id, version: 1) { id } }`, { id }, editor),
      "CONFLICT",
    );
    expect(stale.extensions!.currentVersion).toBe(restored.version);
    expectError(
      await server.exec(`mutation { delete${type}(id: "424242", version: 1) { id } }`, {}, editor),
      "NOT_FOUND",
    );
  });
});

describe("pathway requirements", () => {
  it("are replaced as a whole list in a versioned update", async () => {
    const [a, b] = [await f.requirement({ code: "REQ_A" }), await f.requirement({ code: "REQ_B" })];
    const pw = await f.pathway({}, [{ requirement: a }]);
    const data = expectData(
      await server.exec(
        `mutation($id: ID!, $input: PathwayInput!) { updatePathway(id: $id, version: 1, input: $input) { version requirements { level note requirement { code } } } }`,
        {
          id: String(pw.id),
          input: { requirements: [{ requirementId: String(b.id), level: "RECOMMENDED", note: "often" }] },
        },
        editor,
      ),
    ).updatePathway;
    expect(data).toEqual({
      version: 2,
      requirements: [{ level: "RECOMMENDED", note: "often", requirement: { code: "REQ_B" } }],
    });
  });
});
