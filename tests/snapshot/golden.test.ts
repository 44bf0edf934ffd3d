/**
 * Exports must stay byte for byte what they were: the files below were written by the two-pass
 * export (commit 8235df0, before the single-pass rewrite; CSV after the fix of its writer, which
 * lost the last rows of a file there) and are the reference for every format,
 * both scopes and both databases. A change to the bytes of a JSON, NDJSON or CSV export, or to
 * the content hash, fails here.
 *
 * - `golden/rich.json` is the whole JSON export (drafts included) of the sample directory plus the
 *   awkward-values fixture, readable when a difference has to be found;
 * - `golden/manifest.json` holds the sha256 of every file of every export: the sample directory
 *   plus the fixture, and a synthetic directory (seed 7) exported in chunks of 7 records so that
 *   chunk boundaries fall everywhere.
 *
 * `UPDATE_GOLDEN=1 npx jest tests/snapshot/golden.test.ts` rewrites them (only when the format
 * is meant to change: with a new schemaVersion when files of the old format no longer load; a
 * field that older files lack and that hashes only when set, such as programs' websiteUrl and
 * applicationUrl, keeps the version: tests/snapshot/legacy.test.ts loads such files).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { DataSource } from "typeorm";
import { exportToPath, type ExportFormat } from "../../server/src/modules/snapshot/export-files";
import { ScoreKind } from "../../server/src/modules/requirement/score-kind";
import { RequirementLevel } from "../../server/src/core/enums";
import { PathwayRequirement } from "../../server/src/modules/pathway/pathway-requirement.entity";
import { ProgramRequirement } from "../../server/src/modules/program/program-requirement.entity";
import { Requirement, RequirementKind } from "../../server/src/modules/requirement/requirement.entity";
import {
  canonicalRecord,
  compareKeys,
  hashDocument,
  RecordEncoder,
  stableStringify,
} from "../../server/src/modules/snapshot/canonical-hash";
import { RecordBuilder } from "../../server/src/modules/snapshot/directory-records";
import { openSnapshotReader } from "../../server/src/modules/snapshot/snapshot-reader";
import { FIELDS, FILE_ORDER, type SnapshotRecord } from "../../server/src/modules/snapshot/snapshot.format";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { testDialect } from "../support/db";
import { buildRichDirectory } from "./fixtures";
import { openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

const GOLDEN = path.join(__dirname, "golden");
const MANIFEST = path.join(GOLDEN, "manifest.json");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const NOW = new Date("2026-01-02T03:04:05.678Z");
const FORMATS: ExportFormat[] = ["json", "ndjson", "csv"];

type Manifest = Record<string, Record<string, string>>;

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** sha256 of each file the export wrote (one file, or each file of a CSV folder). */
function fileHashes(out: string): Record<string, string> {
  if (!fs.statSync(out).isDirectory()) return { [path.basename(out).replace(/^[^.]*/, "file")]: sha(out) };
  return Object.fromEntries(
    fs
      .readdirSync(out)
      .sort()
      .map((f) => [f, sha(path.join(out, f))]),
  );
}

describe("exports are byte-identical to the reference files", () => {
  const actual: Manifest = {};
  let dir: string;
  const expected: Manifest = UPDATE ? {} : JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  beforeAll(() => {
    dir = tempDir("snapshot-golden-");
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (UPDATE) fs.writeFileSync(MANIFEST, `${JSON.stringify({ ...expected, ...actual }, null, 2)}\n`);
  });

  async function check(ds: DataSource, name: string, chunkSize?: number): Promise<void> {
    for (const includeDrafts of [false, true]) {
      for (const format of FORMATS) {
        const key = `${name}/${includeDrafts ? "drafts" : "published"}/${format}`;
        const out = path.join(dir, `${name}-${includeDrafts}.${format === "csv" ? "csv.d" : format}`);
        const { meta } = await exportToPath(ds, { format, out, includeDrafts, now: NOW, chunkSize });
        actual[key] = fileHashes(out);
        if (format === "csv") {
          // Every record reached its file (the CSV writer once ended a file before the stringifier had flushed into it).
          const rows = Object.fromEntries(
            FILE_ORDER.map((e) => [
              e,
              (parse(fs.readFileSync(path.join(out, `${e}.csv`)), { columns: true }) as unknown[]).length,
            ]),
          );
          expect(rows).toEqual(meta.counts);
        }
        if (name === "rich" && includeDrafts && format === "json") {
          if (UPDATE) fs.copyFileSync(out, path.join(GOLDEN, "rich.json"));
          expect(fs.readFileSync(out, "utf8")).toBe(fs.readFileSync(path.join(GOLDEN, "rich.json"), "utf8"));
        }
        if (!UPDATE) expect({ [key]: actual[key] }).toEqual({ [key]: expected[key] });
      }
    }
  }

  /** The encoder's two texts are JSON.stringify and stableStringify(canonicalRecord) for every record the export builds. */
  async function checkEncoder(ds: DataSource, includeDrafts: boolean): Promise<number> {
    const reader = await openSnapshotReader(ds);
    const encoder = new RecordEncoder();
    let n = 0;
    try {
      for (const entity of FILE_ORDER) {
        for await (const chunk of new RecordBuilder(ds, reader, includeDrafts).records(entity, 5)) {
          for (const record of chunk) {
            expect(Object.keys(record)).toEqual(FIELDS[entity]);
            encoder.encode(entity, record, true);
            expect(encoder.json).toBe(JSON.stringify(record));
            // Plain JSON values (link lists arrive as JsonText): what import and diff hash.
            const plain = JSON.parse(JSON.stringify(record));
            expect(encoder.canonical).toBe(stableStringify(canonicalRecord(entity, plain)));
            n++;
          }
        }
      }
    } finally {
      await reader.close();
    }
    return n;
  }

  it("the encoder sorts lists that do not come sorted, as the canonical form does", () => {
    const encoder = new RecordEncoder();
    const lists: SnapshotRecord = {
      specialties: ["b", "a", "\u{1F600}", "\uFFFD"],
      requirements: [
        { code: "Z", level: "REQUIRED", minimumScore: 1, note: null },
        { code: "A", level: "RECOMMENDED", minimumScore: null, note: "n" },
      ],
    };
    const program: SnapshotRecord = Object.fromEntries(
      FIELDS.programs.map((f) => [f, f === "slug" ? "p" : (lists[f] ?? null)]),
    );
    encoder.encode("programs", program, true);
    expect(encoder.json).toBe(JSON.stringify(program));
    expect(encoder.canonical).toBe(stableStringify(canonicalRecord("programs", program)));
    expect(encoder.canonical).toContain('"specialties":["a","b","\uFFFD","\u{1F600}"]');
    // Strings are quoted without JSON.stringify when nothing needs escaping: the same text either way.
    for (const text of [
      '"',
      "\\",
      "a\nb",
      "\u0000\u001f",
      "\u007f",
      "\u2028\u2029",
      "\u{1F600}",
      "\ud800",
      "x\udc00",
      "é ✓",
      "",
      "plain",
    ]) {
      const awkward = { ...program, title: text, description: `${text}${text}`, specialties: [text] };
      encoder.encode("programs", awkward, true);
      expect(encoder.json).toBe(JSON.stringify(awkward));
      expect(encoder.canonical).toBe(stableStringify(canonicalRecord("programs", awkward)));
    }
  });

  it("link lists are written as JSON.stringify writes them, whatever their text holds", async () => {
    // On SQLite the database makes the lists' JSON (json_group_array): every control character,
    // quotes, backslashes, U+2028, DEL, non-ASCII and a lone surrogate (stored as U+FFFD) in a note.
    let every = "";
    for (let c = testDialect === "postgres" ? 1 : 0; c < 0x80; c++) every += String.fromCharCode(c); // PostgreSQL text cannot hold NUL
    const notes = [every, '\\ " \u2028\u2029 \u007f', "é ✓ \u{1F600} x\ud800y", ""];
    const db: SnapshotTestDb = await openTestDb();
    try {
      const program = (await buildRichDirectory(db.ds)).published;
      for (const [i, note] of notes.entries()) {
        const requirement = await db.ds
          .getRepository(Requirement)
          .save({ code: `NOTE_${i}`, name: `Note ${i}`, kind: RequirementKind.EXAM });
        await db.ds.getRepository(ProgramRequirement).save({
          programId: program.id,
          requirementId: requirement.id,
          level: RequirementLevel.REQUIRED,
          note,
          minimumScore: i,
        });
      }
      await db.ds.getRepository(PathwayRequirement).update({ pathwayId: program.pathwayId! }, { note: every });
      const out = path.join(dir, "notes.json");
      const { meta } = await exportToPath(db.ds, { format: "json", out, includeDrafts: true });
      const text = fs.readFileSync(out, "utf8");
      const doc = JSON.parse(text);
      // One record a line, each exactly JSON.stringify of itself.
      for (const line of text.split("\n").filter((l) => l.startsWith("    {"))) {
        const json = line.trim().replace(/,$/, "");
        expect(json).toBe(JSON.stringify(JSON.parse(json)));
      }
      const links = doc.programs.find((p: { slug: string }) => p.slug === "rich-fellowship").requirements;
      // Each note as the database gives the column back (a lone surrogate was stored as invalid UTF-8).
      const stored = (await db.ds.getRepository(ProgramRequirement).findBy({ programId: program.id })).map(
        (l) => l.note,
      );
      expect(links.map((l: { note: string | null }) => l.note).sort()).toEqual(stored.sort());
      expect(stored).toEqual(expect.arrayContaining([every, "", notes[1]]));
      expect(links.map((l: { code: string }) => l.code)).toEqual(
        [...links.map((l: { code: string }) => l.code)].sort(compareKeys),
      );
      expect(meta.sha256).toBe(hashDocument(doc));
    } finally {
      await db.close();
    }
  });

  it("the sample directory with every awkward value", async () => {
    const db: SnapshotTestDb = await openTestDb();
    try {
      await seedSampleDirectory(db.ds);
      const { published } = await buildRichDirectory(db.ds);
      // A decimal scale and minimum: the same bytes from SQLite's JSON and PostgreSQL's numeric.
      const language = await db.ds.getRepository(Requirement).save({
        code: "RICH_LANGUAGE_TEST",
        name: "Synthetic language test",
        kind: RequirementKind.LANGUAGE,
        scoreKind: ScoreKind.SCORED,
        scoreMin: 0,
        scoreMax: 9,
        scoreStep: 0.5,
      });
      await db.ds.getRepository(ProgramRequirement).save({
        programId: published.id,
        requirementId: language.id,
        level: RequirementLevel.REQUIRED,
        minimumScore: 6.5,
      });
      await check(db.ds, "rich");
      expect(await checkEncoder(db.ds, true)).toBeGreaterThan(40);
    } finally {
      await db.close();
    }
  });

  it("a synthetic directory in chunks of 7", async () => {
    const db: SnapshotTestDb = await openTestDb();
    try {
      await generateSynthetic(db.ds, { institutions: 12, programs: 150, seed: 7 });
      await check(db.ds, "synthetic", 7);
      expect(await checkEncoder(db.ds, false)).toBeGreaterThan(150);
    } finally {
      await db.close();
    }
  });
});
