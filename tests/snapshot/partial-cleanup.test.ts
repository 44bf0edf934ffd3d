import fs from "node:fs";
import path from "node:path";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { createTestServer } from "../support/server";
import { tempDir } from "./helpers";

// A createSnapshot killed mid-export (kill -9) leaves its .partial files in SNAPSHOT_DIR; nothing in
// the old code ever removed them. The server now removes them when it starts, and says so.

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
});
