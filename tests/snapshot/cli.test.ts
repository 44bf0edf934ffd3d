import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { runCli } from "../../server/src/cli";
import { progressReporter } from "../../server/src/modules/snapshot/progress";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import {
  databaseUrl,
  dumpTables,
  openTestDb,
  readJsonFile,
  tempDir,
  writeJsonFile,
  type SnapshotTestDb,
} from "./helpers";

describe("directory snapshot (CLI)", () => {
  const saved = process.env.DATABASE_URL;
  let db: SnapshotTestDb;
  let dir: string;
  let logs: string[];
  let errors: string[];

  beforeAll(async () => {
    db = await openTestDb();
    await seedSampleDirectory(db.ds);
    dir = tempDir();
  });
  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    process.env.DATABASE_URL = databaseUrl(db.db);
    logs = [];
    errors = [];
    jest.spyOn(console, "log").mockImplementation((...a) => void logs.push(a.join(" ")));
    jest.spyOn(console, "error").mockImplementation((...a) => void errors.push(a.join(" ")));
  });
  afterEach(() => jest.restoreAllMocks());

  const file = (name: string) => path.join(dir, name);

  it("exports each format and says what it wrote", async () => {
    for (const format of ["json", "ndjson", "csv"]) {
      expect(await runCli(["snapshot", "export", "--format", format, "--out", file(`cli.${format}`)])).toBe(0);
      expect(logs.pop()).toMatch(
        new RegExp(
          `^wrote .*cli\\.${format} \\(${format}, published only\\): 7 institutions, 19 programs, 9 requirements, 6 specialties, 5 pathways; sha256 [0-9a-f]{64}$`,
        ),
      );
    }
    expect(errors).toEqual([]); // no progress bars: standard error is not a terminal here
    expect(
      await runCli(["snapshot", "export", "--format", "json", "--out", file("drafts.json"), "--include-drafts"]),
    ).toBe(0);
    expect(logs.pop()).toMatch(/\(json, drafts included\)/);
  });

  it("refuses bad options with a non-zero exit", async () => {
    jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await runCli(["snapshot", "export", "--format", "xml", "--out", file("x")])).not.toBe(0);
    expect(await runCli(["snapshot", "export", "--format", "json"])).not.toBe(0);
    expect(await runCli(["snapshot", "import", "--in", file("cli.json"), "--mode", "overwrite"])).not.toBe(0);
    expect(await runCli(["snapshot", "export", "--format", "csv", "--out", file("cli.json")])).toBe(1);
    expect(errors.pop()).toMatch(/cannot write the CSV snapshot to .*cli\.json: it exists and is not an empty folder/);
  });

  it("imports: a dry run prints the plan and writes nothing; the real run loads in one go", async () => {
    const doc = readJsonFile(file("cli.json"));
    doc.institutions.find((i: any) => i.slug === "mayo-clinic").city = "Rochester, Minnesota";
    doc.programs = doc.programs.filter((p: any) => p.slug !== "observerships-canada");
    writeJsonFile(file("edited.json"), doc);

    const before = await dumpTables(db.ds);
    expect(await runCli(["snapshot", "import", "--in", file("edited.json"), "--mode", "replace", "--dry-run"])).toBe(0);
    expect(logs.join("\n")).toBe(
      [
        "dry run (replace): nothing was written. The import would make 0 addition(s), 1 change(s), 1 removal(s).",
        "0 added, 1 removed, 1 changed",
        "institutions: 0 added, 0 removed, 1 changed",
        "  ~ mayo-clinic",
        '      city: "Rochester" → "Rochester, Minnesota"',
        "programs: 0 added, 1 removed, 0 changed",
        "  - observerships-canada",
      ].join("\n"),
    );
    expect(await dumpTables(db.ds)).toEqual(before);

    logs = [];
    expect(await runCli(["snapshot", "import", "--in", file("edited.json")])).toBe(0);
    expect(logs).toEqual([
      `imported ${file("edited.json")} (merge): 0 added, 1 changed, 0 removed; 1 record(s) not in the file kept`,
    ]);
    expect(await runCli(["snapshot", "import", "--in", file("cli.ndjson"), "--mode", "replace"])).toBe(0);
    expect(logs.pop()).toBe(`imported ${file("cli.ndjson")} (replace): 0 added, 1 changed, 0 removed`);
  });

  it("fails on a bad file with one line naming the problem, exit 1, database untouched", async () => {
    const before = await dumpTables(db.ds);
    fs.writeFileSync(file("cut.json"), fs.readFileSync(file("cli.json"), "utf8").slice(0, 5000));
    expect(await runCli(["snapshot", "import", "--in", file("cut.json")])).toBe(1);
    expect(errors).toEqual([
      expect.stringMatching(
        /^directory: .*cut\.json is not valid JSON: unexpected end of input at byte 5000 \(line \d+, column \d+\): the file ends early \(truncated\?\)$/,
      ),
    ]);

    const doc = readJsonFile(file("cli.json"));
    doc.programs[0].title = "Edited by hand";
    writeJsonFile(file("hand.json"), doc, { keepMeta: true });
    errors = [];
    expect(await runCli(["snapshot", "import", "--in", file("hand.json")])).toBe(1);
    expect(errors).toEqual([
      expect.stringMatching(/^directory: .*hand\.json: checksum mismatch: .*--ignore-checksum loads it anyway\)$/),
    ]);
    expect(await dumpTables(db.ds)).toEqual(before);

    errors = [];
    expect(await runCli(["snapshot", "import", "--in", file("hand.json"), "--ignore-checksum", "--dry-run"])).toBe(0);
    expect(errors).toEqual([
      expect.stringMatching(/^warning: .*hand\.json: the content no longer matches meta\.sha256/),
    ]);
    expect(await runCli(["snapshot", "import", "--in", file("nope.json")])).toBe(1);
    expect(errors.pop()).toMatch(/nope\.json: no such file or folder/);
  });

  describe("diff", () => {
    /** Known edits on every level: a field, a link's level and score, lists, additions and removals. */
    function editSnapshot(): string {
      const doc = readJsonFile(file("cli.json"));
      doc.institutions.find((i: any) => i.slug === "mayo-clinic").website = "https://mayo.example/";
      const match = doc.programs.find((p: any) => p.slug === "us-residency-through-the-match");
      match.requirements.find((l: any) => l.code === "USMLE_STEP_3").level = "REQUIRED";
      match.requirements.find((l: any) => l.code === "USMLE_STEP_3").minimumScore = 200;
      match.requirements = match.requirements.filter((l: any) => l.code !== "ECFMG_CERTIFICATION");
      match.requirements.push({ code: "HOME_MEDICAL_LICENSE", level: "RECOMMENDED", minimumScore: null, note: "new" });
      match.specialties = ["surgery"];
      doc.programs = doc.programs.filter((p: any) => p.slug !== "observerships-united-states");
      doc.specialties.push({ slug: "neurology", name: "Neurology", archivedAt: null });
      return writeJsonFile(file("later.json"), doc, { keepMeta: true }); // hand-edited: checksum stale
    }

    it("reports added, removed and changed records with field-level changes, and warns on a stale checksum", async () => {
      const later = editSnapshot();
      expect(await runCli(["snapshot", "diff", file("cli.json"), later])).toBe(0);
      expect(errors).toEqual([
        `warning: ${later}: the content no longer matches meta.sha256/meta.counts (hand-edited?)`,
      ]);
      const text = logs.join("\n");
      expect(text).toContain("1 added, 1 removed, 2 changed");
      expect(text).toContain(
        [
          "institutions: 0 added, 0 removed, 1 changed",
          "  ~ mayo-clinic",
          '      website: "https://www.mayoclinic.org/" → "https://mayo.example/"',
        ].join("\n"),
      );
      expect(text).toContain(
        [
          "programs: 0 added, 1 removed, 1 changed",
          "  - observerships-united-states",
          "  ~ us-residency-through-the-match",
          '      specialties: [] → ["surgery"]',
        ].join("\n"),
      );
      expect(text).toContain(
        '      requirements[ECFMG_CERTIFICATION]: {"level":"REQUIRED","minimumScore":null,"note":null} → null',
      );
      expect(text).toContain(
        '      requirements[HOME_MEDICAL_LICENSE]: null → {"level":"RECOMMENDED","minimumScore":null,"note":"new"}',
      );
      expect(text).toContain('      requirements[USMLE_STEP_3].level: "COMMONLY_REQUIRED" → "REQUIRED"');
      expect(text).toContain("      requirements[USMLE_STEP_3].minimumScore: null → 200");
      expect(text).toContain(["specialties: 1 added, 0 removed, 0 changed", "  + neurology"].join("\n"));
    });

    it("prints JSON for scripts, across formats", async () => {
      const later = editSnapshot();
      expect(await runCli(["snapshot", "diff", file("cli.csv"), later, "--format", "json"])).toBe(0);
      const out = JSON.parse(logs.join("\n"));
      expect(out.identical).toBe(false);
      expect(out.totals).toEqual({ added: 1, removed: 1, changed: 2 });
      const programs = out.entities.find((e: any) => e.entity === "programs");
      expect(programs.removed).toEqual(["observerships-united-states"]);
      expect(programs.changed[0].key).toBe("us-residency-through-the-match");
      expect(programs.changed[0].changes.map((c: any) => c.field)).toEqual([
        "specialties",
        "requirements[ECFMG_CERTIFICATION]",
        "requirements[HOME_MEDICAL_LICENSE]",
        "requirements[USMLE_STEP_3].level",
        "requirements[USMLE_STEP_3].minimumScore",
      ]);

      logs = [];
      expect(await runCli(["snapshot", "diff", file("cli.json"), file("cli.ndjson")])).toBe(0);
      expect(logs[1]).toBe("no differences");
    });
  });

  describe("hostile text in files", () => {
    // ESC and BEL (retitle the window), CSI both as ESC [ and as the 8-bit C1 U+009B (recolour),
    // CR (overwrite the line), DEL: none may reach the terminal as it is.
    const HOSTILE = "Evil\u001b]0;owned\u0007 \u001b[2J\u009b31mred\rfake\u007f";
    const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

    function withTitle(name: string, title: string): string {
      const doc = readJsonFile(file("cli.json"));
      doc.programs[0].title = title;
      return writeJsonFile(file(name), doc, { keepMeta: true });
    }

    it("diff escapes control characters in titles, as text and as JSON", async () => {
      const later = withTitle("hostile.json", HOSTILE);
      expect(await runCli(["snapshot", "diff", file("cli.json"), later])).toBe(0);
      const text = logs.join("\n");
      expect(text).not.toMatch(CONTROL);
      expect(text).toContain(String.raw`\u001b]0;owned\u0007 \u001b[2J\x9b31mred\rfake\x7f`);
      logs = [];
      expect(await runCli(["snapshot", "diff", file("cli.json"), later, "--format", "json"])).toBe(0);
      const json = logs.join("\n");
      expect(json).not.toMatch(CONTROL);
      const changed = JSON.parse(json).entities.find((e: any) => e.entity === "programs").changed[0].changes[0];
      expect(changed).toMatchObject({ field: "title", to: HOSTILE }); // the same JSON value, escaped
    });

    it("import errors escape what they quote from the file", async () => {
      const doc = readJsonFile(file("cli.json"));
      doc.programs[0].slug = "\u001b[2Jevil\u009b";
      const bad = writeJsonFile(file("hostile-slug.json"), doc, { keepMeta: true });
      expect(await runCli(["snapshot", "import", "--in", bad, "--ignore-checksum", "--dry-run"])).toBe(1);
      const error = errors.pop()!;
      expect(error).toContain(String.raw`program "\x1b[2Jevil\x9b"`);
      expect(error).not.toMatch(CONTROL);
    });

    it("import refuses a lone surrogate, naming the record and the field, and writes nothing", async () => {
      const bad = withTitle("surrogate.json", "half a character: \ud800");
      const before = await dumpTables(db.ds);
      expect(await runCli(["snapshot", "import", "--in", bad, "--ignore-checksum"])).toBe(1);
      expect(errors.pop()).toMatch(
        /^directory: .*surrogate\.json.*program "[^"]+" \(programs\[0\]\).*title.*must not contain a lone surrogate/,
      );
      expect(await dumpTables(db.ds)).toEqual(before);
    });
  });
});

describe("progress bars", () => {
  function fakeStream(isTTY: boolean) {
    const s = Object.assign(new PassThrough(), {
      isTTY,
      columns: 100,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    let out = "";
    s.on("data", (d: Buffer) => (out += d));
    return { s, out: () => out };
  }

  it("draw on a terminal and stay quiet otherwise", () => {
    const tty = fakeStream(true);
    const bar = progressReporter(tty.s as unknown as NodeJS.WriteStream);
    bar.update("checksum", 5, 10);
    bar.update("write", 10, 10);
    bar.stop();
    expect(tty.out()).toMatch(/checksum .*5\/10 records[\s\S]*write .*10\/10 records/);
    const pipe = fakeStream(false);
    const quiet = progressReporter(pipe.s as unknown as NodeJS.WriteStream);
    quiet.update("checksum", 5, 10);
    quiet.stop();
    expect(pipe.out()).toBe("");
  });
});
