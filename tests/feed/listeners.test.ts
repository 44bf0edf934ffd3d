/**
 * The contract with in-transaction listeners (core/directory-changes.ts): each listener is called
 * after its entry is written, with the writing transaction's manager and the entry as stored; what
 * it does commits or rolls back with the change, and a listener that fails undoes the whole write.
 * Snapshot imports call them too.
 */
import path from "node:path";
import type { DirectoryChange, DirectoryChangeListener } from "../../server/src/core/directory-changes";
import { ListingStatus } from "../../server/src/core/enums";
import { createAuditTrail } from "../../server/src/composition/audit-trail";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { importSnapshotFile } from "../../server/src/modules/snapshot/import";
import { Program } from "../../server/src/modules/program/program.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { exportTo, readJsonFile, tempDir, writeJsonFile } from "../snapshot/helpers";
import { execWithListener, FeedClient } from "./feed-client";

const server = useTestServer({ reset: true });
let editor: Curator;
beforeEach(async () => {
  editor = await factories(server.ds).curator({ role: CuratorRole.EDITOR });
});

const PUBLISH = `mutation($id: ID!, $v: Int!) { publishProgram(id: $id, version: $v) { version } }`;
const auditEntries = async () => Number((await server.ds.query(`SELECT COUNT(*) AS n FROM "audit_entries"`))[0].n);

const publishWith = (listener: DirectoryChangeListener, programId: number) =>
  execWithListener(server, listener, editor, PUBLISH, { id: String(programId), v: 1 });

describe("directory change listeners", () => {
  it("are called with the writing transaction and the entry as the feed stores it", async () => {
    const p = await factories(server.ds).program({ status: ListingStatus.DRAFT });
    const heard: { change: DirectoryChange; rowsInTransaction: number }[] = [];
    expectData(
      await publishWith(async (m, change) => {
        const rows = await m.query(`SELECT "sequence" FROM "directory_changes" WHERE "sequence" = ${change.sequence}`);
        heard.push({ change, rowsInTransaction: rows.length });
      }, p.id),
    );
    const reader = new FeedClient(server);
    const [entry] = await reader.poll();
    expect(heard).toEqual([
      {
        change: {
          sequence: entry.sequence,
          kind: "CREATED",
          recordType: "PROGRAM",
          recordId: p.id,
          slug: p.slug,
          changedFields: [],
          occurredAt: new Date(entry.occurredAt),
        },
        rowsInTransaction: 1,
      },
    ]);
  });

  it("roll the whole write back when one fails: no change, no audit entry, no feed entry", async () => {
    const p = await factories(server.ds).program({ status: ListingStatus.DRAFT });
    const before = await auditEntries();
    const failed = await publishWith(async () => {
      throw new Error("the outbox is full");
    }, p.id);
    expectError(failed, "INTERNAL_SERVER_ERROR");
    expect((await server.ds.getRepository(Program).findOneByOrFail({ id: p.id })).status).toBe(ListingStatus.DRAFT);
    expect(await auditEntries()).toBe(before);
    expect(await new FeedClient(server).poll()).toEqual([]);
  });

  it("hear a snapshot import's changes, in the import's transaction", async () => {
    const p = await factories(server.ds).program({ slug: "imported-later", title: "Before" });
    const dir = tempDir("feed-listeners-");
    const file = path.join(dir, "d.json");
    await exportTo(server.ds, "json", file, true);
    const doc = readJsonFile(file);
    doc.programs[0].title = "After";
    const heard: DirectoryChange[] = [];
    await importSnapshotFile(server.ds, writeJsonFile(path.join(dir, "edited.json"), doc), {
      mode: "merge",
      audit: createAuditTrail([async (_m, change) => void heard.push(change)]),
    });
    expect(heard.map((c) => [c.kind, c.recordType, c.recordId, c.slug, c.changedFields])).toEqual([
      ["CHANGED", "PROGRAM", p.id, "imported-later", ["title"]],
    ]);
  });
});
