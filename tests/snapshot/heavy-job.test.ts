/**
 * One heavy job per process: while a snapshot diff or import runs, another diff or import is
 * refused at once with UNAVAILABLE (retryable, retryAfterSeconds, HTTP 503 + Retry-After), and
 * works again once the first is done.
 */
import fs from "node:fs";
import path from "node:path";
import { HEAVY_JOB_RETRY_AFTER_SECONDS, runHeavyJob, runningHeavyJob } from "../../server/src/core/heavy-job";
import { UnavailableError } from "../../server/src/core/errors";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { diffSnapshotFiles } from "../../server/src/modules/snapshot/diff-files";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { loginAs, type HttpResult } from "../support/auth";
import { expectData, expectError } from "../support/errors";
import { createTestServer } from "../support/server";
import { dumpTables, exportTo, importFrom, openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

const DIFF = `query($from: ID!, $to: ID!) { snapshotDiff(from: $from, to: $to) { identical changedCount } }`;
const CREATE = `mutation($label: String!) { createSnapshot(label: $label) { id } }`;

/** The assertion helpers take Apollo's in-process results; over HTTP there are no statement counts. */
const gql = (r: HttpResult) => ({ ...r, statements: 0, sql: [] });

/** Holds the process's heavy-job slot until `release()`: a diff or import that is still running. */
function holdSlot(name: string): { release: () => void; done: Promise<void> } {
  let release!: () => void;
  const done = runHeavyJob(name, () => new Promise<void>((resolve) => (release = resolve)));
  return { release, done };
}

describe("one snapshot diff or import per process at a time", () => {
  const snapshotDir = tempDir("snapshot-heavy-");
  let server: Awaited<ReturnType<typeof createTestServer>>;
  let base: string;
  let target: SnapshotTestDb;
  let file: string;

  beforeAll(async () => {
    server = await createTestServer({ SNAPSHOT_DIR: snapshotDir });
    base = await server.listen();
    await seedSampleDirectory(server.ds);
    target = await openTestDb();
    file = path.join(snapshotDir, "sample.json");
    await exportTo(server.ds, "json", file);
  });
  afterAll(async () => {
    await server.close();
    await target.close();
    fs.rmSync(snapshotDir, { recursive: true, force: true });
  });

  it("snapshotDiff answers UNAVAILABLE (HTTP 503, Retry-After) while another heavy job runs, and works once it is done", async () => {
    const editor = await loginAs(server, base, CuratorRole.EDITOR);
    const viewer = await loginAs(server, base, CuratorRole.VIEWER);
    const a = expectData(gql(await editor.gql(CREATE, { label: "a" }))).createSnapshot.id;
    const b = expectData(gql(await editor.gql(CREATE, { label: "b" }))).createSnapshot.id;

    const slot = holdSlot("snapshot import");
    try {
      const res = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${viewer.token}` },
        body: JSON.stringify({ query: DIFF, variables: { from: a, to: b } }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(HEAVY_JOB_RETRY_AFTER_SECONDS));
      const error = expectError(
        gql({ status: res.status, ...((await res.json()) as Omit<HttpResult, "status">) }),
        "UNAVAILABLE",
        ["snapshotDiff"],
      );
      expect(error.extensions).toMatchObject({ retryAfterSeconds: HEAVY_JOB_RETRY_AFTER_SECONDS });
      expect(error.message).toMatch(/only one snapshot diff or import runs at a time/);
    } finally {
      slot.release();
      await slot.done;
    }
    expect(runningHeavyJob()).toBeNull();
    expect(expectData(gql(await viewer.gql(DIFF, { from: a, to: b }))).snapshotDiff).toEqual({
      identical: true,
      changedCount: 0,
    });
  });

  it("a second import or diff started while one runs is refused at once; the first completes", async () => {
    const before = await dumpTables(target.ds);
    const first = importFrom(target.ds, file, "replace");
    expect(runningHeavyJob()).toBe("snapshot import");
    const [second, diff] = await Promise.allSettled([
      importFrom(target.ds, file, "replace"),
      diffSnapshotFiles(file, file),
    ]);
    for (const refused of [second, diff]) {
      expect(refused.status).toBe("rejected");
      const reason = (refused as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(UnavailableError);
      expect(reason.extensions).toMatchObject({
        code: "UNAVAILABLE",
        retryAfterSeconds: HEAVY_JOB_RETRY_AFTER_SECONDS,
      });
    }
    const result = await first;
    expect(result.diff.entities.find((e) => e.entity === "programs")!.added).toHaveLength(19);
    expect(before.programs).toEqual([]);

    // The slot is free again: the same import now runs (and has nothing left to do).
    expect(runningHeavyJob()).toBeNull();
    expect((await importFrom(target.ds, file, "replace")).diff.identical).toBe(true);
    expect((await diffSnapshotFiles(file, file)).diff.identical).toBe(true);
  });

  it("a diff holds the slot while it runs, and frees it when it fails", async () => {
    const running = diffSnapshotFiles(file, file);
    expect(runningHeavyJob()).toBe("snapshot diff");
    await expect(importFrom(target.ds, file, "merge", { dryRun: true })).rejects.toBeInstanceOf(UnavailableError);
    await running;
    await expect(diffSnapshotFiles(file, path.join(snapshotDir, "missing.json"))).rejects.toThrow(
      /no such file or folder/,
    );
    expect(runningHeavyJob()).toBeNull();
  });
});
