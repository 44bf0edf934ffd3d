import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Curator, CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { Institution } from "../../server/src/modules/institution/institution.entity";
import { snapshotValidators } from "../../server/src/modules/snapshot/validate";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { expectData, expectError } from "../support/errors";
import { useTestServer } from "../support/server";
import { buildRichDirectory } from "./fixtures";
import { exportTo, tempDir } from "./helpers";

// Curator sessions come with the curation work; until then a fixed token stands for one curator.
let mockTokenCurator: Curator | null = null;
jest.mock("../../server/src/core/auth", () => ({
  curatorFromRequest: async (_deps: unknown, authorization: string | undefined) =>
    authorization === "Bearer test-token" ? mockTokenCurator : null,
}));

const SNAPSHOT_FIELDS = `id label createdAt sha256 includeDrafts jsonBytes ndjsonBytes jsonUrl ndjsonUrl
  createdBy { email } counts { institutions programs requirements specialties pathways }`;
const CREATE = `mutation($label: String!, $includeDrafts: Boolean) { createSnapshot(label: $label, includeDrafts: $includeDrafts) { ${SNAPSHOT_FIELDS} } }`;

describe("stored snapshots (API and downloads)", () => {
  const snapshotDir = tempDir("snapshot-api-");
  const server = useTestServer({ env: { SNAPSHOT_DIR: snapshotDir }, listen: true, reset: true });
  let viewer: Curator;
  let editor: Curator;

  afterAll(() => fs.rmSync(snapshotDir, { recursive: true, force: true }));
  beforeEach(async () => {
    for (const f of fs.readdirSync(snapshotDir)) fs.rmSync(path.join(snapshotDir, f));
    await seedSampleDirectory(server.ds);
    const curators = server.ds.getRepository(Curator);
    viewer = await curators.save({
      email: "viewer@example.org",
      name: "Viewer",
      role: CuratorRole.VIEWER,
      passwordHash: "not-a-real-hash",
    });
    editor = await curators.save({
      email: "editor@example.org",
      name: "Editor",
      role: CuratorRole.EDITOR,
      passwordHash: "not-a-real-hash",
    });
    mockTokenCurator = null;
  });

  const create = async (label: string, includeDrafts?: boolean) =>
    expectData(await server.exec(CREATE, { label, includeDrafts }, editor)).createSnapshot;
  /** This process's scratch folders (an export's files on their way into the database). */
  const scratchFolders = () =>
    fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`directory-snapshot-${process.pid}-`));
  const chunks = async () =>
    (await server.ds.query(`SELECT "snapshotId", "format", "seq" FROM "snapshot_chunks" ORDER BY 1, 2, 3`)) as {
      snapshotId: number;
      format: string;
      seq: number;
    }[];

  it("createSnapshot needs an editor; reads need a curator", async () => {
    expectError(await server.exec(CREATE, { label: "x" }), "UNAUTHENTICATED", ["createSnapshot"]);
    expectError(await server.exec(CREATE, { label: "x" }, viewer), "FORBIDDEN", ["createSnapshot"]);
    expectError(await server.exec(`{ snapshots { totalCount } }`), "UNAUTHENTICATED", ["snapshots"]);
    expectError(await server.exec(`{ snapshot(id: "1") { id } }`), "UNAUTHENTICATED", ["snapshot"]);
    expectError(await server.exec(`{ snapshotDiff(from: "1", to: "2") { identical } }`), "UNAUTHENTICATED", [
      "snapshotDiff",
    ]);
    expect(fs.readdirSync(snapshotDir)).toEqual([]);
    expect(expectData(await server.exec(`{ snapshots { totalCount } }`, {}, viewer)).snapshots.totalCount).toBe(0);
  });

  it("stores JSON and NDJSON of one point in time in the database and records the row", async () => {
    const s = await create("  Before the review  ");
    expect(s).toMatchObject({
      label: "Before the review",
      includeDrafts: false,
      createdBy: { email: "editor@example.org" },
      counts: { institutions: 7, programs: 19, requirements: 9, specialties: 6, pathways: 5 },
      jsonUrl: `/snapshots/${s.id}.json`,
      ndjsonUrl: `/snapshots/${s.id}.ndjson`,
    });
    // The same content hash as any other export of the same data.
    const cli = await exportTo(server.ds, "json", path.join(tempDir(), "same.json"));
    expect(s.sha256).toBe(cli.meta.sha256);

    // Nothing on disk: not in SNAPSHOT_DIR, and the export's scratch folder is gone.
    expect(fs.readdirSync(snapshotDir)).toEqual([]);
    expect(scratchFolders()).toEqual([]);
    expect(await chunks()).toEqual([
      { snapshotId: Number(s.id), format: "json", seq: 0 },
      { snapshotId: Number(s.id), format: "ndjson", seq: 0 },
    ]);
    const json = await (await fetch(`${server.base}/snapshots/${s.id}.json`)).text();
    const ndjson = await (await fetch(`${server.base}/snapshots/${s.id}.ndjson`)).text();
    expect([Buffer.byteLength(json), Buffer.byteLength(ndjson)]).toEqual([s.jsonBytes, s.ndjsonBytes]);
    const doc = JSON.parse(json);
    expect(snapshotValidators().document(doc)).toBe(true);
    const metaLine = JSON.parse(ndjson.split("\n")[0]);
    expect(metaLine.meta).toEqual(doc.meta);
    expect(doc.meta.createdAt).toBe(s.createdAt);
  });

  it("validates the label and ids", async () => {
    const blank = expectError(await server.exec(CREATE, { label: "   " }, editor), "BAD_USER_INPUT");
    expect(blank.extensions!.fields).toEqual([
      { path: ["label"], message: "label must not be empty", rule: "matches" },
    ]);
    expectError(await server.exec(CREATE, { label: "x".repeat(201) }, editor), "BAD_USER_INPUT");
    expectError(await server.exec(`{ snapshot(id: "abc") { id } }`, {}, viewer), "BAD_USER_INPUT");
    expect(expectData(await server.exec(`{ snapshot(id: "999") { id } }`, {}, viewer)).snapshot).toBeNull();
  });

  it("lists snapshots newest first, a page at a time, and finds one by id", async () => {
    const first = await create("first");
    const second = await create("second");
    const page = expectData(
      await server.exec(
        `{ snapshots(first: 1) { totalCount edges { node { id label } } pageInfo { hasNextPage endCursor } } }`,
        {},
        viewer,
      ),
    ).snapshots;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e: any) => e.node.label)).toEqual(["second"]);
    const next = expectData(
      await server.exec(
        `query($after: String) { snapshots(first: 1, after: $after) { edges { node { id label } } pageInfo { hasNextPage } } }`,
        { after: page.pageInfo.endCursor },
        viewer,
      ),
    ).snapshots;
    expect(next.edges.map((e: any) => e.node.label)).toEqual(["first"]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(
      expectData(
        await server.exec(`query($id: ID!) { snapshot(id: $id) { ${SNAPSHOT_FIELDS} } }`, { id: second.id }, viewer),
      ).snapshot,
    ).toEqual(second);
    expect(first.id).not.toBe(second.id);
  });

  it("snapshotDiff compares two stored snapshots", async () => {
    const before = await create("before");
    await server.ds.getRepository(Institution).update({ slug: "mayo-clinic" }, { city: "Rochester, Minnesota" });
    await server.ds.query(`DELETE FROM "programs" WHERE "slug" = 'observerships-canada'`);
    const after = await create("after");
    const q = `query($from: ID!, $to: ID!) { snapshotDiff(from: $from, to: $to) {
      identical addedCount removedCount changedCount from { label } to { label }
      entities { entity added removed changed { key changes { field from to } } } } }`;
    const diff = expectData(await server.exec(q, { from: before.id, to: after.id }, viewer)).snapshotDiff;
    expect(diff).toMatchObject({
      identical: false,
      addedCount: 0,
      removedCount: 1,
      changedCount: 1,
      from: { label: "before" },
      to: { label: "after" },
    });
    const byEntity = Object.fromEntries(diff.entities.map((e: any) => [e.entity, e]));
    expect(byEntity.institutions.changed).toEqual([
      { key: "mayo-clinic", changes: [{ field: "city", from: "Rochester", to: "Rochester, Minnesota" }] },
    ]);
    expect(byEntity.programs.removed).toEqual(["observerships-canada"]);
    expect(expectData(await server.exec(q, { from: after.id, to: after.id }, viewer)).snapshotDiff.identical).toBe(
      true,
    );
    expectError(await server.exec(q, { from: before.id, to: "999" }, viewer), "NOT_FOUND", ["snapshotDiff"]);
  });

  it("serves downloads: anonymous for published-only snapshots, cacheable, with an ETag", async () => {
    const s = await create("public");
    const res = await fetch(`${server.base}/snapshots/${s.id}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="directory-snapshot-${s.id}.json"`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = await res.text();
    expect(Buffer.byteLength(body)).toBe(s.jsonBytes); // bytes: the sample has French text
    expect(JSON.parse(body).meta.sha256).toBe(s.sha256);
    const etag = res.headers.get("etag")!;
    expect((await fetch(`${server.base}/snapshots/${s.id}.json`, { headers: { "if-none-match": etag } })).status).toBe(
      304,
    );

    const nd = await fetch(`${server.base}/snapshots/${s.id}.ndjson`);
    expect(nd.status).toBe(200);
    expect(nd.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect((await nd.text()).trimEnd().split("\n")).toHaveLength(1 + 7 + 19 + 9 + 6 + 5);

    for (const bad of ["999.json", `${s.id}.csv`, "abc", `${s.id}.json.bak`])
      expect((await fetch(`${server.base}/snapshots/${bad}`)).status).toBe(404);
  });

  it("needs a curator's token to download a snapshot with drafts", async () => {
    await buildRichDirectory(server.ds);
    const s = await create("with drafts", true);
    expect(s.includeDrafts).toBe(true);
    const anonymous = await fetch(`${server.base}/snapshots/${s.id}.json`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: {
        code: "UNAUTHENTICATED",
        message: expect.stringMatching(/includes draft listings/),
        id: expect.any(String),
      },
    });
    mockTokenCurator = viewer;
    expect(
      (await fetch(`${server.base}/snapshots/${s.id}.ndjson`, { headers: { authorization: "Bearer wrong" } })).status,
    ).toBe(401);
    const ok = await fetch(`${server.base}/snapshots/${s.id}.json`, {
      headers: { authorization: "Bearer test-token" },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(JSON.parse(await ok.text()).programs.map((p: any) => p.status)).toContain("DRAFT");
    mockTokenCurator = { ...viewer, active: false } as Curator;
    expect(
      (await fetch(`${server.base}/snapshots/${s.id}.json`, { headers: { authorization: "Bearer test-token" } }))
        .status,
    ).toBe(401);
  });

  it("keeps a snapshot when its creator's account is removed", async () => {
    const s = await create("kept");
    await server.ds.getRepository(Curator).delete({ id: editor.id });
    const found = expectData(
      await server.exec(`query($id: ID!) { snapshot(id: $id) { label createdBy { email } } }`, { id: s.id }, viewer),
    ).snapshot;
    expect(found).toEqual({ label: "kept", createdBy: null });
  });

  it("a failed snapshot leaves no files, no content and no row (last: it breaks the schema)", async () => {
    await server.ds.query(`DROP TABLE "program_specialties"`);
    const result = await server.exec(CREATE, { label: "doomed" }, editor);
    expectError(result, "INTERNAL_SERVER_ERROR", ["createSnapshot"]);
    expect(JSON.stringify(result.errors)).not.toMatch(/program_specialties|SELECT|snapshot-/);
    expect(fs.readdirSync(snapshotDir)).toEqual([]);
    expect(scratchFolders()).toEqual([]);
    expect(await chunks()).toEqual([]);
    expect(expectData(await server.exec(`{ snapshots { totalCount } }`, {}, viewer)).snapshots.totalCount).toBe(0);
  });
});
