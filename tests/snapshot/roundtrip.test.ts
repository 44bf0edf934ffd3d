import fs from "node:fs";
import path from "node:path";
import { hashDocument, stableStringify } from "../../server/src/modules/snapshot/canonical-hash";
import { loadSnapshot } from "../../server/src/modules/snapshot/read";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { resetDatabase } from "../support/db";
import { buildRichDirectory, FILLED_PATHWAY_DESCRIPTION, FILLED_SOURCE_NOTE, fillBlankText } from "./fixtures";
import { dumpTables, exportTo, importFrom, openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

const FORMATS = ["json", "ndjson", "csv"] as const;

describe("snapshot round trip", () => {
  let source: SnapshotTestDb;
  let target: SnapshotTestDb;
  let dir: string;
  beforeAll(async () => {
    [source, target] = [await openTestDb(), await openTestDb()];
    dir = tempDir();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await resetDatabase(source.ds);
    await resetDatabase(target.ds);
  });

  it.each(FORMATS)(
    "sample directory: export → import into an empty database → export gives the same sha256 (%s)",
    async (format) => {
      await seedSampleDirectory(source.ds);
      const first = path.join(dir, `sample-first.${format}`);
      const { meta } = await exportTo(source.ds, format, first);
      expect(meta.counts).toEqual({ institutions: 7, programs: 19, requirements: 9, specialties: 6, pathways: 5 });

      const result = await importFrom(target.ds, first, "replace");
      expect(result.diff.entities.find((e) => e.entity === "programs")!.added).toHaveLength(19);
      const second = path.join(dir, `sample-second.${format}`);
      const again = await exportTo(target.ds, format, second);
      expect(again.meta.sha256).toBe(meta.sha256);
      expect(again.meta.counts).toEqual(meta.counts);

      // Loading the same file again is a no-op: nothing written, not even a version bump.
      const before = await dumpTables(target.ds);
      const noop = await importFrom(target.ds, second, "replace");
      expect(noop.diff.identical).toBe(true);
      expect(await dumpTables(target.ds)).toEqual(before);
    },
  );

  it.each(FORMATS)("every kind of value survives, drafts included (%s)", async (format) => {
    await buildRichDirectory(source.ds);
    await fillBlankText(source.ds); // blank text is refused on import as by the API (tests/snapshot/import-rules.test.ts)
    const file = path.join(dir, `rich.${format}`);
    const { meta } = await exportTo(source.ds, format, file, true);
    expect(meta.includeDrafts).toBe(true);
    expect(meta.counts).toEqual({ institutions: 2, programs: 4, requirements: 3, specialties: 3, pathways: 1 });
    await importFrom(target.ds, file, "replace");
    const again = await exportTo(target.ds, "json", path.join(dir, `rich-again-${format}.json`), true);
    expect(again.meta.sha256).toBe(meta.sha256);

    const { doc } = await loadSnapshot(path.join(dir, `rich-again-${format}.json`));
    const program = doc.programs.find((p) => p.slug === "rich-fellowship")!;
    expect(program).toMatchObject({
      institution: "rich-clinic",
      pathway: "rich-pathway",
      specialties: ["rich-cardiology", "rich-surgery"],
      requirements: [
        { code: "RICH_CERT", level: "RECOMMENDED", minimumScore: null, note: "some programs, not all" },
        { code: "RICH_EXAM", level: "REQUIRED", minimumScore: 230, note: null },
      ],
      handsOnPatientCare: true,
      visaSponsorship: false,
      imgPositions: 0,
      applicationOpensOn: "2026-03-01",
      applicationClosesOn: "2026-09-30",
      lastVerifiedAt: "2025-12-24T08:30:00.000Z",
      sourceNote: FILLED_SOURCE_NOTE,
      status: "PUBLISHED",
    });
    expect(program.description).toContain("\n");
    expect(doc.pathways[0]).toMatchObject({
      description: FILLED_PATHWAY_DESCRIPTION,
      requirements: [{ code: "RICH_EXAM", level: "REQUIRED" }],
    });
  });

  it("a published-only export holds published programs and what they refer to, and nothing else", async () => {
    await buildRichDirectory(source.ds);
    const file = path.join(dir, "published.json");
    const { meta } = await exportTo(source.ds, "json", file);
    const { doc } = await loadSnapshot(file, { directoryRules: false }); // read, not imported
    expect(meta.includeDrafts).toBe(false);
    expect(doc.programs.map((p) => p.slug)).toEqual(["rich-closed-observership", "rich-fellowship"]);
    // The archived institution stays because a published program still names it.
    expect(doc.institutions.map((i) => i.slug)).toEqual(["rich-clinic", "rich-closed-hospital"]);
    // Only the draft program used OLD_EXAM; nobody uses the retired specialty.
    expect(doc.requirements.map((r) => r.code)).toEqual(["RICH_CERT", "RICH_EXAM"]);
    expect(doc.specialties.map((s) => s.slug)).toEqual(["rich-cardiology", "rich-surgery"]);
  });

  it("two exports of the same data hash the same; the hash is the documented canonical form", async () => {
    await buildRichDirectory(source.ds);
    const a = await exportTo(source.ds, "json", path.join(dir, "a.json"));
    await new Promise((r) => setTimeout(r, 5));
    const b = await exportTo(source.ds, "ndjson", path.join(dir, "b.ndjson"));
    expect(b.meta.createdAt).not.toBe(a.meta.createdAt);
    expect(b.meta.sha256).toBe(a.meta.sha256);

    const { doc } = await loadSnapshot(path.join(dir, "a.json"), { directoryRules: false }); // read, not imported
    const { meta: _meta, ...content } = doc;
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(stableStringify(content)).digest("hex")).toBe(a.meta.sha256);
    expect(hashDocument(doc)).toBe(a.meta.sha256);

    // Any change to the data changes the hash.
    await source.ds.query(`UPDATE "institutions" SET "city" = 'Rochester, MN' WHERE "slug" = 'rich-clinic'`);
    const c = await exportTo(source.ds, "json", path.join(dir, "c.json"));
    expect(c.meta.sha256).not.toBe(a.meta.sha256);
  });

  it("a failed export leaves no file behind", async () => {
    const out = path.join(dir, "missing-folder", "x.json");
    await expect(exportTo(source.ds, "json", out)).rejects.toThrow(/does not exist/);
    await buildRichDirectory(source.ds);
    await source.ds.query(`DROP TABLE "program_specialties"`); // last test of the file: the schema stays broken
    const broken = path.join(dir, "broken.json");
    // better-sqlite3's error class may come from another test file's realm under Jest, so match the message.
    await expect(exportTo(source.ds, "json", broken)).rejects.toMatchObject({
      message: expect.stringMatching(/program_specialties/),
    });
    expect(fs.existsSync(broken)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
  });
});
