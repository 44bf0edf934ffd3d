/**
 * Writing French text: the create and update inputs take it with the English field's rules, the
 * history records it, and every write dates the translation and the English text it translates,
 * so `translationStale` (and the lists' `translationStale` filter) finds listings whose French is
 * older than their English, until the French changes or a curator marks it checked.
 */
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer, type GqlResult } from "../support/server";

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

const FIELDS =
  "id version title titleFr description descriptionFr translationUpdatedAt sourceTextUpdatedAt translationStale";
const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $v, input: $input) { ${FIELDS} } }`;
const STALE = `query($stale: Boolean) { programs(first: 20, filter: { translationStale: $stale, status: [DRAFT] }) { edges { node { slug } } } }`;
const LOG = `query($filter: AuditFilter) { auditLog(filter: $filter, first: 20) { edges { node { action changes } } } }`;
const PROGRAM = { slug: "fm", title: "Family medicine", type: "RESIDENCY", audience: "GRADUATE", country: "CA" };

const run = async (query: string, variables: Record<string, unknown>, as: Curator = editor) =>
  expectData(await server.exec(query, variables, as));
const staleSlugs = async (stale: boolean) =>
  (await run(STALE, { stale })).programs.edges.map((e: { node: { slug: string } }) => e.node.slug);

describe("French text through the API", () => {
  it("is created and updated beside the English, audited, and dated against it", async () => {
    const created = (
      await run(CREATE, { input: { ...PROGRAM, titleFr: "Médecine familiale", descriptionFr: "Trois ans." } })
    ).createProgram;
    expect(created).toMatchObject({
      titleFr: "Médecine familiale",
      descriptionFr: "Trois ans.",
      translationStale: false,
    });
    expect(created.translationUpdatedAt).not.toBeNull();
    expect(created.sourceTextUpdatedAt).not.toBeNull(); // written together: equally new
    expect(created.translationUpdatedAt).toBe(created.sourceTextUpdatedAt);

    // The English changes, the French does not: the translation is now older than its source.
    const edited = (await run(UPDATE, { id: created.id, v: 1, input: { title: "Family medicine residency" } }))
      .updateProgram;
    expect(edited.translationStale).toBe(true);
    expect(new Date(edited.sourceTextUpdatedAt).getTime()).toBeGreaterThan(
      new Date(edited.translationUpdatedAt).getTime(),
    );
    expect(await staleSlugs(true)).toEqual(["fm"]);
    expect(await staleSlugs(false)).toEqual([]);

    // A change to other fields leaves it stale; a new French title makes it current.
    expect((await run(UPDATE, { id: created.id, v: 2, input: { region: "QC" } })).updateProgram.translationStale).toBe(
      true,
    );
    const retranslated = (
      await run(UPDATE, { id: created.id, v: 3, input: { titleFr: "Résidence en médecine familiale" } })
    ).updateProgram;
    expect(retranslated.translationStale).toBe(false);
    expect(await staleSlugs(true)).toEqual([]);
    expect(await staleSlugs(false)).toEqual(["fm"]);

    const entries = (await run(LOG, { filter: { entityType: "Program", entityId: created.id } })).auditLog.edges.map(
      (e: { node: { action: string; changes: Record<string, unknown> } }) => e.node,
    );
    expect(entries[0]).toEqual({
      action: "UPDATE",
      changes: { titleFr: { from: "Médecine familiale", to: "Résidence en médecine familiale" } },
    });
    expect(entries[3].changes).toMatchObject({ titleFr: { from: null, to: "Médecine familiale" } });
  });

  it("is marked current without a change by translationChecked", async () => {
    const created = (await run(CREATE, { input: { ...PROGRAM, titleFr: "Médecine familiale" } })).createProgram;
    const stale = (await run(UPDATE, { id: created.id, v: 1, input: { description: "Three years." } })).updateProgram;
    expect(stale.translationStale).toBe(true);
    const checked = (await run(UPDATE, { id: created.id, v: 2, input: { translationChecked: true } })).updateProgram;
    expect(checked).toMatchObject({ version: 3, titleFr: "Médecine familiale", translationStale: false });
    // Checked in the same write as an English change: current too.
    const both = (
      await run(UPDATE, { id: created.id, v: 3, input: { title: "Family medicine!", translationChecked: true } })
    ).updateProgram;
    expect(both.translationStale).toBe(false);
  });

  it("without French, English edits never make a listing stale; clearing the French clears its dates", async () => {
    const created = (await run(CREATE, { input: PROGRAM })).createProgram;
    expect(created).toMatchObject({ translationUpdatedAt: null, sourceTextUpdatedAt: null, translationStale: false });
    const edited = (await run(UPDATE, { id: created.id, v: 1, input: { title: "Other" } })).updateProgram;
    expect(edited).toMatchObject({ sourceTextUpdatedAt: null, translationStale: false });

    const translated = (await run(UPDATE, { id: created.id, v: 2, input: { titleFr: "Autre" } })).updateProgram;
    await run(UPDATE, { id: created.id, v: 3, input: { title: "Another" } });
    const cleared = (await run(UPDATE, { id: created.id, v: 4, input: { titleFr: null } })).updateProgram;
    expect(translated.translationUpdatedAt).not.toBeNull();
    expect(cleared).toMatchObject({ titleFr: null, translationUpdatedAt: null, sourceTextUpdatedAt: null });
    expect(cleared.translationStale).toBe(false);
  });

  it("follows the English fields' rules, naming the French field", async () => {
    const fieldsOf = (result: GqlResult) =>
      (expectError(result, "BAD_USER_INPUT").extensions!.fields as { path: string[]; rule: string }[]).map((e) => ({
        path: e.path,
        rule: e.rule,
      }));
    expect(fieldsOf(await server.exec(CREATE, { input: { ...PROGRAM, titleFr: "x".repeat(301) } }, editor))).toEqual([
      { path: ["input", "titleFr"], rule: "maxLength" },
    ]);
    expect(fieldsOf(await server.exec(CREATE, { input: { ...PROGRAM, titleFr: "   " } }, editor))).toEqual([
      { path: ["input", "titleFr"], rule: expect.any(String) },
    ]);
    expect(fieldsOf(await server.exec(CREATE, { input: { ...PROGRAM, descriptionFr: "a\u0000b" } }, editor))).toEqual([
      { path: ["input", "descriptionFr"], rule: undefined }, // the NUL check every argument gets
    ]);
    const created = (await run(CREATE, { input: PROGRAM })).createProgram;
    expect(fieldsOf(await server.exec(UPDATE, { id: created.id, v: 1, input: { titleFr: "" } }, editor))).toEqual([
      { path: ["input", "titleFr"], rule: expect.any(String) },
    ]);
    // A viewer may read the French, not write it.
    expectError(await server.exec(CREATE, { input: { ...PROGRAM, titleFr: "Médecine" } }, viewer), "FORBIDDEN");
  });

  it("works alike for institutions, pathways and requirements", async () => {
    const institution = (
      await run(
        `mutation($input: InstitutionInput!) { createInstitution(input: $input) { id nameFr descriptionFr translationStale } }`,
        {
          input: {
            slug: "mcgill",
            name: "McGill University",
            nameFr: "Université McGill",
            kind: "UNIVERSITY",
            country: "CA",
            region: "QC",
            city: "Montreal",
          },
        },
      )
    ).createInstitution;
    expect(institution).toMatchObject({ nameFr: "Université McGill", translationStale: false });
    const renamed = (
      await run(
        `mutation($id: ID!) { updateInstitution(id: $id, version: 1, input: { name: "McGill" }) { translationStale } }`,
        { id: institution.id },
      )
    ).updateInstitution;
    expect(renamed.translationStale).toBe(true);
    const staleInstitutions = (
      await run(`{ institutions(first: 5, filter: { translationStale: true }) { edges { node { slug } } } }`, {})
    ).institutions.edges;
    expect(staleInstitutions).toEqual([{ node: { slug: "mcgill" } }]);

    const pathway = (
      await run(
        `mutation { createPathway(input: { slug: "carms", name: "CaRMS", kind: NATIONAL_MATCH, nameFr: "CaRMS (jumelage)" }) { id } }`,
        {},
      )
    ).createPathway;
    await run(`mutation($id: ID!) { updatePathway(id: $id, version: 1, input: { description: "Canada." }) { id } }`, {
      id: pathway.id,
    });
    const requirement = (
      await run(
        `mutation { createRequirement(input: { code: "MCCQE_1", name: "MCCQE Part I", kind: EXAM, nameFr: "EACMC partie I" }) { id } }`,
        {},
      )
    ).createRequirement;
    expect(requirement.id).toBeDefined();
    const lists = await run(
      `{ pathways(first: 5, filter: { translationStale: true }) { edges { node { slug translationStale } } }
         requirements(first: 5, filter: { translationStale: true }) { edges { node { code } } }
         current: requirements(first: 5, filter: { translationStale: false }) { edges { node { code translationStale } } } }`,
      {},
    );
    expect(lists.pathways.edges).toEqual([{ node: { slug: "carms", translationStale: true } }]);
    expect(lists.requirements.edges).toEqual([]);
    expect(lists.current.edges).toEqual([{ node: { code: "MCCQE_1", translationStale: false } }]);
    const tooLong = expectError(
      await server.exec(
        `mutation { createRequirement(input: { code: "X", name: "X", kind: EXAM, nameFr: "${"é".repeat(201)}" }) { id } }`,
        {},
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expect(tooLong.extensions!.fields).toEqual([
      { path: ["input", "nameFr"], message: "nameFr must be at most 200 characters", rule: "maxLength" },
    ]);
  });
});
