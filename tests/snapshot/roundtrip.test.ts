import fs from "node:fs";
import path from "node:path";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { dumpTables, exportTo, importFrom, openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

describe("snapshot round trip", () => {
  let source: SnapshotTestDb;
  let dir: string;
  beforeAll(async () => {
    source = await openTestDb();
    await seedSampleDirectory(source.ds);
    dir = tempDir();
  });
  afterAll(async () => {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(["json", "ndjson", "csv"] as const)("export → import into an empty database → export gives the same sha256 (%s)", async (format) => {
    const first = path.join(dir, `first.${format}`);
    const { meta } = await exportTo(source.ds, format, first);
    expect(meta.counts).toEqual({ institutions: 7, programs: 19, requirements: 9, specialties: 6, pathways: 5 });
    const target = await openTestDb();
    try {
      const result = await importFrom(target.ds, first, "replace");
      expect(result.diff.entities.find((e) => e.entity === "programs")!.added).toHaveLength(19);
      const second = path.join(dir, `second.${format}`);
      const again = await exportTo(target.ds, format, second);
      expect(again.meta.sha256).toBe(meta.sha256);
      expect(again.meta.counts).toEqual(meta.counts);
      // importing the same file again changes nothing
      const before = await dumpTables(target.ds);
      const noop = await importFrom(target.ds, second, "replace");
      expect(noop.diff.identical).toBe(true);
      expect(await dumpTables(target.ds)).toEqual(before);
    } finally {
      await target.close();
    }
  });
});
