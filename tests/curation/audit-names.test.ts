import { RequirementLevel } from "../../server/src/core/enums";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { ProgramRequirement } from "../../server/src/modules/program/program-requirement.entity";
import { Requirement } from "../../server/src/modules/requirement/requirement.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
const curators = {} as Record<"viewer" | "editor" | "admin", Curator>;
beforeAll(() => {
  f = factories(server.ds);
});
beforeEach(async () => {
  for (const role of ["viewer", "editor", "admin"] as const) {
    curators[role] = await f.curator({ role: CuratorRole[role.toUpperCase() as "VIEWER"], name: `Synthetic ${role}` });
  }
});

const LOG = `query($filter: AuditFilter, $first: Int) {
  auditLog(filter: $filter, first: $first) {
    edges { node { id action entityType entityId recordName changes references { field entityType id name } } }
  }
}`;

async function log(filter: Record<string, unknown>, as: Curator, first = 100) {
  return expectData(await server.exec(LOG, { filter, first }, as)).auditLog.edges.map((e: any) => e.node);
}

const run = async (query: string, variables: Record<string, unknown> = {}) =>
  expectData(await server.exec(query, variables, curators.editor));

/** A synthetic program at one institution, then moved to another with its requirement list changed. */
async function editedProgram() {
  const [first, second] = [
    await f.institution({ name: "Synthetic Hospital One" }),
    await f.institution({ name: "Synthetic Hospital Two" }),
  ];
  const pathway = await f.pathway({ name: "Synthetic Pathway" });
  const specialty = await f.specialty({ name: "Synthetic Cardiology" });
  const [kept, dropped, added] = [
    await f.requirement({ code: "SYN_KEPT", name: "Synthetic Exam Kept", scoreMin: 1, scoreMax: 300 }),
    await f.requirement({ code: "SYN_DROPPED", name: "Synthetic Language Test" }),
    await f.requirement({ code: "SYN_ADDED", name: "Synthetic Exam Added", scoreMin: 1, scoreMax: 300 }),
  ];
  const { createProgram } = await run(`mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`, {
    input: {
      slug: "synthetic-named-program",
      title: "Synthetic Residency",
      type: "RESIDENCY",
      audience: "GRADUATE",
      country: "US",
      institutionId: String(first.id),
      pathwayId: String(pathway.id),
      specialtyIds: [String(specialty.id)],
      requirements: [
        { requirementId: String(kept.id), level: "RECOMMENDED" },
        { requirementId: String(dropped.id), level: "REQUIRED" },
      ],
    },
  });
  const id = createProgram.id;
  await run(`mutation($input: ProgramInput!) { updateProgram(id: "${id}", version: 1, input: $input) { version } }`, {
    input: {
      institutionId: String(second.id),
      requirements: [
        { requirementId: String(kept.id), level: "REQUIRED" },
        { requirementId: String(added.id), level: "REQUIRED", minimumScore: 220 },
      ],
    },
  });
  await run(`mutation { verifyProgram(id: "${id}", version: 2) { version } }`);
  return { id, first, second, pathway, specialty, kept, dropped, added };
}

describe("the audit log names the records it mentions", () => {
  it("names the changed record and every id its changes hold, before and after, for every curator role", async () => {
    const p = await editedProgram();
    for (const role of ["viewer", "editor", "admin"] as const) {
      const [verify, update, create] = await log({ entityType: "Program", entityId: p.id }, curators[role]);
      expect([verify.action, update.action, create.action]).toEqual(["VERIFY", "UPDATE", "CREATE"]);
      for (const e of [verify, update, create])
        expect(e.recordName).toBe("Synthetic Residency — Synthetic Hospital Two");

      const named = (e: any) =>
        Object.fromEntries(e.references.map((r: any) => [`${r.field}:${r.entityType}:${r.id}`, r.name]));
      expect(named(create)).toEqual({
        [`institutionId:Institution:${p.first.id}`]: "Synthetic Hospital One",
        [`pathwayId:Pathway:${p.pathway.id}`]: "Synthetic Pathway",
        [`specialtyIds:Specialty:${p.specialty.id}`]: "Synthetic Cardiology",
        [`requirements:Requirement:${p.kept.id}`]: "Synthetic Exam Kept",
        [`requirements:Requirement:${p.dropped.id}`]: "Synthetic Language Test",
      });
      // An update names the ids on both sides: the institution left and the one joined, every requirement touched.
      expect(named(update)).toEqual({
        [`institutionId:Institution:${p.first.id}`]: "Synthetic Hospital One",
        [`institutionId:Institution:${p.second.id}`]: "Synthetic Hospital Two",
        [`requirements:Requirement:${p.kept.id}`]: "Synthetic Exam Kept",
        [`requirements:Requirement:${p.dropped.id}`]: "Synthetic Language Test",
        [`requirements:Requirement:${p.added.id}`]: "Synthetic Exam Added",
      });
      expect(named(verify)).toEqual({ [`verifiedById:Curator:${curators.editor.id}`]: "Synthetic editor" });
    }
  });

  it("names archived records, and gives null for a record that no longer exists", async () => {
    const p = await editedProgram();
    const institution = await run(`query { institution(id: "${p.first.id}") { version } }`);
    await run(
      `mutation { deleteInstitution(id: "${p.first.id}", version: ${institution.institution.version}) { id } }`,
    );
    // Catalogue entries are archived, never deleted, through the API; one removed behind its back is "gone".
    await server.ds.getRepository(ProgramRequirement).delete({ requirementId: p.dropped.id });
    await server.ds.getRepository(Requirement).delete({ id: p.dropped.id });

    const update = (await log({ entityType: "Program", entityId: p.id, action: ["UPDATE"] }, curators.viewer))[0];
    const byId = new Map(update.references.map((r: any) => [`${r.entityType}:${r.id}`, r.name]));
    expect(byId.get(`Institution:${p.first.id}`)).toBe("Synthetic Hospital One");
    expect(byId.get(`Requirement:${p.dropped.id}`)).toBeNull();
    expect(byId.get(`Requirement:${p.added.id}`)).toBe("Synthetic Exam Added");

    const archived = (await log({ entityType: "Institution", entityId: p.first.id }, curators.viewer))[0];
    expect(archived).toMatchObject({ action: "DELETE", recordName: "Synthetic Hospital One", references: [] });
  });

  it("names pathway requirement links, and curator accounts for ADMIN", async () => {
    const requirement = await f.requirement({ name: "Synthetic Licence" });
    const { createPathway } = await run(`mutation($input: PathwayInput!) { createPathway(input: $input) { id } }`, {
      input: {
        slug: "synthetic-stream",
        name: "Synthetic Stream",
        kind: "DIRECT",
        country: "CA",
        requirements: [{ requirementId: String(requirement.id), level: RequirementLevel.REQUIRED }],
      },
    });
    const [created] = await log({ entityType: "Pathway", entityId: createPathway.id }, curators.editor);
    expect(created.recordName).toBe("Synthetic Stream");
    expect(created.references).toEqual([
      { field: "requirements", entityType: "Requirement", id: String(requirement.id), name: "Synthetic Licence" },
    ]);

    const { createCurator } = expectData(
      await server.exec(
        `mutation { createCurator(input: { email: "synthetic-new@example.org", name: "Synthetic Newcomer", role: VIEWER, password: "synthetic-password-1234" }) { id } }`,
        {},
        curators.admin,
      ),
    );
    const [account] = await log({ entityType: "Curator", entityId: createCurator.id }, curators.admin);
    expect(account.recordName).toBe("Synthetic Newcomer");
    expect(await log({ entityType: "Curator", entityId: createCurator.id }, curators.editor)).toEqual([]);
  });

  it("is for curators only", async () => {
    expectError(await server.exec(LOG, { first: 5 }, null), "UNAUTHENTICATED");
  });

  it("costs the same statements for a page of 3 entries as for a page of 60", async () => {
    for (let i = 0; i < 20; i++) await editedProgramNamed(i);
    const small = await server.exec(LOG, { first: 3 }, curators.viewer);
    const large = await server.exec(LOG, { first: 60 }, curators.viewer);
    expect(expectData(small).auditLog.edges).toHaveLength(3);
    expect(expectData(large).auditLog.edges).toHaveLength(60);
    expect(large.statements).toBe(small.statements);
    // The page, then one statement per record type named: programs, institutions, pathways, specialties, requirements, curators.
    expect(large.statements).toBeLessThanOrEqual(7);
  });
});

/** A program at an institution with a pathway, a specialty and two requirement links, updated once. */
async function editedProgramNamed(n: number) {
  const institution = await f.institution();
  const pathway = await f.pathway();
  const specialty = await f.specialty();
  const [a, b] = [await f.requirement(), await f.requirement()];
  const { createProgram } = await run(`mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`, {
    input: {
      slug: `synthetic-page-${n}`,
      title: `Synthetic page program ${n}`,
      type: "FELLOWSHIP",
      audience: "GRADUATE",
      country: "US",
      institutionId: String(institution.id),
      pathwayId: String(pathway.id),
      specialtyIds: [String(specialty.id)],
      requirements: [{ requirementId: String(a.id), level: "REQUIRED" }],
    },
  });
  await run(
    `mutation($input: ProgramInput!) { updateProgram(id: "${createProgram.id}", version: 1, input: $input) { version } }`,
    { input: { requirements: [{ requirementId: String(b.id), level: "RECOMMENDED" }] } },
  );
  await run(`mutation { verifyProgram(id: "${createProgram.id}", version: 2) { version } }`);
}
