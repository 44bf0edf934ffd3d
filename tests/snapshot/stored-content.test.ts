/**
 * Stored snapshots' bytes live in the database (snapshot-content-store.ts): a download reads them a
 * chunk at a time, only as fast as the client takes them; files an earlier version left in
 * SNAPSHOT_DIR move in at start-up; a snapshot with drafts is never served to anyone but a
 * signed-in, active curator.
 */
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { StatementCounter, withStatementCounter } from "../../server/src/core/sql-counter";
import { inTransaction } from "../../server/src/core/transaction";
import { Curator, CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { DatabaseSnapshotContentStore } from "../../server/src/modules/snapshot/snapshot-content-store";
import { Snapshot } from "../../server/src/modules/snapshot/snapshot.entity";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { prepareDatabase } from "../../server/src/startup";
import { loginAs } from "../support/auth";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { buildRichDirectory } from "./fixtures";
import { exportTo, tempDir } from "./helpers";

const server = useTestServer({ listen: true, reset: true });
const SMALL_CHUNK = 1024;

async function createSnapshot(includeDrafts = false) {
  const editor = await factories(server.ds).curator({ role: CuratorRole.EDITOR });
  return expectData(
    await server.exec(
      `mutation($d: Boolean) { createSnapshot(label: "stored", includeDrafts: $d) { id jsonBytes ndjsonBytes sha256 } }`,
      { d: includeDrafts },
      editor,
    ),
  ).createSnapshot as { id: string; jsonBytes: number; ndjsonBytes: number; sha256: string };
}

const download = (id: string | number, format = "json", headers: Record<string, string> = {}, method = "GET") =>
  fetch(`${server.base}/snapshots/${id}.${format}`, { headers, method });

const chunkCount = async (id: number) =>
  Number(
    (await server.ds.query(`SELECT count(*) AS n FROM "snapshot_chunks" WHERE "snapshotId" = ${Number(id)}`))[0].n,
  );

describe("a download streams from the database", () => {
  beforeEach(() => seedSampleDirectory(server.ds));

  it("fetches one chunk per statement, never more than one ahead of the reader, and serves the same bytes", async () => {
    const s = await createSnapshot();
    const original = Buffer.from(await (await download(s.id)).arrayBuffer());
    // Stored again in small chunks, so that the file is many of them.
    const store = new DatabaseSnapshotContentStore(server.ds, SMALL_CHUNK);
    const file = path.join(tempDir(), "content.json");
    fs.writeFileSync(file, original);
    await inTransaction(server.ds, (m) => store.save(m, Number(s.id), "json", file));
    const chunks = Math.ceil(original.length / SMALL_CHUNK);
    expect(chunks).toBeGreaterThan(20);

    const counter = new StatementCounter();
    const taken: Buffer[] = [];
    await withStatementCounter(counter, async () => {
      const content = (await store.open(Number(s.id), "json")) as Readable;
      expect(counter.count).toBe(1);
      for await (const chunk of content) {
        taken.push(chunk as Buffer);
        // Read so far: what was taken, at most the one being fetched for the next turn.
        expect(counter.count).toBeLessThanOrEqual(taken.length + 1);
        await new Promise((r) => setImmediate(r)); // a slow reader: the stream waits, it does not read on
      }
    });
    expect(taken.map((c) => c.length)).toEqual([
      ...Array<number>(chunks - 1).fill(SMALL_CHUNK),
      original.length - (chunks - 1) * SMALL_CHUNK,
    ]);
    expect(counter.count).toBe(chunks + 1); // and one that finds no more
    expect(Buffer.concat(taken).equals(original)).toBe(true);

    // Over HTTP, from the small chunks: the same bytes and length.
    const again = await download(s.id);
    expect(again.headers.get("content-length")).toBe(String(original.length));
    expect(Buffer.from(await again.arrayBuffer()).equals(original)).toBe(true);
  });

  it("HEAD and a matching If-None-Match answer without the body; missing content is a JSON 404", async () => {
    const s = await createSnapshot();
    const head = await download(s.id, "ndjson", {}, "HEAD");
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(s.ndjsonBytes)]);
    const etag = head.headers.get("etag")!;
    expect((await download(s.id, "ndjson", { "if-none-match": etag })).status).toBe(304);
    await server.ds.query(`DELETE FROM "snapshot_chunks" WHERE "format" = 'ndjson'`);
    const missing = await download(s.id, "ndjson");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-disposition")).toBeNull();
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});

describe("who may download a snapshot with drafts (ids are sequential: guessing one must not be enough)", () => {
  it("nobody without an active curator's session: not anonymously, not by HEAD, not with its ETag", async () => {
    await buildRichDirectory(server.ds);
    const s = await createSnapshot(true);
    const etag = `"${s.sha256}-json"`;
    for (const [headers, method] of [
      [{}, "GET"],
      [{}, "HEAD"],
      [{ "if-none-match": etag }, "GET"],
    ] as const) {
      for (const format of ["json", "ndjson"]) {
        const res = await download(s.id, format, headers, method);
        expect([format, method, res.status]).toEqual([format, method, 401]);
        expect(res.headers.get("etag")).not.toBe(etag);
        expect(res.headers.get("content-disposition")).toBeNull();
      }
    }
    // Every curator role may: they all read drafts.
    for (const role of [CuratorRole.VIEWER, CuratorRole.EDITOR, CuratorRole.ADMIN]) {
      const curator = await loginAs(server, server.base, role);
      const res = await download(s.id, "json", { authorization: `Bearer ${curator.token}` });
      expect([role, res.status, res.headers.get("cache-control")]).toEqual([role, 200, "private, no-store"]);
      await res.arrayBuffer();
    }
    // An expired session, and a disabled curator's, are refused.
    const expired = await loginAs(server, server.base, CuratorRole.VIEWER);
    await server.ds.query(`UPDATE "curator_sessions" SET "expiresAt" = '2000-01-01 00:00:00'`);
    expect((await download(s.id, "json", { authorization: `Bearer ${expired.token}` })).status).toBe(401);
    const disabled = await loginAs(server, server.base, CuratorRole.VIEWER);
    await server.ds.getRepository(Curator).update(disabled.curator.id, { active: false });
    expect((await download(s.id, "json", { authorization: `Bearer ${disabled.token}` })).status).toBe(401);
  });
});

describe("files an earlier version left in SNAPSHOT_DIR move into the database at start-up", () => {
  it("copies each file a row names, clears the name, leaves the file; a missing or wrong file stays named", async () => {
    await seedSampleDirectory(server.ds);
    const dir = tempDir("legacy-snapshots-");
    const outside = tempDir("legacy-outside-");
    try {
      const names = {
        json: "snapshot-20240101T000000Z-0a1b2c3d.json",
        ndjson: "snapshot-20240101T000000Z-0a1b2c3d.ndjson",
      };
      const { meta } = await exportTo(server.ds, "json", path.join(dir, names.json));
      await exportTo(server.ds, "ndjson", path.join(dir, names.ndjson));
      const size = (name: string) => fs.statSync(path.join(dir, name)).size;
      const repo = server.ds.getRepository(Snapshot);
      const row = (values: Partial<Snapshot>) =>
        repo.save(
          repo.create({
            label: "from an earlier version",
            createdAt: new Date(meta.createdAt),
            sha256: meta.sha256,
            counts: meta.counts,
            includeDrafts: false,
            jsonBytes: size(names.json),
            ndjsonBytes: size(names.ndjson),
            jsonFile: names.json,
            ndjsonFile: names.ndjson,
            ...values,
          }),
        );
      const legacy = await row({});
      // Missing; of another size; a name that points outside SNAPSHOT_DIR (only its base name counts).
      fs.writeFileSync(path.join(outside, "elsewhere.json"), fs.readFileSync(path.join(dir, names.json)));
      const missing = await row({ jsonFile: "snapshot-gone.json", ndjsonFile: null });
      const wrongSize = await row({ jsonBytes: 12, ndjsonFile: null });
      const escaping = await row({ jsonFile: `../${path.basename(outside)}/elsewhere.json`, ndjsonFile: null });

      await prepareDatabase(server.ds, { ...server.config, snapshotDir: dir });

      const after = (id: number) => repo.findOneByOrFail({ id });
      expect(await after(legacy.id)).toMatchObject({ jsonFile: null, ndjsonFile: null });
      for (const format of ["json", "ndjson"] as const) {
        const res = await download(legacy.id, format);
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(path.join(dir, names[format])))).toBe(true);
      }
      expect(fs.readdirSync(dir).sort()).toEqual([names.json, names.ndjson]);
      for (const left of [missing, wrongSize, escaping]) {
        expect((await after(left.id)).jsonFile).toBe(left.jsonFile);
        expect(await chunkCount(left.id)).toBe(0);
        expect((await download(left.id)).status).toBe(404);
      }

      // The next start moves nothing again.
      const stored = await chunkCount(legacy.id);
      await prepareDatabase(server.ds, { ...server.config, snapshotDir: dir });
      expect(await chunkCount(legacy.id)).toBe(stored);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
