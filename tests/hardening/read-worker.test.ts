import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { deserialize } from "node:v8";
import type { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { SqliteReadWorker } from "../../server/src/core/sqlite-read-worker";

/**
 * A statement that runs far past the timeouts below (0.5–2 s) but ends: a stopped worker's thread
 * cannot leave SQLite's native loop until its statement does, and one left counting to a billion
 * kept this test's Jest worker from exiting.
 */
const LONG = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) SELECT COUNT(*) AS c FROM n`;

let dir: string;
let file: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-worker-"));
  file = path.join(dir, "db.sqlite");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b')");
  db.exec(
    "CREATE TABLE many (id INTEGER PRIMARY KEY); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5001) INSERT INTO many SELECT i FROM n",
  );
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the SQLite read worker", () => {
  it("answers reads, refuses writes", async () => {
    const worker = new SqliteReadWorker({ path: file, statementTimeoutMs: 10_000, maxQueued: 8, busyTimeoutMs: 50 });
    try {
      expect(await worker.all("SELECT name FROM t WHERE id = ?", [2])).toEqual([{ name: "b" }]);
      await expect(worker.all("DELETE FROM t", [])).rejects.toMatchObject({
        code: expect.stringMatching(/^SQLITE_READONLY/),
      });
    } finally {
      await worker.close();
    }
  });

  it("hands a large result over in slices of at most 2,000 rows, whole and in order", async () => {
    const worker = new SqliteReadWorker({ path: file, statementTimeoutMs: 10_000, maxQueued: 8, busyTimeoutMs: 50 });
    try {
      await worker.all("SELECT 1", []);
      const sizes: number[] = [];
      (worker as unknown as { worker: Worker }).worker.on("message", (m: { slices?: ArrayBuffer[] }) => {
        for (const slice of m.slices ?? []) sizes.push((deserialize(new Uint8Array(slice)) as unknown[]).length);
      });
      const rows = (await worker.all("SELECT id FROM many ORDER BY id", [])) as { id: number }[];
      expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 5001 }, (_, i) => i + 1));
      expect(sizes).toEqual([2000, 2000, 1001]);
      expect(await worker.all("SELECT name FROM t WHERE id = ?", [1])).toEqual([{ name: "a" }]);
    } finally {
      await worker.close();
    }
  });

  it("stops a statement that outlasts its timeout with UNAVAILABLE and keeps answering the next ones", async () => {
    const threads = () => process.getActiveResourcesInfo().filter((r) => r === "MessagePort").length;
    const before = threads();
    const worker = new SqliteReadWorker({ path: file, statementTimeoutMs: 200, maxQueued: 8, busyTimeoutMs: 50 });
    try {
      const slow = worker.all(LONG, []);
      const next = worker.all("SELECT COUNT(*) AS c FROM t", []);
      await expect(slow).rejects.toMatchObject({ extensions: { code: "UNAVAILABLE" } });
      expect(await next).toEqual([{ c: 2 }]);
    } finally {
      await worker.close();
    }
    // The stopped worker ran on until its statement ended; closing waited for it: no thread is left behind.
    expect(threads()).toBe(before);
  });

  it("refuses statements beyond its queue at once with UNAVAILABLE and a Retry-After", async () => {
    const worker = new SqliteReadWorker({ path: file, statementTimeoutMs: 60_000, maxQueued: 1, busyTimeoutMs: 50 });
    try {
      const running = worker.all(LONG, []).catch((e: unknown) => e);
      const queued = worker.all("SELECT 1", []).catch((e: unknown) => e);
      await expect(worker.all("SELECT 1", [])).rejects.toMatchObject({
        extensions: { code: "UNAVAILABLE", retryAfterSeconds: 5 },
      });
      await worker.close();
      expect(await running).toBeInstanceOf(Error);
      expect(await queued).toBeInstanceOf(Error);
    } finally {
      await worker.close();
    }
  });

  it("takes a light read only while it holds no heavy read and fewer than two light ones", async () => {
    const worker = new SqliteReadWorker({ path: file, statementTimeoutMs: 60_000, maxQueued: 8, busyTimeoutMs: 50 });
    try {
      expect(worker.takesLightRead()).toBe(true);
      const light = worker.all("SELECT name FROM t WHERE id = ?", [1], true);
      expect(worker.takesLightRead()).toBe(true);
      const second = worker.all("SELECT name FROM t WHERE id = ?", [2], true);
      expect(worker.takesLightRead()).toBe(false); // two light reads held: a third runs on the event loop
      expect([await light, await second]).toEqual([[{ name: "a" }], [{ name: "b" }]]);
      expect(worker.takesLightRead()).toBe(true);
      const heavy = worker.all(LONG, []);
      expect(worker.takesLightRead()).toBe(false); // never behind a heavy read
      expect(await heavy).toEqual([{ c: 5000000 }]);
      expect(worker.takesLightRead()).toBe(true);
    } finally {
      await worker.close();
    }
    expect(worker.takesLightRead()).toBe(false); // closed
  });
});
