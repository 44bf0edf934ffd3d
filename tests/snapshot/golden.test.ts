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
 * is meant to change, with a new schemaVersion).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { DataSource } from "typeorm";
import { exportToPath, type ExportFormat } from "../../server/src/modules/snapshot/export-files";
import { canonicalRecord, RecordEncoder, stableStringify } from "../../server/src/modules/snapshot/canonical-hash";
import { RecordBuilder } from "../../server/src/modules/snapshot/directory-records";
import { openSnapshotReader } from "../../server/src/modules/snapshot/snapshot-reader";
import { FIELDS, FILE_ORDER, toRecord, type SnapshotRecord } from "../../server/src/modules/snapshot/snapshot.format";
import { generateSynthetic } from "../../server/src/modules/synthetic/generator";
import { seedSampleDirectory } from "../../server/src/seed/seed";
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
  return Object.fromEntries(fs.readdirSync(out).sort().map((f) => [f, sha(path.join(out, f))]));
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
          const rows = Object.fromEntries(FILE_ORDER.map((e) => [e, (parse(fs.readFileSync(path.join(out, `${e}.csv`)), { columns: true }) as unknown[]).length]));
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
          for (const values of chunk) {
            const record = toRecord(entity, values);
            encoder.encode(entity, values, true);
            expect(encoder.json).toBe(JSON.stringify(record));
            expect(encoder.canonical).toBe(stableStringify(canonicalRecord(entity, record)));
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
    const program: SnapshotRecord = Object.fromEntries(FIELDS.programs.map((f) => [f, f === "slug" ? "p" : (lists[f] ?? null)]));
    const values = FIELDS.programs.map((f) => program[f]);
    encoder.encode("programs", values, true);
    expect(encoder.json).toBe(JSON.stringify(program));
    expect(encoder.canonical).toBe(stableStringify(canonicalRecord("programs", program)));
    expect(encoder.canonical).toContain('"specialties":["a","b","\uFFFD","\u{1F600}"]');
    expect(() => encoder.encode("programs", values.map((v, i) => (FIELDS.programs[i] === "title" ? undefined : v)), true)).toThrow(/programs record without title/);
  });

  it("the sample directory with every awkward value", async () => {
    const db: SnapshotTestDb = await openTestDb();
    try {
      await seedSampleDirectory(db.ds);
      await buildRichDirectory(db.ds);
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
