/**
 * Snapshot import applies the API's rules to every record: each hostile record a red team stored
 * through import (with a correct checksum) is refused naming record, field and rule, nothing is
 * written, and the API refuses the same values with the same field.
 */
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../../server/src/cli";
import { Country } from "../../server/src/core/enums";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { ScoreKind } from "../../server/src/modules/requirement/score-kind";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import {
  databaseUrl,
  dumpTables,
  exportTo,
  importFrom,
  openTestDb,
  readJsonFile,
  tempDir,
  writeJsonFile,
  type SnapshotTestDb,
} from "./helpers";

const CREATE_PROGRAM = `mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`;
const UPDATE_PROGRAM = `mutation($id: ID!, $v: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $v, input: $input) { id } }`;
const PROGRAM = { slug: "api-program", title: "A program", type: "FELLOWSHIP", audience: "GRADUATE", country: "US" };
const create = (type: string) => `mutation($input: ${type}Input!) { create${type}(input: $input) { id } }`;

type ApiCall = (ids: { usInstitution: string; scoredExam: string; passFailExam: string }) => {
  query: string;
  variables: Record<string, unknown>;
};

interface Hostile {
  name: string;
  /** Edits the exported sample (its meta is made consistent again: the checksum is right). */
  edit(doc: any): void;
  /** How the refusal names the record, e.g. `program "x"`. */
  record: string;
  field: string;
  rule: string;
  api: ApiCall;
  /** The field under `input` when the API call's differs (a list index). */
  apiField?: string;
}

const program = (doc: any, slug = "cleveland-clinic-fellowships-for-imgs") =>
  doc.programs.find((p: any) => p.slug === slug);
const LONG_DESCRIPTION = "x".repeat(20_001);

const HOSTILE: Hostile[] = [
  {
    name: "a javascript: source URL",
    edit: (doc) => (program(doc).sourceUrl = "javascript:alert(document.cookie)"),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "sourceUrl",
    rule: "isUrl",
    api: () => ({
      query: CREATE_PROGRAM,
      variables: { input: { ...PROGRAM, sourceUrl: "javascript:alert(document.cookie)" } },
    }),
  },
  {
    name: "a javascript: application URL",
    edit: (doc) => (program(doc).applicationUrl = "javascript:alert(document.cookie)"),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "applicationUrl",
    rule: "isUrl",
    api: () => ({
      query: CREATE_PROGRAM,
      variables: { input: { ...PROGRAM, applicationUrl: "javascript:alert(document.cookie)" } },
    }),
  },
  {
    name: "a javascript: program web page",
    edit: (doc) => (program(doc).websiteUrl = "javascript:alert(1)"),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "websiteUrl",
    rule: "isUrl",
    api: () => ({ query: CREATE_PROGRAM, variables: { input: { ...PROGRAM, websiteUrl: "javascript:alert(1)" } } }),
  },
  {
    name: "a data: website",
    edit: (doc) =>
      (doc.institutions.find((i: any) => i.slug === "mayo-clinic").website =
        "data:text/html,<script>alert(1)</script>"),
    record: 'institution "mayo-clinic"',
    field: "website",
    rule: "isUrl",
    api: () => ({
      query: create("Institution"),
      variables: {
        input: {
          slug: "api-inst",
          name: "N",
          kind: "HOSPITAL",
          country: "US",
          region: "NY",
          city: "C",
          website: "data:text/html,<script>alert(1)</script>",
        },
      },
    }),
  },
  {
    name: "more IMG positions than positions",
    edit: (doc) => Object.assign(program(doc), { positions: 1, imgPositions: 50 }),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "imgPositions",
    rule: "imgPositionsWithinPositions",
    api: () => ({ query: CREATE_PROGRAM, variables: { input: { ...PROGRAM, positions: 1, imgPositions: 50 } } }),
  },
  {
    name: "a slug with . and _",
    edit: (doc) => doc.specialties.push({ slug: "bad.slug_x", name: "Bad", archivedAt: null }),
    record: 'specialty "bad.slug_x"',
    field: "slug",
    rule: "matches",
    api: () => ({ query: create("Specialty"), variables: { input: { slug: "bad.slug_x", name: "Bad" } } }),
  },
  {
    name: "an over-long description",
    edit: (doc) => (doc.requirements.find((r: any) => r.code === "USMLE_STEP_1").description = LONG_DESCRIPTION),
    record: 'requirement "USMLE_STEP_1"',
    field: "description",
    rule: "maxLength",
    api: () => ({
      query: create("Requirement"),
      variables: { input: { code: "API_REQ", name: "N", kind: "EXAM", description: LONG_DESCRIPTION } },
    }),
  },
  {
    name: "an over-long link note",
    edit: (doc) => (program(doc).requirements[0].note = "n".repeat(2001)),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "requirements.0.note",
    rule: "maxLength",
    api: ({ scoredExam }) => ({
      query: CREATE_PROGRAM,
      variables: {
        input: { ...PROGRAM, requirements: [{ requirementId: scoredExam, level: "REQUIRED", note: "n".repeat(2001) }] },
      },
    }),
  },
  {
    name: "a blank French title",
    edit: (doc) => (program(doc).titleFr = "   "),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "titleFr",
    rule: "matches",
    api: () => ({ query: CREATE_PROGRAM, variables: { input: { ...PROGRAM, titleFr: "   " } } }),
  },
  {
    name: "an over-long French description",
    edit: (doc) => (doc.requirements.find((r: any) => r.code === "USMLE_STEP_1").descriptionFr = LONG_DESCRIPTION),
    record: 'requirement "USMLE_STEP_1"',
    field: "descriptionFr",
    rule: "maxLength",
    api: () => ({
      query: create("Requirement"),
      variables: { input: { code: "API_REQ", name: "N", kind: "EXAM", descriptionFr: LONG_DESCRIPTION } },
    }),
  },
  {
    name: "a NUL character",
    edit: (doc) => (program(doc).title = "Fellowships\u0000 for IMGs"),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "title",
    rule: "noNulCharacter",
    api: () => ({ query: CREATE_PROGRAM, variables: { input: { ...PROGRAM, title: "Fellowships\u0000 for IMGs" } } }),
  },
  {
    name: "a fee without a currency",
    edit: (doc) => Object.assign(program(doc), { applicationFeeCents: 100, feeCurrency: null }),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "feeCurrency",
    rule: "feeNeedsCurrency",
    api: () => ({ query: CREATE_PROGRAM, variables: { input: { ...PROGRAM, applicationFeeCents: 100 } } }),
  },
  {
    name: "scoreMin above scoreMax",
    edit: (doc) =>
      Object.assign(
        doc.requirements.find((r: any) => r.code === "USMLE_STEP_2_CK"),
        { scoreMin: 300, scoreMax: 1 },
      ),
    record: 'requirement "USMLE_STEP_2_CK"',
    field: "scoreMax",
    rule: "scoreMinAtMostScoreMax",
    api: () => ({
      query: create("Requirement"),
      variables: { input: { code: "API_REQ", name: "N", kind: "EXAM", scoreMin: 300, scoreMax: 1 } },
    }),
  },
  {
    name: "a pathway region without a country",
    edit: (doc) =>
      Object.assign(
        doc.pathways.find((p: any) => p.slug === "carms"),
        { country: null, region: "ON" },
      ),
    record: 'pathway "carms"',
    field: "region",
    rule: "regionNeedsCountry",
    api: () => ({
      query: create("Pathway"),
      variables: { input: { slug: "api-pathway", name: "N", kind: "DIRECT", region: "ON" } },
    }),
  },
  {
    name: "a program in another country than its institution",
    edit: (doc) => Object.assign(program(doc), { country: "CA", region: "ON" }),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "country",
    rule: "countryOfInstitution",
    api: ({ usInstitution }) => ({
      query: CREATE_PROGRAM,
      variables: { input: { ...PROGRAM, institutionId: usInstitution, country: "CA" } },
    }),
  },
  {
    name: "a score range on a pass/fail exam",
    edit: (doc) =>
      Object.assign(
        doc.requirements.find((r: any) => r.code === "USMLE_STEP_1"),
        { scoreMin: 1, scoreMax: 300 },
      ),
    record: 'requirement "USMLE_STEP_1"',
    field: "scoreMin",
    rule: "scoreRangeNeedsScored",
    api: () => ({
      query: create("Requirement"),
      variables: { input: { code: "API_REQ", name: "N", kind: "EXAM", scoreKind: "PASS_FAIL", scoreMin: 1 } },
    }),
  },
  {
    name: "a minimum score on a pass/fail exam",
    // Links are checked in code order: COMPLETED_RESIDENCY, ECFMG_CERTIFICATION, USMLE_STEP_1, USMLE_STEP_2_CK.
    edit: (doc) => (program(doc).requirements.find((l: any) => l.code === "USMLE_STEP_1").minimumScore = 230),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "requirements.2.minimumScore",
    rule: "scoredRequirementOnly",
    apiField: "requirements.0.minimumScore",
    api: ({ passFailExam }) => ({
      query: CREATE_PROGRAM,
      variables: {
        input: { ...PROGRAM, requirements: [{ requirementId: passFailExam, level: "REQUIRED", minimumScore: 230 }] },
      },
    }),
  },
  {
    name: "a minimum score off the exam's step",
    edit: (doc) => (program(doc).requirements.find((l: any) => l.code === "USMLE_STEP_2_CK").minimumScore = 230.5),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "requirements.3.minimumScore",
    rule: "minimumScoreOnStep",
    apiField: "requirements.0.minimumScore",
    api: ({ scoredExam }) => ({
      query: CREATE_PROGRAM,
      variables: {
        input: { ...PROGRAM, requirements: [{ requirementId: scoredExam, level: "REQUIRED", minimumScore: 230.5 }] },
      },
    }),
  },
  {
    name: "a minimum score outside the exam's range",
    edit: (doc) => (program(doc).requirements.find((l: any) => l.code === "USMLE_STEP_2_CK").minimumScore = 999),
    record: 'program "cleveland-clinic-fellowships-for-imgs"',
    field: "requirements.3.minimumScore",
    rule: "minimumScoreInRange",
    apiField: "requirements.0.minimumScore",
    api: ({ scoredExam }) => ({
      query: CREATE_PROGRAM,
      variables: {
        input: { ...PROGRAM, requirements: [{ requirementId: scoredExam, level: "REQUIRED", minimumScore: 999 }] },
      },
    }),
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("snapshot import applies the API's rules", () => {
  let source: SnapshotTestDb;
  let target: SnapshotTestDb;
  const server = useTestServer();
  let editor: Curator;
  let ids: { usInstitution: string; scoredExam: string; passFailExam: string };
  let dir: string;
  let sample: string;

  beforeAll(async () => {
    [source, target] = [await openTestDb(), await openTestDb()];
    await seedSampleDirectory(source.ds);
    await seedSampleDirectory(target.ds);
    dir = tempDir();
    sample = path.join(dir, "sample.json");
    await exportTo(source.ds, "json", sample, true);
    const f = factories(server.ds);
    editor = await f.curator({ role: CuratorRole.EDITOR });
    ids = {
      usInstitution: String((await f.institution({ country: Country.US })).id),
      scoredExam: String((await f.requirement({ scoreMin: 1, scoreMax: 300, scoreStep: 1 })).id),
      passFailExam: String((await f.requirement({ scoreKind: ScoreKind.PASS_FAIL })).id),
    };
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The sample with one edit, its meta (counts, sha256) made right again. */
  function hostileFile(h: Hostile): string {
    const doc = readJsonFile(sample);
    h.edit(doc);
    return writeJsonFile(path.join(dir, `${h.name.replace(/\W+/g, "-")}.json`), doc);
  }

  it.each(HOSTILE.map((h) => [h.name, h] as const))(
    "import refuses %s naming record, field and rule, and writes nothing",
    async (_name, h) => {
      const before = await dumpTables(target.ds);
      const file = hostileFile(h);
      for (const mode of ["merge", "replace"] as const) {
        await expect(importFrom(target.ds, file, mode)).rejects.toThrow(
          new RegExp(
            `breaks the directory's rules .*nothing was written: ${escape(h.record)} \\([a-z]+\\[\\d+\\]\\): ${escape(h.field)} breaks the rule ${h.rule}: `,
          ),
        );
      }
      await expect(importFrom(target.ds, file, "merge", { dryRun: true })).rejects.toThrow(
        new RegExp(`${escape(h.field)} breaks the rule ${h.rule}`),
      );
      expect(await dumpTables(target.ds)).toEqual(before);
    },
  );

  it.each(HOSTILE.map((h) => [h.name, h] as const))("the API refuses %s with the same field", async (_name, h) => {
    const { query, variables } = h.api(ids);
    const error = expectError(await server.exec(query, variables, editor), "BAD_USER_INPUT");
    expect(error.extensions!.fields.map((p: { path: string[] }) => p.path.join("."))).toContain(
      `input.${h.apiField ?? h.field}`,
    );
  });

  it("an edit cannot make imgPositions exceed positions either", async () => {
    const made = expectData(
      await server.exec(CREATE_PROGRAM, { input: { ...PROGRAM, slug: "api-positions", positions: 1 } }, editor),
    ).createProgram;
    const error = expectError(
      await server.exec(UPDATE_PROGRAM, { id: made.id, v: made.version, input: { imgPositions: 50 } }, editor),
      "BAD_USER_INPUT",
    );
    expect(error.extensions!.fields).toEqual([
      {
        path: ["input", "imgPositions"],
        message: "imgPositions (50) cannot exceed positions (1)",
        rule: "imgPositionsWithinPositions",
      },
    ]);
  });

  it("text at the limit loads; one character more is refused, in import and in the API alike", async () => {
    const doc = readJsonFile(sample);
    program(doc).description = "d".repeat(20_000);
    await importFrom(target.ds, writeJsonFile(path.join(dir, "at-limit.json"), doc), "merge");
    expect(
      (await target.ds.getRepository(Program).findOneByOrFail({ slug: "cleveland-clinic-fellowships-for-imgs" }))
        .description,
    ).toHaveLength(20_000);
    program(doc).description = "d".repeat(20_001);
    await expect(importFrom(target.ds, writeJsonFile(path.join(dir, "over-limit.json"), doc), "merge")).rejects.toThrow(
      /description breaks the rule maxLength: description must be at most 20000 characters/,
    );
    expectData(
      await server.exec(
        CREATE_PROGRAM,
        { input: { ...PROGRAM, slug: "api-at-limit", description: "d".repeat(20_000) } },
        editor,
      ),
    );
    const error = expectError(
      await server.exec(
        CREATE_PROGRAM,
        { input: { ...PROGRAM, slug: "api-over-limit", description: "d".repeat(20_001) } },
        editor,
      ),
      "BAD_USER_INPUT",
    );
    expect(error.extensions!.fields).toEqual([
      { path: ["input", "description"], message: "description must be at most 20000 characters", rule: "maxLength" },
    ]);
  });

  it("a rule between records names a requirement link by its place in the file, in whatever order the file lists links", async () => {
    const doc = readJsonFile(sample);
    const links = program(doc).requirements.reverse();
    const at = links.findIndex((l: any) => l.code === "USMLE_STEP_2_CK");
    links[at].minimumScore = 999;
    expect(at).not.toBe(3); // its place once sorted by code (the HOSTILE case above)
    const file = writeJsonFile(path.join(dir, "reversed-links.json"), doc);
    await expect(importFrom(target.ds, file)).rejects.toThrow(
      new RegExp(`: requirements\\.${at}\\.minimumScore breaks the rule minimumScoreInRange: `),
    );
  });

  it("the refusal names up to five breaches and counts the rest", async () => {
    const doc = readJsonFile(sample);
    for (const p of doc.programs) p.sourceUrl = "javascript:void(0)";
    const file = writeJsonFile(path.join(dir, "many.json"), doc);
    await expect(importFrom(target.ds, file)).rejects.toThrow(
      new RegExp(`(sourceUrl breaks the rule isUrl.*){5}\\(and ${doc.programs.length - 5} more\\)$`),
    );
  });

  describe("the CLI", () => {
    const saved = process.env.DATABASE_URL;
    afterEach(() => {
      process.env.DATABASE_URL = saved;
      jest.restoreAllMocks();
    });

    it("exits non-zero with one line naming record, field and rule; the database is untouched", async () => {
      process.env.DATABASE_URL = databaseUrl(target.db);
      const errors: string[] = [];
      jest.spyOn(console, "error").mockImplementation((...a) => void errors.push(a.join(" ")));
      jest.spyOn(console, "log").mockImplementation(() => undefined);
      const before = await dumpTables(target.ds);
      const file = hostileFile(HOSTILE[0]);
      expect(await runCli(["snapshot", "import", "--in", file, "--mode", "replace"])).toBe(1);
      expect(errors).toEqual([
        expect.stringMatching(
          /^directory: .*breaks the directory's rules .*: program "cleveland-clinic-fellowships-for-imgs" \(programs\[\d+\]\): sourceUrl breaks the rule isUrl: sourceUrl must be a full http:\/\/ or https:\/\/ URL$/,
        ),
      ]);
      expect(await dumpTables(target.ds)).toEqual(before);
    });
  });
});
