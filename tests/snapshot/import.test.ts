import fs from "node:fs";
import path from "node:path";
import { dialectOf } from "../../server/src/core/data-source";
import { Institution } from "../../server/src/modules/institution/institution.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { resetDatabase } from "../support/db";
import {
  dumpTables,
  exportTo,
  importFrom,
  openTestDb,
  readJsonFile,
  tempDir,
  writeJsonFile,
  type SnapshotTestDb,
} from "./helpers";

describe("snapshot import", () => {
  let source: SnapshotTestDb;
  let target: SnapshotTestDb;
  let dir: string;
  let sampleJson: string;
  let sampleNdjson: string;

  beforeAll(async () => {
    [source, target] = [await openTestDb(), await openTestDb()];
    dir = tempDir();
    await seedSampleDirectory(source.ds);
    sampleJson = path.join(dir, "sample.json");
    sampleNdjson = path.join(dir, "sample.ndjson");
    await exportTo(source.ds, "json", sampleJson);
    await exportTo(source.ds, "ndjson", sampleNdjson);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await resetDatabase(target.ds);
    await seedSampleDirectory(target.ds);
  });

  /** The sample with known edits: one institution changed, one program added, one left out. */
  function editedSample(): string {
    const doc = readJsonFile(sampleJson);
    doc.institutions.find((i: any) => i.slug === "mayo-clinic").city = "Rochester, Minnesota";
    const leftOut = doc.programs.findIndex((p: any) => p.slug === "observerships-canada");
    expect(leftOut).toBeGreaterThanOrEqual(0);
    doc.programs.splice(leftOut, 1);
    doc.programs.push({
      ...doc.programs[0],
      slug: "a-new-program",
      title: "A new program",
      requirements: [],
      specialties: ["cardiology"],
    });
    return writeJsonFile(path.join(dir, "edited.json"), doc);
  }

  it("merge upserts by slug/code and keeps records the file does not hold", async () => {
    const before = await target.ds.getRepository(Institution).findOneByOrFail({ slug: "mayo-clinic" });
    const result = await importFrom(target.ds, editedSample(), "merge");
    const programs = result.diff.entities.find((e) => e.entity === "programs")!;
    expect(programs.added).toEqual(["a-new-program"]);
    expect(programs.removed).toEqual([]);
    expect(result.kept).toBe(1);
    expect(result.diff.entities.find((e) => e.entity === "institutions")!.changed).toEqual([
      { key: "mayo-clinic", changes: [{ field: "city", from: "Rochester", to: "Rochester, Minnesota" }] },
    ]);
    const after = await target.ds.getRepository(Institution).findOneByOrFail({ slug: "mayo-clinic" });
    expect(after).toMatchObject({ id: before.id, city: "Rochester, Minnesota", version: before.version + 1 });
    expect(await target.ds.getRepository(Program).countBy({ slug: "observerships-canada" })).toBe(1);
    expect(await target.ds.getRepository(Program).count()).toBe(20);
    const added = await target.ds.getRepository(Program).findOneByOrFail({ slug: "a-new-program" });
    expect(added.version).toBe(1);
  });

  it("replace makes the directory exactly the file, keeping the ids of records that stay", async () => {
    const mayo = await target.ds.getRepository(Institution).findOneByOrFail({ slug: "mayo-clinic" });
    const result = await importFrom(target.ds, editedSample(), "replace");
    expect(result.diff.entities.find((e) => e.entity === "programs")!.removed).toEqual(["observerships-canada"]);
    expect(await target.ds.getRepository(Program).countBy({ slug: "observerships-canada" })).toBe(0);
    expect(await target.ds.getRepository(Program).count()).toBe(19);
    expect((await target.ds.getRepository(Institution).findOneByOrFail({ slug: "mayo-clinic" })).id).toBe(mayo.id);
    const again = await exportTo(target.ds, "json", path.join(dir, "after-replace.json"), true);
    expect(again.meta.sha256).toBe(readJsonFile(path.join(dir, "edited.json")).meta.sha256);
  });

  it.each(["merge", "replace"] as const)("a dry run (%s) reports the plan and writes nothing", async (mode) => {
    const before = await dumpTables(target.ds);
    const result = await importFrom(target.ds, editedSample(), mode, { dryRun: true });
    expect(result.dryRun).toBe(true);
    const programs = result.diff.entities.find((e) => e.entity === "programs")!;
    expect(programs.added).toEqual(["a-new-program"]);
    expect(programs.removed).toEqual(mode === "replace" ? ["observerships-canada"] : []);
    expect(await dumpTables(target.ds)).toEqual(before);
  });

  it("a failure part-way through rolls everything back", async () => {
    await resetDatabase(target.ds);
    if (dialectOf(target.ds) === "postgres") {
      await target.ds.query(
        `CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$ LANGUAGE plpgsql`,
      );
      await target.ds.query(
        `CREATE TRIGGER boom BEFORE INSERT ON programs FOR EACH ROW WHEN (NEW.slug = 'us-residency-through-the-match') EXECUTE FUNCTION boom()`,
      );
    } else {
      await target.ds.query(
        `CREATE TRIGGER boom BEFORE INSERT ON programs WHEN NEW.slug = 'us-residency-through-the-match' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
      );
    }
    try {
      await expect(importFrom(target.ds, sampleJson, "replace")).rejects.toThrow(/boom/);
      const tables = await dumpTables(target.ds);
      for (const rows of Object.values(tables)) expect(rows).toEqual([]);
    } finally {
      await target.ds.query(`DROP TRIGGER boom${dialectOf(target.ds) === "postgres" ? " ON programs" : ""}`);
      if (dialectOf(target.ds) === "postgres") await target.ds.query(`DROP FUNCTION boom()`);
    }
  });

  describe("refuses a bad file with a message naming the place, and leaves the database untouched", () => {
    const cases: [string, () => string, RegExp][] = [
      [
        "a truncated JSON file",
        () => {
          const text = fs.readFileSync(sampleJson, "utf8");
          return write("truncated.json", text.slice(0, Math.floor(text.length / 2)));
        },
        /truncated\.json is not valid JSON: unexpected end of input at byte \d+ \(line \d+, column \d+\): the file ends early \(truncated\?\)/,
      ],
      [
        "a JSON syntax error",
        () =>
          write(
            "syntax.json",
            fs.readFileSync(sampleJson, "utf8").replace('"schemaVersion": 2,', '"schemaVersion": 2;'),
          ),
        /syntax\.json is not valid JSON: expected ',' or '}' at byte \d+ \(line 4, column 23\)/,
      ],
      [
        "an NDJSON file cut in the middle of a line",
        () => {
          const text = fs.readFileSync(sampleNdjson, "utf8");
          return write("cut.ndjson", text.slice(0, text.indexOf("\n", text.length / 2) - 10));
        },
        /cut\.ndjson: line \d+ \(byte \d+\) is not valid JSON: .* the file ends early \(truncated\?\)/,
      ],
      [
        "an NDJSON file cut at a line boundary",
        () => {
          const lines = fs.readFileSync(sampleNdjson, "utf8").split("\n");
          return write("short.ndjson", lines.slice(0, 12).join("\n") + "\n");
        },
        /short\.ndjson: meta\.counts\.programs says 19 but the file holds 4 program record\(s\) \(truncated or edited\?\)/,
      ],
      [
        "a record that breaks the schema (JSON)",
        () => {
          const doc = readJsonFile(sampleJson);
          doc.programs[3].requirements[0].level = "MANDATORY";
          return writeJsonFile(path.join(dir, "schema.json"), doc);
        },
        /schema\.json does not match the snapshot schema: program "[a-z-]+" \(programs\[3\]\): requirements\.0\.level must be equal to one of the allowed values: "REQUIRED", "COMMONLY_REQUIRED", "RECOMMENDED"/,
      ],
      [
        "a record that breaks the schema (NDJSON names the line)",
        () => {
          const lines = fs.readFileSync(sampleNdjson, "utf8").split("\n");
          lines[9] = lines[9].replace('"type":"', '"type":"X');
          return write("schema.ndjson", lines.join("\n"));
        },
        /schema\.ndjson does not match the snapshot schema: program "[a-z-]+" \(programs\[1\], line 10\): type must be equal to one of the allowed values/,
      ],
      [
        "a field the format does not know",
        () => {
          const doc = readJsonFile(sampleJson);
          doc.institutions[0].id = 42;
          return writeJsonFile(path.join(dir, "unknown-field.json"), doc);
        },
        /institution "cleveland-clinic" \(institutions\[0\]\): has a field it does not know: "id"/,
      ],
      [
        "a checksum mismatch",
        () => {
          const doc = readJsonFile(sampleJson);
          doc.institutions[0].city = "Elsewhere";
          return writeJsonFile(path.join(dir, "checksum.json"), doc, { keepMeta: true });
        },
        /checksum\.json: checksum mismatch: meta\.sha256 is [0-9a-f]{64} but the content hashes to [0-9a-f]{64}/,
      ],
      [
        "an unknown schema version",
        () => {
          const doc = readJsonFile(sampleJson);
          doc.meta.schemaVersion = 3;
          return writeJsonFile(path.join(dir, "version.json"), doc, { keepMeta: true });
        },
        /version\.json: schemaVersion 3 is not supported \(this version of the directory reads schemaVersion 1 and 2\)/,
      ],
      [
        "a dangling reference",
        () => {
          const doc = readJsonFile(sampleJson);
          doc.programs[2].institution = "nowhere-university";
          return writeJsonFile(path.join(dir, "dangling.json"), doc);
        },
        /dangling\.json: program "[a-z-]+" \(programs\[2\]\) refers to institution "nowhere-university", which the file does not hold \(a dangling reference\)/,
      ],
      [
        "a dangling requirement code in a pathway",
        () => {
          const doc = readJsonFile(sampleJson);
          doc.pathways[0].requirements.push({ code: "NO_SUCH_EXAM", level: "REQUIRED", note: null });
          return writeJsonFile(path.join(dir, "dangling-pathway.json"), doc);
        },
        /pathway "alberta-provincial-img-route" \(pathways\[0\]\) refers to requirement "NO_SUCH_EXAM", which the file does not hold/,
      ],
      [
        "a repeated slug",
        () => {
          const doc = readJsonFile(sampleJson);
          doc.specialties.push({ ...doc.specialties[0] });
          return writeJsonFile(path.join(dir, "repeat.json"), doc, { keepMeta: true });
        },
        /repeat\.json: specialty "cardiology" \(specialties\[6\]\) repeats the slug of specialties\[0\]/,
      ],
      [
        "a file that is not a snapshot",
        () => write("foreign.json", '{"hello": "world"}'),
        /foreign\.json: no meta object: this is not a directory snapshot/,
      ],
      ["an empty file", () => write("empty.json", ""), /empty\.json is empty/],
    ];

    function write(name: string, text: string): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    }

    it.each(cases)("%s", async (_name, make, message) => {
      const file = make();
      const before = await dumpTables(target.ds);
      for (const mode of ["merge", "replace"] as const) {
        await expect(importFrom(target.ds, file, mode)).rejects.toThrow(message);
      }
      expect(await dumpTables(target.ds)).toEqual(before);
    });

    it("--ignore-checksum loads a hand-edited file", async () => {
      const file = path.join(dir, "checksum.json");
      const result = await importFrom(target.ds, file, "merge", { ignoreChecksum: true });
      expect(result.diff.entities.find((e) => e.entity === "institutions")!.changed.map((c) => c.key)).toEqual([
        "cleveland-clinic",
      ]);
      expect((await target.ds.getRepository(Institution).findOneByOrFail({ slug: "cleveland-clinic" })).city).toBe(
        "Elsewhere",
      );
    });
  });
});
