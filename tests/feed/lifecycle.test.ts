/**
 * The public change feed through a listing's whole life: a client that keeps only its last cursor
 * sees each public change once, in order, with the fields that changed, and never a draft; a
 * snapshot import (merge and replace) appears in the feed and in the audit log like an edit.
 */
import path from "node:path";
import { ListingStatus } from "../../server/src/core/enums";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { exportTo, importFrom, readJsonFile, tempDir, writeJsonFile } from "../snapshot/helpers";
import { brief, FeedClient, type FeedNode } from "./feed-client";

const server = useTestServer({ reset: true });
let editor: Curator;
let viewer: Curator;
beforeEach(async () => {
  const f = factories(server.ds);
  editor = await f.curator({ role: CuratorRole.EDITOR });
  viewer = await f.curator({ role: CuratorRole.VIEWER });
});

type Ref = { id: string; version: number };

async function write(mutation: string, args: string, variables: Record<string, unknown>): Promise<Ref> {
  const data = expectData(
    await server.exec(`mutation(${args}) { ${mutation} { id version } }`, variables, editor),
  ) as Record<string, Ref>;
  return data[mutation.slice(0, mutation.indexOf("("))];
}

const createProgram = (input: Record<string, unknown>) =>
  write("createProgram(input: $input)", "$input: ProgramInput!", { input });
const updateProgram = (p: Ref, input: Record<string, unknown>) =>
  write("updateProgram(id: $id, version: $version, input: $input)", "$id: ID!, $version: Int!, $input: ProgramInput!", {
    id: p.id,
    version: p.version,
    input,
  });
const transition = (name: string, p: Ref) =>
  write(`${name}(id: $id, version: $version)`, "$id: ID!, $version: Int!", { id: p.id, version: p.version });

const PROGRAM = { type: "OBSERVERSHIP", audience: "GRADUATE", country: "US", sourceNote: "Synthetic test listing" };

describe("the change feed across a listing's life", () => {
  it("shows each public change once, in order, never a draft, to anonymous readers and curators alike", async () => {
    const reader = new FeedClient(server);
    const curatorReader = new FeedClient(server, viewer, 3);
    const expectNext = async (...expected: unknown[][]) => {
      expect((await reader.poll()).map(brief)).toEqual(expected);
    };

    // A draft, edited: nothing public happened.
    let p = await createProgram({ ...PROGRAM, slug: "feed-observership", title: "Feed observership" });
    p = await updateProgram(p, { title: "Feed observership (draft 2)" });
    await expectNext();

    p = await transition("publishProgram", p);
    await expectNext(["CREATED", "PROGRAM", p.id, "feed-observership", []]);

    p = await updateProgram(p, { title: "Feed observership", sourceNote: "From the program's page" });
    await expectNext(["CHANGED", "PROGRAM", p.id, "feed-observership", ["title", "sourceNote"]]);

    // Saving the same values again changes nothing public.
    p = await updateProgram(p, { title: "Feed observership" });
    await expectNext();

    // A new slug: the entry carries it; then unpublished: the tombstone carries the slug readers knew.
    p = await updateProgram(p, { slug: "feed-observership-us" });
    p = await transition("unpublishProgram", p);
    p = await updateProgram(p, { title: "Edited while a draft" });
    await expectNext(
      ["CHANGED", "PROGRAM", p.id, "feed-observership-us", ["slug"]],
      ["REMOVED", "PROGRAM", p.id, "feed-observership-us", []],
    );

    // Archiving and restoring a draft is invisible (restore makes it a draft); publishing again is not.
    p = await transition("deleteProgram", p);
    p = await transition("restoreProgram", p);
    await expectNext();
    p = await transition("publishProgram", p);
    await expectNext(["CREATED", "PROGRAM", p.id, "feed-observership-us", []]);

    // Archiving a published listing removes it.
    p = await transition("deleteProgram", p);
    await expectNext(["REMOVED", "PROGRAM", p.id, "feed-observership-us", []]);

    // Catalogue records are public until archived; restoring brings them back.
    let inst = await write("createInstitution(input: $input)", "$input: InstitutionInput!", {
      input: {
        slug: "feed-hospital",
        name: "Feed Hospital",
        kind: "HOSPITAL",
        country: "US",
        region: "NY",
        city: "Albany",
      },
    });
    inst = await write(
      "updateInstitution(id: $id, version: $version, input: $input)",
      "$id: ID!, $version: Int!, $input: InstitutionInput!",
      {
        id: inst.id,
        version: inst.version,
        input: { city: "Troy" },
      },
    );
    inst = await transition("deleteInstitution", inst);
    inst = await transition("restoreInstitution", inst);
    await expectNext(
      ["CREATED", "INSTITUTION", inst.id, "feed-hospital", []],
      ["CHANGED", "INSTITUTION", inst.id, "feed-hospital", ["city"]],
      ["REMOVED", "INSTITUTION", inst.id, "feed-hospital", []],
      ["CREATED", "INSTITUTION", inst.id, "feed-hospital", []],
    );

    // Created published straight away, with relations: the public names of what changes later.
    const spec = await write("createSpecialty(input: $input)", "$input: SpecialtyInput!", {
      input: { slug: "feed-cardiology", name: "Cardiology" },
    });
    let q = await createProgram({
      ...PROGRAM,
      slug: "feed-published",
      title: "Published at once",
      status: "PUBLISHED",
    });
    q = await updateProgram(q, { institutionId: inst.id, specialtyIds: [spec.id] });
    await expectNext(
      ["CREATED", "SPECIALTY", spec.id, "feed-cardiology", []],
      ["CREATED", "PROGRAM", q.id, "feed-published", []],
      ["CHANGED", "PROGRAM", q.id, "feed-published", ["institution", "specialties"]],
    );

    // The curator's reader saw the same entries (no drafts for curators either).
    await curatorReader.poll();
    expect(curatorReader.seen).toEqual(reader.seen);
    expectOnceInOrder(reader.seen);
  });

  it("records a snapshot import (merge, then replace) in the feed and the audit log, resumable from the last cursor", async () => {
    const f = factories(server.ds);
    const kept = await f.program({ slug: "kept", title: "Kept" });
    const gone = await f.program({ slug: "gone", title: "Gone" });
    const draft = await f.program({ slug: "still-draft", title: "Still a draft", status: ListingStatus.DRAFT });
    const dir = tempDir("feed-import-");
    const file = path.join(dir, "directory.json");
    await exportTo(server.ds, "json", file, true);

    const reader = new FeedClient(server);
    await reader.poll();
    expect(reader.seen).toEqual([]); // factories write no history: the feed starts empty

    const doc = readJsonFile(file);
    const program = (slug: string) => doc.programs.find((x: any) => x.slug === slug);
    program("kept").title = "Kept, retitled by the file";
    program("still-draft").title = "A draft the file edits";
    doc.programs.push({ ...program("kept"), slug: "from-the-file", title: "From the file" });
    doc.programs.push({ ...program("kept"), slug: "draft-from-the-file", title: "Draft", status: "DRAFT" });
    await importFrom(server.ds, writeJsonFile(path.join(dir, "merge.json"), doc), "merge");

    const added = await server.ds.query(`SELECT "id" FROM "programs" WHERE "slug" = 'from-the-file'`);
    const addedId = String(added[0].id);
    // An import records, per kind of record, its additions and then its changes.
    expect((await reader.poll()).map(brief)).toEqual([
      ["CREATED", "PROGRAM", addedId, "from-the-file", []],
      ["CHANGED", "PROGRAM", String(kept.id), "kept", ["title"]],
    ]);

    // The audit log has the import's entries, in the terms of an edit, so history and revert read them.
    const log = expectData(
      await server.exec(
        `query($id: ID) { auditLog(filter: { entityType: "Program", entityId: $id }) { edges { node { id action note changes entityVersion } } } }`,
        { id: String(kept.id) },
        viewer,
      ),
    ).auditLog.edges.map((e: any) => e.node);
    expect(log).toEqual([
      {
        id: expect.any(String),
        action: "UPDATE",
        note: "snapshot import (merge)",
        changes: { title: { from: "Kept", to: "Kept, retitled by the file" } },
        entityVersion: 2,
      },
    ]);
    const revert = await write(
      "revertProgram(id: $id, version: $version, toEntry: $entry)",
      "$id: ID!, $version: Int!, $entry: ID!",
      { id: String(kept.id), version: 2, entry: log[0].id },
    );
    expect((await reader.poll()).map(brief)).toEqual([["CHANGED", "PROGRAM", revert.id, "kept", ["title"]]]);
    const drafts = expectData(
      await server.exec(
        `query($id: ID) { auditLog(filter: { entityType: "Program", entityId: $id }) { edges { node { action } } } }`,
        { id: String(draft.id) },
        viewer,
      ),
    ).auditLog.edges;
    expect(drafts).toHaveLength(1); // a draft's import is audited, though never in the feed

    // Replace with the merged file without "gone": the revert is undone again and "gone" is removed.
    doc.programs = doc.programs.filter((x: any) => x.slug !== "gone");
    await importFrom(server.ds, writeJsonFile(path.join(dir, "replace.json"), doc), "replace");
    expect((await reader.poll()).map(brief)).toEqual([
      ["CHANGED", "PROGRAM", String(kept.id), "kept", ["title"]],
      ["REMOVED", "PROGRAM", String(gone.id), "gone", []],
    ]);
    const removal = expectData(
      await server.exec(
        `query($id: ID) { auditLog(filter: { entityType: "Program", entityId: $id }) { edges { node { action note changes } } } }`,
        { id: String(gone.id) },
        viewer,
      ),
    ).auditLog.edges.map((e: any) => e.node);
    expect(removal).toMatchObject([
      { action: "DELETE", note: "removed by snapshot import (replace)", changes: { slug: { from: "gone", to: null } } },
    ]);

    // A fresh reader from the start sees the same entries as the one that resumed.
    const fresh = new FeedClient(server, null, 100);
    await fresh.poll();
    expect(fresh.seen).toEqual(reader.seen);
    expectOnceInOrder(reader.seen);
  });
});

/** Strictly increasing sequences: every entry once, in order. */
function expectOnceInOrder(nodes: FeedNode[]): void {
  const sequences = nodes.map((n) => n.sequence);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  expect(new Set(sequences).size).toBe(sequences.length);
}
