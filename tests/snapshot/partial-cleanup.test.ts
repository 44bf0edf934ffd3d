import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { createTestServer } from "../support/server";
import { tempDir } from "./helpers";

// A createSnapshot killed mid-export (kill -9) left its .partial files in SNAPSHOT_DIR (earlier
// versions) or leaves its scratch folder in the system's temporary folder (this one); nothing else
// would ever remove them. The server removes them when it starts, and says so.

describe("unfinished snapshot files", () => {
  const dir = tempDir("snapshot-partials-");
  const leftovers = [
    "snapshot-20240101T000000Z-0a1b2c3d.json.partial",
    "snapshot-20240101T000000Z-0a1b2c3d.ndjson.partial",
  ];
  // A finished pair and a file someone else put there stay.
  const kept = [
    "snapshot-20231231T000000Z-99999999.json",
    "snapshot-20231231T000000Z-99999999.ndjson",
    "README.partial",
  ];
  const logged: string[] = [];

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("are removed at start-up and logged at info; finished snapshots stay and new ones still work", async () => {
    for (const name of [...leftovers, ...kept]) fs.writeFileSync(path.join(dir, name), "{");
    const previousLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "info";
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    let server: Awaited<ReturnType<typeof createTestServer>>;
    try {
      server = await createTestServer({ SNAPSHOT_DIR: dir });
    } finally {
      spy.mockRestore();
      if (previousLevel === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previousLevel;
    }
    try {
      expect(fs.readdirSync(dir).sort()).toEqual([...kept].sort());
      const line = logged.find((l) => l.includes("removed unfinished snapshot files"));
      expect(line).toMatch(/ INFO /);
      expect(line).toContain("count=2");
      for (const name of leftovers) expect(line).toContain(name);

      const editor = await factories(server.ds).curator({ role: CuratorRole.EDITOR });
      const created = expectData(
        await server.exec(`mutation { createSnapshot(label: "after") { id jsonBytes } }`, {}, editor),
      ).createSnapshot;
      expect(created.jsonBytes).toBeGreaterThan(0);
      expect(fs.readdirSync(dir).filter((n) => n.endsWith(".partial") && n !== "README.partial")).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("scratch folders of exports whose process is gone are removed at start-up; a running process's stay", async () => {
    // The id of a process that has just ended.
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const folder = (pid: number, tag: string) => path.join(os.tmpdir(), `directory-snapshot-${pid}-${tag}`);
    const abandoned = folder(gone, "abc123");
    const running = [folder(process.pid, "own456"), folder(process.ppid, "par789")];
    for (const f of [abandoned, ...running]) {
      fs.mkdirSync(f);
      fs.writeFileSync(path.join(f, "snapshot.json"), "{");
    }
    const server = await createTestServer({ SNAPSHOT_DIR: dir });
    try {
      expect(fs.existsSync(abandoned)).toBe(false);
      for (const f of running) expect(fs.existsSync(f)).toBe(true);
    } finally {
      for (const f of [abandoned, ...running]) fs.rmSync(f, { recursive: true, force: true });
      await server.close();
    }
  });
});
