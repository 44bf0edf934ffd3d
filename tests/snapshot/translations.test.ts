/**
 * Snapshots carry both languages: the French text and its two dates go out and come back in every
 * format (so a stale translation is still stale after a round trip), and a diff, or an import's
 * plan, names a change of translation like any other field change.
 */
import fs from "node:fs";
import path from "node:path";
import { isTranslationStale } from "../../server/src/core/translation";
import { Institution } from "../../server/src/modules/institution/institution.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { diffSnapshotFiles } from "../../server/src/modules/snapshot/diff-files";
import { resetDatabase } from "../support/db";
import { factories } from "../support/factories";
import { exportTo, importFrom, openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

const FORMATS = ["json", "ndjson", "csv"] as const;
const TRANSLATED = new Date("2026-01-10T08:00:00.000Z");
const SOURCE_CHANGED = new Date("2026-02-01T12:30:00.000Z");

describe("snapshots in English and French", () => {
  let source: SnapshotTestDb;
  let target: SnapshotTestDb;
  let dir: string;
  beforeAll(async () => {
    [source, target] = [await openTestDb(), await openTestDb()];
    dir = tempDir("snapshot-fr-");
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await resetDatabase(source.ds);
    await resetDatabase(target.ds);
    const f = factories(source.ds);
    const mcgill = await f.institution({ slug: "mcgill", name: "McGill University", nameFr: "Université McGill" });
    await f.program({
      slug: "family-medicine",
      title: "Family medicine residency",
      titleFr: "Résidence en médecine familiale",
      description: "Three years.",
      descriptionFr: 'Trois ans; « en français », avec des virgules, et des guillemets "doubles".',
      institutionId: mcgill.id,
      translationUpdatedAt: TRANSLATED,
      sourceTextUpdatedAt: SOURCE_CHANGED,
    });
    await f.requirement({ code: "MCCQE_1", name: "MCCQE Part I", nameFr: "EACMC partie I" });
    await f.pathway({ slug: "carms", name: "CaRMS", nameFr: "Service canadien de jumelage des résidents" });
  });

  it.each(FORMATS)("round trip keeps every French text and date, so staleness too (%s)", async (format) => {
    const file = path.join(dir, `fr.${format}`);
    const { meta } = await exportTo(source.ds, format, file, true);
    await importFrom(target.ds, file, "replace");
    const program = await target.ds.getRepository(Program).findOneByOrFail({ slug: "family-medicine" });
    expect(program).toMatchObject({
      titleFr: "Résidence en médecine familiale",
      descriptionFr: 'Trois ans; « en français », avec des virgules, et des guillemets "doubles".',
      translationUpdatedAt: TRANSLATED,
      sourceTextUpdatedAt: SOURCE_CHANGED,
    });
    expect(isTranslationStale(program)).toBe(true);
    expect((await target.ds.getRepository(Institution).findOneByOrFail({ slug: "mcgill" })).nameFr).toBe(
      "Université McGill",
    );
    const again = await exportTo(target.ds, format, path.join(dir, `fr-again.${format}`), true);
    expect(again.meta.sha256).toBe(meta.sha256);
  });

  it("a diff and an import plan show a translation change field by field", async () => {
    const before = path.join(dir, "before.json");
    await exportTo(source.ds, "json", before, true);
    await importFrom(target.ds, before, "replace");

    const checked = new Date("2026-03-03T03:03:03.000Z");
    await source.ds
      .getRepository(Program)
      .update(
        { slug: "family-medicine" },
        { titleFr: "Résidence de médecine familiale", translationUpdatedAt: checked },
      );
    await source.ds.getRepository(Institution).update({ slug: "mcgill" }, { nameFr: null });
    const after = path.join(dir, "after.json");
    await exportTo(source.ds, "json", after, true);

    const expected = [
      {
        entity: "institutions",
        changed: [{ key: "mcgill", changes: [{ field: "nameFr", from: "Université McGill", to: null }] }],
      },
      {
        entity: "programs",
        changed: [
          {
            key: "family-medicine",
            changes: [
              { field: "titleFr", from: "Résidence en médecine familiale", to: "Résidence de médecine familiale" },
              { field: "translationUpdatedAt", from: TRANSLATED.toISOString(), to: checked.toISOString() },
            ],
          },
        ],
      },
    ];
    const { diff } = await diffSnapshotFiles(before, after);
    expect(diff.identical).toBe(false);
    expect(diff.entities.filter((e) => e.changed.length > 0)).toMatchObject(expected);

    const plan = await importFrom(target.ds, after, "merge", { dryRun: true });
    expect(plan.diff.entities.filter((e) => e.changed.length > 0)).toMatchObject(expected);
    await importFrom(target.ds, after, "merge");
    const program = await target.ds.getRepository(Program).findOneByOrFail({ slug: "family-medicine" });
    expect(program.titleFr).toBe("Résidence de médecine familiale");
    expect(isTranslationStale(program)).toBe(false);
  });
});
