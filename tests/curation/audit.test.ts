import { ListingStatus } from "../../server/src/core/enums";
import { AuditEntry } from "../../server/src/modules/audit/audit-entry.entity";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
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
  editor = await f.curator({ role: CuratorRole.EDITOR, email: "eda@example.org", name: "Eda" });
  viewer = await f.curator({ role: CuratorRole.VIEWER });
});

const LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { id at action entityType entityId entityVersion note actor { id email name } changes } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function log(filter: Record<string, unknown> = {}, as: Curator = viewer): Promise<any[]> {
  return expectData(await server.exec(LOG, { filter, first: 100 }, as)).auditLog.edges.map((e: any) => e.node);
}

const run = async (query: string, variables: Record<string, unknown> = {}) =>
  expectData(await server.exec(query, variables, editor));

describe("the audit log", () => {
  it("records every action on a program with its actor and exact { field: { from, to } } diffs", async () => {
    const req = await f.requirement({ code: "USMLE_STEP_1", scoreMin: 1, scoreMax: 300 });
    const created = (
      await run(`mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`, {
        input: {
          slug: "p",
          title: "First title",
          type: "OBSERVERSHIP",
          audience: "BOTH",
          country: "CA",
          sourceNote: "Synthetic test listing",
          requirements: [{ requirementId: String(req.id), level: "REQUIRED" }],
        },
      })
    ).createProgram;
    const id = created.id;
    const w = (name: string, v: number, rest = "") =>
      run(`mutation { ${name}(id: "${id}", version: ${v}${rest}) { version } }`);
    await run(`mutation($input: ProgramInput!) { updateProgram(id: "${id}", version: 1, input: $input) { version } }`, {
      input: {
        title: "Second title",
        requirements: [{ requirementId: String(req.id), level: "REQUIRED", minimumScore: 210 }],
      },
    });
    await w("publishProgram", 2);
    await w("unpublishProgram", 3);
    await w("verifyProgram", 4, `, note: "checked"`);
    await w("deleteProgram", 5);
    await w("restoreProgram", 6);

    const entries = await log({ entityType: "Program", entityId: id });
    expect(entries.map((e) => e.action)).toEqual([
      "RESTORE",
      "DELETE",
      "VERIFY",
      "UNPUBLISH",
      "PUBLISH",
      "UPDATE",
      "CREATE",
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({
        entityType: "Program",
        entityId: id,
        actor: { email: "eda@example.org", name: "Eda" },
      });
      expect(Date.now() - new Date(e.at).getTime()).toBeLessThan(60_000);
    }
    const [restore, del, verify, unpublish, publish, update, create] = entries;
    expect(create.entityVersion).toBe(1);
    expect(create.changes).toMatchObject({
      slug: { from: null, to: "p" },
      title: { from: null, to: "First title" },
      status: { from: null, to: "DRAFT" },
      requirements: { from: null, to: [{ requirementId: req.id, level: "REQUIRED", minimumScore: null, note: null }] },
    });
    expect(create.changes).not.toHaveProperty("description"); // null → null is no change
    expect(update.changes).toEqual({
      title: { from: "First title", to: "Second title" },
      requirements: {
        from: [{ requirementId: req.id, level: "REQUIRED", minimumScore: null, note: null }],
        to: [{ requirementId: req.id, level: "REQUIRED", minimumScore: 210, note: null }],
      },
    });
    expect(publish.changes).toEqual({ status: { from: "DRAFT", to: "PUBLISHED" } });
    expect(unpublish.changes).toEqual({ status: { from: "PUBLISHED", to: "DRAFT" } });
    expect(verify.changes).toEqual({
      lastVerifiedAt: { from: null, to: expect.any(String) },
      verifiedById: { from: null, to: editor.id },
    });
    expect(verify.note).toBe("checked");
    expect(del.changes).toEqual({ status: { from: "DRAFT", to: "ARCHIVED" } });
    expect(restore.changes).toEqual({ status: { from: "ARCHIVED", to: "DRAFT" } });
    expect(restore.entityVersion).toBe(7);
  });

  it("filters by entity, actor, action and time, pages newest first, and is for curators only", async () => {
    const other = await f.curator({ role: CuratorRole.EDITOR });
    const make = (slug: string, as: Curator) =>
      server.exec(`mutation { createSpecialty(input: { slug: "${slug}", name: "${slug}" }) { id } }`, {}, as);
    const first = expectData(await make("one", editor)).createSpecialty;
    await make("two", other);
    await run(`mutation { updateSpecialty(id: "${first.id}", version: 1, input: { name: "One" }) { id } }`);

    expect((await log()).map((e) => e.action)).toEqual(["UPDATE", "CREATE", "CREATE"]);
    expect(await log({ actorId: String(other.id) })).toHaveLength(1);
    expect(await log({ entityType: "Specialty", entityId: first.id })).toHaveLength(2);
    expect(await log({ action: ["UPDATE", "DELETE"] })).toHaveLength(1);
    expect(await log({ entityType: "Program" })).toHaveLength(0);
    expect(await log({ since: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(0);
    expect(await log({ until: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(3);
    expectError(
      await server.exec(LOG, { filter: { since: "2025-02-01T00:00:00Z", until: "2025-01-01T00:00:00Z" } }, viewer),
      "BAD_USER_INPUT",
    );

    const page1 = expectData(await server.exec(LOG, { first: 2 }, viewer)).auditLog;
    const page2 = expectData(await server.exec(LOG, { first: 2, after: page1.pageInfo.endCursor }, viewer)).auditLog;
    expect(page1.totalCount).toBe(3);
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.action)).toEqual(["UPDATE", "CREATE", "CREATE"]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    expectError(await server.exec(LOG), "UNAUTHENTICATED", ["auditLog"]);
  });

  it("records nothing for a write that fails", async () => {
    const p = await f.program();
    expectError(
      await server.exec(
        `mutation { updateProgram(id: "${p.id}", version: 9, input: { title: "x" }) { id } }`,
        {},
        editor,
      ),
      "CONFLICT",
    );
    expectError(
      await server.exec(
        `mutation { updateProgram(id: "${p.id}", version: 1, input: { title: "" }) { id } }`,
        {},
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expectError(
      await server.exec(
        `mutation { updateProgram(id: "${p.id}", version: 1, input: { institutionId: "77" }) { id } }`,
        {},
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expect(await server.ds.getRepository(AuditEntry).count()).toBe(0);
  });

  it("audits curator accounts without ever showing a password or its hash", async () => {
    const admin = await f.curator({ role: CuratorRole.ADMIN });
    const c = expectData(
      await server.exec(
        `mutation { createCurator(input: { email: "New@Example.org", role: VIEWER, password: "a long enough password" }) { id email version } }`,
        {},
        admin,
      ),
    ).createCurator;
    expect(c.email).toBe("new@example.org");
    await server.exec(
      `mutation { updateCurator(id: "${c.id}", version: 1, input: { password: "another long password", role: EDITOR }) { id } }`,
      {},
      admin,
    );
    const entries = await log({ entityType: "Curator" }, admin);
    expect(entries.map((e) => e.action)).toEqual(["UPDATE", "CREATE"]);
    expect(entries[0].changes).toEqual({
      role: { from: "VIEWER", to: "EDITOR" },
      passwordHash: { from: "[redacted]", to: "[redacted]" },
    });
    expect(JSON.stringify(entries)).not.toMatch(/scrypt|long enough|another long/);
  });

  it("shows entries about curator accounts (emails, roles) to ADMIN only, whatever the filter", async () => {
    const admin = await f.curator({ role: CuratorRole.ADMIN });
    const created = `mutation { createCurator(input: { email: "hidden@example.org", role: EDITOR, password: "a long enough password" }) { id } }`;
    const c = expectData(await server.exec(created, {}, admin)).createCurator;
    await server.exec(`mutation { createSpecialty(input: { slug: "s", name: "S" }) { id } }`, {}, admin);
    const COUNT = `query($filter: AuditFilter) { auditLog(filter: $filter, first: 1) { totalCount } }`;
    const total = async (filter: Record<string, unknown>, as: Curator) =>
      expectData(await server.exec(COUNT, { filter }, as)).auditLog.totalCount;
    for (const as of [viewer, editor]) {
      expect(await log({ entityType: "Curator" }, as)).toEqual([]);
      expect(await total({ entityType: "Curator" }, as)).toBe(0);
      const everything = await log({}, as);
      expect(everything.map((e) => e.entityType)).toEqual(["Specialty"]);
      expect(await log({ actorId: String(admin.id) }, as)).toHaveLength(1);
      expect(await log({ entityType: "Curator", entityId: c.id }, as)).toEqual([]);
      expect(JSON.stringify(everything)).not.toMatch(/hidden@example\.org|EDITOR/);
    }
    const seen = await log({}, admin);
    expect(seen.map((e) => e.entityType)).toEqual(["Specialty", "Curator"]);
    expect(seen[1].changes).toMatchObject({
      email: { from: null, to: "hidden@example.org" },
      role: { from: null, to: "EDITOR" },
    });
    expect(await total({ entityType: "Curator" }, admin)).toBe(1);
  });
});

describe("revert", () => {
  const REVERT = `mutation($id: ID!, $v: Int!, $to: ID!) { revertProgram(id: $id, version: $v, toEntry: $to) {
    version title applicationOpensOn status requirements { minimumScore requirement { code } } } }`;

  it("puts a program back as it was before an entry, undoing that entry and every later one, and records REVERT", async () => {
    const req = await f.requirement({ code: "USMLE_STEP_1", scoreMin: 1, scoreMax: 300 });
    const p = await f.program(
      { title: "Original", status: ListingStatus.DRAFT, sourceNote: "Synthetic test listing" },
      { requirements: [{ requirement: req, minimumScore: 200 }] },
    );
    const id = String(p.id);
    const upd = (v: number, input: Record<string, unknown>) =>
      run(`mutation($input: ProgramInput!) { updateProgram(id: "${id}", version: ${v}, input: $input) { version } }`, {
        input,
      });
    await upd(1, { title: "Renamed", applicationOpensOn: "2026-01-15" });
    await upd(2, { requirements: [{ requirementId: String(req.id), level: "REQUIRED", minimumScore: 240 }] });
    await run(`mutation { publishProgram(id: "${id}", version: 3) { version } }`);
    const [publish, scores, rename] = await log({ entityType: "Program", entityId: id });

    // Back to before the score change: the publication (later) is undone too, the rename (earlier) stays.
    const toScores = expectData(await server.exec(REVERT, { id, v: 4, to: scores.id }, editor)).revertProgram;
    expect(toScores).toMatchObject({
      version: 5,
      title: "Renamed",
      status: "DRAFT",
      requirements: [{ minimumScore: 200 }],
    });
    expect(toScores.applicationOpensOn).toBe("2026-01-15");

    const toStart = expectData(await server.exec(REVERT, { id, v: 5, to: rename.id }, editor)).revertProgram;
    expect(toStart).toMatchObject({
      version: 6,
      title: "Original",
      applicationOpensOn: null,
      status: "DRAFT",
      requirements: [{ minimumScore: 200 }],
    });

    const [revert] = await log({ entityType: "Program", entityId: id, action: ["REVERT"] });
    expect(revert).toMatchObject({
      action: "REVERT",
      entityVersion: 6,
      note: `reverted to the state before audit entry ${rename.id}`,
    });
    expect(revert.changes).toEqual({
      title: { from: "Renamed", to: "Original" },
      applicationOpensOn: { from: "2026-01-15", to: null },
    });

    // A revert is itself revertible: undoing it restores the rename.
    const undo = expectData(await server.exec(REVERT, { id, v: 6, to: revert.id }, editor)).revertProgram;
    expect(undo).toMatchObject({ title: "Renamed", version: 7 });
    expect(publish.action).toBe("PUBLISH");
  });

  it("is conflict-checked and refuses entries of other records, creations and clashing slugs", async () => {
    const a = await f.program({ slug: "a" });
    const b = await f.program({ slug: "b" });
    await run(`mutation { updateProgram(id: "${a.id}", version: 1, input: { slug: "a-renamed" }) { version } }`);
    await run(`mutation { updateProgram(id: "${b.id}", version: 1, input: { title: "B" }) { version } }`);
    const [bEntry] = await log({ entityId: String(b.id) });
    const [aEntry] = await log({ entityId: String(a.id) });

    const stale = expectError(
      await server.exec(REVERT, { id: String(a.id), v: 1, to: aEntry.id }, editor),
      "CONFLICT",
      ["revertProgram"],
    );
    expect(stale.extensions!.currentVersion).toBe(2);
    const foreign = expectError(
      await server.exec(REVERT, { id: String(a.id), v: 2, to: bEntry.id }, editor),
      "BAD_USER_INPUT",
    );
    expect(foreign.extensions!.fields[0].path).toEqual(["toEntry"]);

    // Someone else took slug "a" meanwhile: going back to it would clash.
    await f.program({ slug: "a" });
    const clash = expectError(
      await server.exec(REVERT, { id: String(a.id), v: 2, to: aEntry.id }, editor),
      "BAD_USER_INPUT",
    );
    expect(clash.extensions!.fields[0]).toMatchObject({
      path: ["toEntry"],
      message: expect.stringMatching(/slug 'a'/),
    });

    const created = expectData(
      await server.exec(`mutation { createSpecialty(input: { slug: "s", name: "S" }) { id } }`, {}, editor),
    ).createSpecialty;
    const [creation] = await log({ entityType: "Specialty" });
    const refused = expectError(
      await server.exec(
        `mutation($id: ID!, $to: ID!) { revertSpecialty(id: $id, version: 1, toEntry: $to) { id } }`,
        { id: created.id, to: creation.id },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expect(refused.message).toMatch(/did not exist/);
  });

  it("brings an archived institution back by reverting its DELETE", async () => {
    const inst = await f.institution();
    await run(`mutation { deleteInstitution(id: "${inst.id}", version: 1) { version } }`);
    const [del] = await log({ entityType: "Institution" });
    const back = expectData(
      await server.exec(
        `mutation($to: ID!) { revertInstitution(id: "${inst.id}", version: 2, toEntry: $to) { archivedAt version } }`,
        { to: del.id },
        editor,
      ),
    ).revertInstitution;
    expect(back).toEqual({ archivedAt: null, version: 3 });
  });
});
