/**
 * Snapshot files written before programs had `websiteUrl` and `applicationUrl`, and before
 * application dates were days (schemaVersion 1), still load. The files in legacy/ are the rich
 * directory (fixtures.ts, blank text filled) as the exporter of that time wrote it, byte for
 * byte, in the three formats: their programs have neither URL, hold applicationOpensAt and
 * applicationClosesAt as instants, and their meta.sha256 was computed so. Today's exporter
 * writes the same directory as schemaVersion 2, with days, and so with another hash.
 * (Its programs without a source were later given the test factory's sourceNote, and the checksum
 * recomputed, since import refuses a published listing without a source.)
 */
import fs from "node:fs";
import path from "node:path";
import { Program } from "../../server/src/modules/program/program.entity";
import { diffSnapshotFiles } from "../../server/src/modules/snapshot/diff-files";
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
/** The same directory as schemaVersion 2 files hash it (days instead of instants). */
const CURRENT_SHA256 = "0a835079bb6417adcb88a80a2d6a9d51bd147373152b2067204831150e3e1022";

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

  it("really lacks both fields, and holds instants", () => {
    const doc = JSON.parse(fs.readFileSync(FILES[0][1], "utf8"));
    expect(doc.meta.sha256).toBe(LEGACY_SHA256);
    expect(doc.meta.schemaVersion).toBe(1);
    const fellowship = doc.programs.find((p: { slug: string }) => p.slug === "rich-fellowship");
    expect([fellowship.applicationOpensAt, fellowship.applicationClosesAt]).toEqual([
      "2026-03-01T00:00:00.000Z",
      "2026-09-30T23:59:59.500Z",
    ]);
    expect(doc.programs).toHaveLength(4);
    for (const p of doc.programs) expect(Object.keys(p).filter((k) => k.endsWith("Url"))).toEqual(["sourceUrl"]);
    expect(fs.readFileSync(path.join(FILES[2][1], "programs.csv"), "utf8")).not.toMatch(/websiteUrl|applicationUrl/);
  });

  it.each(FILES)("loads with its checksum, imports days, and leaves both URLs null (%s)", async (format, file) => {
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
    // Midnight UTC keeps its day; a typed 23:59:59.5 UTC too (core/local-date.ts).
    const fellowship = programs.find((p) => p.slug === "rich-fellowship")!;
    expect([fellowship.applicationOpensOn, fellowship.applicationClosesOn]).toEqual(["2026-03-01", "2026-09-30"]);

    // Written again, it is a file of today's version, with days.
    const again = await exportTo(target.ds, "json", path.join(dir, `again-${format}.json`), true);
    expect(again.meta).toMatchObject({ schemaVersion: 2, sha256: CURRENT_SHA256 });
  });

  it.each(FILES)("compares with today's export of the same directory as identical (%s)", async (_format, file) => {
    await buildRichDirectory(target.ds);
    await fillBlankText(target.ds);
    const current = path.join(dir, "current.ndjson");
    expect((await exportTo(target.ds, "ndjson", current, true)).meta.schemaVersion).toBe(2);
    for (const [a, b] of [
      [file, current],
      [current, file],
    ]) {
      const { diff, from, to } = await diffSnapshotFiles(a, b);
      expect([from.checksumMatches, to.checksumMatches]).toEqual([true, true]);
      // Only the two URLs and the French text the old file lacks differ; the dates are the same days.
      expect(diff.entities.find((e) => e.entity === "programs")!.changed).toEqual([
        {
          key: "rich-fellowship",
          changes: [
            expect.objectContaining({ field: "websiteUrl" }),
            expect.objectContaining({ field: "applicationUrl" }),
            expect.objectContaining({ field: "titleFr" }),
            expect.objectContaining({ field: "descriptionFr" }),
            expect.objectContaining({ field: "translationUpdatedAt" }),
            expect.objectContaining({ field: "sourceTextUpdatedAt" }),
          ],
        },
      ]);
    }
  });

  it("a URL set after the import changes the hash; cleared again, the hash is what it was", async () => {
    await importFrom(target.ds, FILES[0][1], "replace");
    const programs = target.ds.getRepository(Program);
    await programs.update({ slug: "rich-fellowship" }, { applicationUrl: "https://example.org/apply" });
    const set = await exportTo(target.ds, "json", path.join(dir, "set.json"), true);
    expect(set.meta.sha256).not.toBe(CURRENT_SHA256);
    await programs.update({ slug: "rich-fellowship" }, { applicationUrl: null });
    const cleared = await exportTo(target.ds, "json", path.join(dir, "cleared.json"), true);
    expect(cleared.meta.sha256).toBe(CURRENT_SHA256);
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
          // Older than translations too: their French and its dates are absent, so null.
          { field: "titleFr", from: "Fellowship de Mayo, cardiologie", to: null },
          { field: "descriptionFr", from: "Dit « bonjour », puis s'en va; naïve café ✓", to: null },
          { field: "translationUpdatedAt", from: "2025-11-02T10:00:00.000Z", to: null },
          { field: "sourceTextUpdatedAt", from: "2025-12-01T09:15:00.250Z", to: null },
        ],
      },
    ]);
    await importFrom(target.ds, FILES[0][1], "merge");
    const fellowship = await target.ds.getRepository(Program).findOneByOrFail({ slug: "rich-fellowship" });
    expect([fellowship.websiteUrl, fellowship.applicationUrl, fellowship.titleFr]).toEqual([null, null, null]);
  });
});
