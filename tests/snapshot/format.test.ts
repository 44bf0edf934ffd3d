import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { Country, ListingStatus, RequirementLevel } from "../../server/src/core/enums";
import { InstitutionKind } from "../../server/src/modules/institution/institution.entity";
import { PathwayKind } from "../../server/src/modules/pathway/pathway.entity";
import { Audience, ProgramType } from "../../server/src/modules/program/program.enums";
import { RequirementKind } from "../../server/src/modules/requirement/requirement.entity";
import { compareKeys } from "../../server/src/modules/snapshot/canonical-hash";
import { locateJsonError } from "../../server/src/modules/snapshot/json-locate";
import { readSnapshot } from "../../server/src/modules/snapshot/read";
import { FIELDS, FILE_ORDER } from "../../server/src/modules/snapshot/snapshot.format";
import { snapshotValidators } from "../../server/src/modules/snapshot/validate";
import snapshotSchema from "../../schema/snapshot.schema.json";
import { AWKWARD, buildRichDirectory, fillBlankText } from "./fixtures";
import { exportTo, importFrom, openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

describe("the snapshot format", () => {
  let db: SnapshotTestDb;
  let dir: string;
  beforeAll(async () => {
    db = await openTestDb();
    await buildRichDirectory(db.ds);
    dir = tempDir();
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe.each([false, true])(
    "every export validates against schema/snapshot.schema.json (includeDrafts %s)",
    (includeDrafts) => {
      const { document, line, meta } = snapshotValidators();

      it("JSON: the whole document", async () => {
        const file = path.join(dir, `v-${includeDrafts}.json`);
        await exportTo(db.ds, "json", file, includeDrafts);
        const doc = JSON.parse(fs.readFileSync(file, "utf8"));
        expect(document(doc)).toBe(true);
        expect(Object.keys(doc)).toEqual([
          "meta",
          "institutions",
          "programs",
          "requirements",
          "specialties",
          "pathways",
        ]);
        // Never a database id, anywhere.
        expect(fs.readFileSync(file, "utf8")).not.toMatch(
          /"(id|institutionId|pathwayId|requirementId|specialtyId|verifiedById)":/,
        );
      });

      it("NDJSON: every line, meta first", async () => {
        const file = path.join(dir, `v-${includeDrafts}.ndjson`);
        const { meta: written } = await exportTo(db.ds, "ndjson", file, includeDrafts);
        const lines = fs
          .readFileSync(file, "utf8")
          .trimEnd()
          .split("\n")
          .map((l) => JSON.parse(l));
        expect(lines[0]).toEqual({ kind: "meta", meta: written });
        for (const l of lines) expect(line(l) ? true : line.errors).toBe(true);
        const total = Object.values(written.counts).reduce((a, b) => a + b, 0);
        expect(lines).toHaveLength(1 + total);
      });

      it("CSV: meta.json, and every file read back as records", async () => {
        const folder = path.join(dir, `v-${includeDrafts}-csv`);
        await exportTo(db.ds, "csv", folder, includeDrafts);
        expect(fs.readdirSync(folder).sort()).toEqual([
          "institutions.csv",
          "meta.json",
          "pathways.csv",
          "programs.csv",
          "requirements.csv",
          "specialties.csv",
        ]);
        expect(meta(JSON.parse(fs.readFileSync(path.join(folder, "meta.json"), "utf8")))).toBe(true);
        const parsed = await readSnapshot(folder);
        expect(document(parsed.doc) ? true : document.errors).toBe(true);
        for (const entity of FILE_ORDER) {
          const header = fs.readFileSync(path.join(folder, `${entity}.csv`), "utf8").split("\r\n")[0];
          expect(header).toBe(FIELDS[entity].join(","));
        }
      });
    },
  );

  it("the schema's enums are the entities' enums", () => {
    const defs = (snapshotSchema as any).$defs;
    const values = (e: object) => Object.values(e);
    expect(defs.institution.properties.kind.enum).toEqual(values(InstitutionKind));
    expect(defs.country.enum).toEqual(values(Country));
    expect(defs.program.properties.type.enum).toEqual(values(ProgramType));
    expect(defs.program.properties.audience.enum).toEqual(values(Audience));
    expect(defs.program.properties.status.enum).toEqual(values(ListingStatus));
    expect(defs.requirement.properties.kind.enum).toEqual(values(RequirementKind));
    expect(defs.pathway.properties.kind.enum).toEqual(values(PathwayKind));
    expect(defs.level.enum).toEqual(values(RequirementLevel));
    for (const entity of FILE_ORDER) {
      const def =
        defs[
          {
            institutions: "institution",
            programs: "program",
            requirements: "requirement",
            specialties: "specialty",
            pathways: "pathway",
          }[entity]
        ];
      expect(Object.keys(def.properties)).toEqual([...FIELDS[entity]]);
    }
  });

  describe("CSV", () => {
    it("quotes commas, quotes and newlines (RFC 4180) and reads them back exactly", async () => {
      const folder = path.join(dir, "quoting-csv");
      await exportTo(db.ds, "csv", folder, true);
      const raw = fs.readFileSync(path.join(folder, "programs.csv"), "utf8");
      // A quote is doubled and the whole cell quoted; the newline stays inside the quotes.
      expect(raw).toContain(`"${AWKWARD.replace(/"/g, '""')}"`);
      expect(raw).toContain('"https://example.org/source?a=1,b=2"');
      const institutions = fs.readFileSync(path.join(folder, "institutions.csv"), "utf8");
      expect(institutions).toContain('"The ""Closed"" Hospital, Inc."');

      // Any RFC 4180 reader gets the values back.
      const rows = parse(raw, { columns: true }) as Record<string, string>[];
      const mayo = rows.find((r) => r.slug === "rich-fellowship")!;
      expect(mayo.description).toBe(AWKWARD);
      expect(mayo.specialties).toBe("rich-cardiology;rich-surgery");
      expect(JSON.parse(mayo.requirements)).toEqual([
        { code: "RICH_CERT", level: "RECOMMENDED", minimumScore: null, note: "some programs, not all" },
        { code: "RICH_EXAM", level: "REQUIRED", minimumScore: 230, note: null },
      ]);
      expect([mayo.handsOnPatientCare, mayo.visaSponsorship, mayo.imgPositions]).toEqual(["true", "false", "0"]);

      // Empty string and null stay apart: "" versus an empty cell.
      expect(raw).toContain(
        ',"https://example.org/source?a=1,b=2","",2025-12-24T08:30:00.000Z,' +
          "https://www.mayoclinic.org/fellowships/cardiology,https://apply.example.org/cardiology?cycle=2026&step=1," +
          '"Fellowship de Mayo, cardiologie","Dit « bonjour », puis s\'en va; naïve café ✓",' +
          "2025-11-02T10:00:00.000Z,2025-12-01T09:15:00.250Z,,,,,,,,false\r\n",
      );
      const parsed = await readSnapshot(folder);
      const program = (parsed.doc.programs as any[]).find((p) => p.slug === "rich-fellowship");
      expect(program.sourceNote).toBe("");
      expect(program.region).toBeNull();
      expect(program.applicationUrl).toBe("https://apply.example.org/cardiology?cycle=2026&step=1");
      expect(program.titleFr).toBe("Fellowship de Mayo, cardiologie");
      expect(program.sourceTextUpdatedAt).toBe("2025-12-01T09:15:00.250Z");
    });

    it("a CSV folder imports like the other formats", async () => {
      const target = await openTestDb();
      try {
        // The rich directory's blank text breaks the API's rules, which import applies; the CSV record is named.
        await expect(importFrom(target.ds, path.join(dir, "quoting-csv"), "replace")).rejects.toThrow(
          /program "rich-fellowship" \(programs\[\d\], programs\.csv record \d, line \d+\): sourceNote breaks the rule matches: sourceNote must not be blank/,
        );
        await fillBlankText(db.ds);
        await exportTo(db.ds, "csv", path.join(dir, "importable-csv"), true);
        await importFrom(target.ds, path.join(dir, "importable-csv"), "replace");
        const again = await exportTo(target.ds, "json", path.join(dir, "from-csv.json"), true);
        expect(again.meta.sha256).toBe(
          JSON.parse(fs.readFileSync(path.join(dir, "importable-csv", "meta.json"), "utf8")).sha256,
        );
      } finally {
        await target.close();
      }
    });

    it("names the file and record of a bad cell", async () => {
      const folder = path.join(dir, "bad-csv");
      fs.cpSync(path.join(dir, "quoting-csv"), folder, { recursive: true });
      const file = path.join(folder, "programs.csv");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(",FELLOWSHIP,", ",FELLOW,"));
      await expect(importFrom(db.ds, folder)).rejects.toThrow(
        /does not match the snapshot schema: program "[a-z-]+" \(programs\[\d\], programs\.csv record \d, line \d+\): type must be equal to one of the allowed values/,
      );
    });
  });

  describe("the JSON error locator", () => {
    it.each([
      ['{"a": 1,\n "b" }', 2, 6, "expected ':' after a property name"],
      ['{"a": [1, 2,', 1, 13, "unexpected end of input"],
      ['{"a": tru}', 1, 7, 'unexpected character "t"'],
      ['{"a": "x\ny"}', 1, 9, "control character in a string (an unescaped newline?)"],
      ["[1] 2", 1, 5, "unexpected text after the end of the JSON value"],
      ['{"é": 1 "b": 2}', 1, 9, "expected ',' or '}'"],
    ])("%j → line %d, column %d", (text, line, column, reason) => {
      const at = locateJsonError(text)!;
      expect(at).toMatchObject({ line, column, reason });
      expect(() => JSON.parse(text)).toThrow();
    });

    it("finds nothing wrong in valid JSON, and counts bytes, not characters", () => {
      expect(locateJsonError('{"a": [1, {"b": null}], "c": "\\u00e9"}')).toBeNull();
      expect(locateJsonError('{"é": 1 "b": 2}')!.byte).toBe(9);
    });
  });

  it("orders keys by code point, as SQLite and PostgreSQL's C collation do", () => {
    const keys = ["b", "a-b", "a", "A", "a_b", "\u{1F600}", "\uFFFD", "ab"];
    expect([...keys].sort(compareKeys)).toEqual(["A", "a", "a-b", "a_b", "ab", "b", "\uFFFD", "\u{1F600}"]);
  });
});
