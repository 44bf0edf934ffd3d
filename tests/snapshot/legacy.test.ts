/**
 * Snapshot files written before programs had `websiteUrl` and `applicationUrl` still load. The
 * files in legacy/ are the rich directory (fixtures.ts, blank text filled) as the exporter of
 * that time wrote it, byte for byte, in the three formats: their programs have neither field,
 * and their meta.sha256 was computed without them. (Its programs without a source were later given
 * the test factory's sourceNote, and the checksum recomputed, since import refuses a published
 * listing without a source; the fields added since, such as changedSinceVerified, are still absent.)
 */
import fs from "node:fs";
import path from "node:path";
import { Program } from "../../server/src/modules/program/program.entity";
import { loadSnapshot } from "../../server/src/modules/snapshot/read";
import { resetDatabase } from "../support/db";
import { buildRichDirectory, fillBlankText } from "./fixtures";
import { exportTo, importFrom, openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

const LEGACY = path.join(__dirname, "legacy");
const FILES = [
  ["json", path.join(LEGACY, "before-program-urls.json")],
  ["ndjson", path.join(LEGACY, "before-program-urls.ndjson")],
  ["csv", path.join(LEGACY, "before-program-urls.csv")],
] as const;
const LEGACY_SHA256 = "1166a59467380ecf95415e2ce79b253b852fd3d2e373b0ffc590d778e3979c75";

describe("a snapshot written before programs had web and application pages", () => {
  let target: SnapshotTestDb;
  let dir: string;
  beforeAll(async () => {
    target = await openTestDb();
    dir = tempDir();
  });
  afterAll(async () => {
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => resetDatabase(target.ds));

  it("really lacks both fields", () => {
    const doc = JSON.parse(fs.readFileSync(FILES[0][1], "utf8"));
    expect(doc.meta.sha256).toBe(LEGACY_SHA256);
    expect(doc.programs).toHaveLength(4);
    for (const p of doc.programs) expect(Object.keys(p).filter((k) => k.endsWith("Url"))).toEqual(["sourceUrl"]);
    expect(fs.readFileSync(path.join(FILES[2][1], "programs.csv"), "utf8")).not.toMatch(/websiteUrl|applicationUrl/);
  });

  it.each(FILES)("loads with its checksum, imports, and leaves both fields null (%s)", async (format, file) => {
    const loaded = await loadSnapshot(file);
    expect(loaded.checksumMatches).toBe(true);
    expect(loaded.sha256).toBe(LEGACY_SHA256);

    const result = await importFrom(target.ds, file, "replace");
    expect(result.diff.entities.find((e) => e.entity === "programs")!.added).toHaveLength(4);
    const programs = await target.ds.getRepository(Program).find({ order: { slug: "ASC" } });
    expect(programs.map((p) => [p.slug, p.websiteUrl, p.applicationUrl])).toEqual([
      ["rich-archived-program", null, null],
      ["rich-closed-observership", null, null],
      ["rich-draft-program", null, null],
      ["rich-fellowship", null, null],
    ]);

    // The same data hashes the same: a directory that uses neither field keeps its old hash.
    const again = await exportTo(target.ds, "json", path.join(dir, `again-${format}.json`), true);
    expect(again.meta.sha256).toBe(LEGACY_SHA256);
  });

  it("a URL set after the import changes the hash; cleared again, the hash is the old file's", async () => {
    await importFrom(target.ds, FILES[0][1], "replace");
    const programs = target.ds.getRepository(Program);
    await programs.update({ slug: "rich-fellowship" }, { applicationUrl: "https://example.org/apply" });
    const set = await exportTo(target.ds, "json", path.join(dir, "set.json"), true);
    expect(set.meta.sha256).not.toBe(LEGACY_SHA256);
    await programs.update({ slug: "rich-fellowship" }, { applicationUrl: null });
    const cleared = await exportTo(target.ds, "json", path.join(dir, "cleared.json"), true);
    expect(cleared.meta.sha256).toBe(LEGACY_SHA256);
  });

  it("merged over programs that have the fields, sets them to null as the file says (absent reads as null)", async () => {
    await buildRichDirectory(target.ds); // rich-fellowship has both URLs
    await fillBlankText(target.ds);
    const plan = await importFrom(target.ds, FILES[0][1], "merge", { dryRun: true });
    expect(plan.diff.entities.find((e) => e.entity === "programs")!.changed).toEqual([
      {
        key: "rich-fellowship",
        changes: [
          { field: "websiteUrl", from: "https://www.mayoclinic.org/fellowships/cardiology", to: null },
          { field: "applicationUrl", from: "https://apply.example.org/cardiology?cycle=2026&step=1", to: null },
        ],
      },
    ]);
    await importFrom(target.ds, FILES[0][1], "merge");
    const fellowship = await target.ds.getRepository(Program).findOneByOrFail({ slug: "rich-fellowship" });
    expect([fellowship.websiteUrl, fellowship.applicationUrl]).toEqual([null, null]);
  });
});
