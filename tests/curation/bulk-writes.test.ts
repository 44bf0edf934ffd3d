import { MAX_BULK_REFS } from "../../server/src/core/bulk-write";
import { ListingStatus } from "../../server/src/core/enums";
import { AuditAction, AuditEntry } from "../../server/src/modules/audit/audit-entry.entity";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
let editor: Curator;
beforeAll(() => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editor = await f.curator({ role: CuratorRole.EDITOR });
});

interface Item {
  id: string;
  ok: boolean;
  error: { code: string; message: string; currentVersion: number | null } | null;
  record: { id: string; status: string; version: number; institution: { name: string } | null } | null;
}
type Verb = "publishPrograms" | "unpublishPrograms" | "archivePrograms";

const bulk = async (verb: Verb, refs: { id: string | number; version: number }[], as: Curator | null = editor) =>
  server.exec<Record<Verb, Item[]>>(
    `mutation($refs: [VersionRef!]!) { ${verb}(refs: $refs) {
      id ok error { code message currentVersion } record { id status version institution { name } }
    } }`,
    { refs: refs.map((r) => ({ id: String(r.id), version: r.version })) },
    as,
  );

const stored = (id: number) => server.ds.getRepository(Program).findOneByOrFail({ id });
const auditOf = (id: number) =>
  server.ds.getRepository(AuditEntry).find({ where: { entityType: "Program", entityId: id }, order: { id: "ASC" } });

describe("bulk program mutations: each record on its own", () => {
  it("publishes a draft and refuses a stale version in the same call: 1 published, 1 conflict, as stored", async () => {
    const inst = await f.institution({ name: "Bulk Test Hospital" });
    const draft = await f.program({ status: ListingStatus.DRAFT, institutionId: inst.id });
    const other = await f.program({ status: ListingStatus.DRAFT });
    await server.deps.services.programWrites.update(null, other.id, 1, { title: "Edited meanwhile" }); // now v2

    const items = expectData(
      await bulk("publishPrograms", [
        { id: draft.id, version: 1 },
        { id: other.id, version: 1 },
      ]),
    ).publishPrograms;

    expect(items.map((i) => [i.id, i.ok, i.error?.code ?? null])).toEqual([
      [String(draft.id), true, null],
      [String(other.id), false, "CONFLICT"],
    ]);
    expect(items[0].record).toEqual({
      id: String(draft.id),
      status: "PUBLISHED",
      version: 2,
      institution: { name: "Bulk Test Hospital" },
    });
    expect(items[1]).toMatchObject({ record: null, error: { currentVersion: 2 } });
    expect(items[1].error!.message).toMatch(/changed since you read it|version/i);

    // The database agrees: the draft is published with its audit entry; the stale one is untouched.
    expect(await stored(draft.id)).toMatchObject({ status: ListingStatus.PUBLISHED, version: 2 });
    expect(await stored(other.id)).toMatchObject({ status: ListingStatus.DRAFT, version: 2 });
    const entries = await auditOf(draft.id);
    expect(entries.map((e) => [e.action, e.actorId, e.entityVersion])).toEqual([[AuditAction.PUBLISH, editor.id, 2]]);
    expect((await auditOf(other.id)).map((e) => e.action)).toEqual([AuditAction.UPDATE]);
  });

  it("answers every kind of refusal per record, in order, and does the rest", async () => {
    const draft = await f.program({ status: ListingStatus.DRAFT });
    const published = await f.program({ status: ListingStatus.PUBLISHED });
    const archived = await f.program({ status: ListingStatus.ARCHIVED });
    const later = await f.program({ status: ListingStatus.DRAFT });

    const items = expectData(
      await bulk("publishPrograms", [
        { id: published.id, version: 1 },
        { id: draft.id, version: 1 },
        { id: 999_999, version: 1 },
        { id: archived.id, version: 1 },
        { id: draft.id, version: 2 },
        { id: later.id, version: 1 },
      ]),
    ).publishPrograms;

    expect(items.map((i) => [i.id, i.ok, i.error?.code ?? null])).toEqual([
      [String(published.id), false, "BAD_USER_INPUT"],
      [String(draft.id), true, null],
      ["999999", false, "NOT_FOUND"],
      [String(archived.id), false, "BAD_USER_INPUT"],
      [String(draft.id), false, "BAD_USER_INPUT"],
      [String(later.id), true, null],
    ]);
    expect(items.map((i) => i.error?.message ?? "")).toEqual([
      // The single mutation's own messages (they name the argument at fault).
      `id: Program ${published.id} is already published`,
      "",
      "Program 999999 was not found",
      `id: Program ${archived.id} is archived; restore it first`,
      `refs.4.id: Program ${draft.id} is listed more than once`,
      "",
    ]);
    const statuses = await Promise.all(
      [published, draft, archived, later].map(async (p) => (await stored(p.id)).status),
    );
    expect(statuses).toEqual([
      ListingStatus.PUBLISHED,
      ListingStatus.PUBLISHED,
      ListingStatus.ARCHIVED,
      ListingStatus.PUBLISHED,
    ]);
    expect(await server.ds.getRepository(AuditEntry).countBy({ action: AuditAction.PUBLISH })).toBe(2);
  });

  it("unpublishes and archives the same way", async () => {
    const a = await f.program({ status: ListingStatus.PUBLISHED });
    const b = await f.program({ status: ListingStatus.DRAFT });
    const unpublished = expectData(
      await bulk("unpublishPrograms", [
        { id: a.id, version: 1 },
        { id: b.id, version: 1 },
      ]),
    ).unpublishPrograms;
    expect(unpublished.map((i) => [i.ok, i.record?.status ?? i.error?.message])).toEqual([
      [true, "DRAFT"],
      [false, `id: Program ${b.id} is not published (it is DRAFT)`],
    ]);

    const archived = expectData(
      await bulk("archivePrograms", [
        { id: a.id, version: 2 },
        { id: b.id, version: 1 },
      ]),
    ).archivePrograms;
    expect(archived.map((i) => [i.ok, i.record?.status])).toEqual([
      [true, "ARCHIVED"],
      [true, "ARCHIVED"],
    ]);
    expect((await auditOf(a.id)).map((e) => e.action)).toEqual([AuditAction.UNPUBLISH, AuditAction.DELETE]);
    expect((await auditOf(b.id)).map((e) => e.action)).toEqual([AuditAction.DELETE]);
  });

  it(`refuses more than ${MAX_BULK_REFS} refs as BAD_USER_INPUT on refs, changing nothing`, async () => {
    const p = await f.program({ status: ListingStatus.DRAFT });
    const refs = Array.from({ length: MAX_BULK_REFS + 1 }, (_, i) => ({ id: p.id + i, version: 1 }));
    const result = await bulk("publishPrograms", refs);
    const error = expectError(result, "BAD_USER_INPUT");
    expect(error.extensions!.fields).toEqual([
      {
        path: ["refs"],
        message: `refs must hold at most ${MAX_BULK_REFS} records: split the work into several calls`,
        rule: "arrayMaxSize",
      },
    ]);
    expect((await stored(p.id)).status).toBe(ListingStatus.DRAFT);

    // Exactly the limit is accepted (every other ref is missing: NOT_FOUND, each on its own).
    const atLimit = expectData(await bulk("publishPrograms", refs.slice(0, MAX_BULK_REFS))).publishPrograms;
    expect(atLimit).toHaveLength(MAX_BULK_REFS);
    expect(atLimit.filter((i) => i.ok).map((i) => i.id)).toEqual([String(p.id)]);
  });

  it("checks each ref like the single mutation's arguments (an id the API never issues, a version below 1)", async () => {
    const result = await bulk("publishPrograms", [
      { id: "abc", version: 1 },
      { id: 1, version: 0 },
    ]);
    const error = expectError(result, "BAD_USER_INPUT");
    expect(error.extensions!.fields.map((p: { path: string[] }) => p.path)).toEqual([
      ["refs", "0", "id"],
      ["refs", "1", "version"],
    ]);
  });

  it("masks an unexpected failure of one record (logged with an id) and still does the others", async () => {
    const [a, b] = [await f.program({ status: ListingStatus.DRAFT }), await f.program({ status: ListingStatus.DRAFT })];
    const writes = server.deps.services.programWrites;
    const real = writes.publish.bind(writes);
    const spy = jest.spyOn(writes, "publish").mockImplementation(async (actor, id, version) => {
      if (id === a.id) throw new Error("SQLITE_CORRUPT: secret detail at /var/lib/db");
      return real(actor, id, version);
    });
    try {
      const items = expectData(
        await bulk("publishPrograms", [
          { id: a.id, version: 1 },
          { id: b.id, version: 1 },
        ]),
      ).publishPrograms;
      expect(items.map((i) => [i.ok, i.error?.code ?? null])).toEqual([
        [false, "INTERNAL_SERVER_ERROR"],
        [true, null],
      ]);
      expect(items[0].error!.message).toMatch(/^Internal server error \(error id [0-9a-f-]{36}\)/);
      expect(items[0].error!.message).not.toMatch(/SQLITE|secret|\/var/);
    } finally {
      spy.mockRestore();
    }
  });

  it("is refused whole to anonymous callers and viewers (nothing changes)", async () => {
    const p = await f.program({ status: ListingStatus.DRAFT });
    const viewer = await f.curator({ role: CuratorRole.VIEWER });
    expectError(await bulk("publishPrograms", [{ id: p.id, version: 1 }], null), "UNAUTHENTICATED");
    expectError(await bulk("publishPrograms", [{ id: p.id, version: 1 }], viewer), "FORBIDDEN");
    expect(await stored(p.id)).toMatchObject({ status: ListingStatus.DRAFT, version: 1 });
  });
});
