/**
 * The admin's own words for what the server says: field problems with the form's labels, and the
 * list's CSV export. Pure functions of the admin, run in Node with its real English messages.
 */
// The browser build of csv-stringify is an ES module Jest cannot load; its Node build is the same code.
jest.mock("csv-stringify/browser/esm/sync", () => jest.requireActual("csv-stringify/sync"));

type RaRecord = { id: string; [field: string]: unknown };
type Translate = (key: string, options?: Record<string, unknown>) => string;
type Problem = { path?: unknown; message?: unknown; rule?: unknown };
interface Column {
  label: string;
}
/** What these tests call of the admin (its sources are type-checked with the admin, which has the DOM's types). */
let words: {
  formMessage(resource: string, problem: Problem): string;
  withLabels(resource: string, message: string): string;
  fieldOf(path: unknown): string;
};
let csv: {
  textColumn(source: string, label: string): Column;
  enumColumn(source: string, enumName: string, label: string): Column;
  dayColumn(source: string, label: string): Column;
  csvOf(records: RaRecord[], columns: Column[], translate: Translate): string;
};
let translate: Translate;
beforeAll(() => {
  /* eslint-disable @typescript-eslint/no-require-imports -- not imports: the server's type-check would load the admin's DOM code */
  words = require("../../admin/src/data/field-messages");
  csv = require("../../admin/src/data/csv");
  const { i18nProvider } = require("../../admin/src/i18n") as { i18nProvider: { translate: Translate } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  translate = (key, options) => i18nProvider.translate(key, options);
});

describe("server problems in the form's words", () => {
  it("words a rule the admin knows by its name and the field it blames", () => {
    const fee = {
      path: ["input", "feeCurrency"],
      rule: "feeNeedsCurrency",
      message: "feeCurrency is required with applicationFeeCents",
    };
    expect(words.formMessage("programs", fee)).toBe("Fee currency is required when a fee is given");
    const closes = {
      path: ["input", "applicationClosesOn"],
      rule: "opensBeforeCloses",
      message: "applicationOpensOn (…) must be before applicationClosesOn (…)",
    };
    expect(words.formMessage("programs", closes)).toBe("Must be after the opening date");
    expect(words.formMessage("programs", { ...closes, path: ["input", "applicationOpensOn"] })).toBe(
      "Must be before the closing date",
    );
    expect(
      words.formMessage("requirements", { path: ["input", "scoreMax"], rule: "scoreMinAtMostScoreMax", message: "x" }),
    ).toBe("Must not be below the lowest score");
  });

  it("otherwise keeps the server's words, writing the API's field names as the form's labels", () => {
    expect(words.withLabels("programs", "imgPositions (5) cannot exceed positions (3)")).toBe(
      "Positions for IMGs (5) cannot exceed positions (3)",
    );
    expect(words.withLabels("programs", "applicationOpensOn must be before applicationClosesOn")).toBe(
      "Applications open must be before applications close",
    );
    // A rule with no wording of its own (the message names values the admin cannot know).
    const country = {
      path: ["input", "country"],
      rule: "countryOfInstitution",
      message: "University of Toronto is in CA, not US",
    };
    expect(words.formMessage("programs", country)).toBe("University of Toronto is in CA, not US");
    // Words that are no field of the resource, and problems without a rule, stay as they are.
    expect(
      words.formMessage("programs", { path: ["input", "slug"], message: "another Program already has the slug 'x'" }),
    ).toBe("another Program already has the slug 'x'");
    expect(words.withLabels("institutions", "feeCurrency and someThing")).toBe("feeCurrency and someThing");
  });

  it("finds the field of a nested path (a requirement row)", () => {
    expect(words.fieldOf(["input", "requirements", "2", "minimumScore"])).toBe("requirements.minimumScore");
    expect(
      words.formMessage("programs", {
        path: ["input", "requirements", "2", "note"],
        message: "note must be at most 2000 characters",
      }),
    ).toBe("note must be at most 2000 characters");
  });
});

describe("the list's CSV export", () => {
  const columns = () => [
    csv.textColumn("title", "resources.programs.fields.title"),
    csv.textColumn("institution.name", "resources.programs.fields.institution"),
    csv.enumColumn("type", "ProgramType", "resources.programs.fields.type"),
    csv.dayColumn("lastVerifiedAt", "resources.programs.fields.lastVerifiedAt"),
  ];
  const record = (o: Partial<RaRecord>): RaRecord => ({ id: "1", ...o });

  it("holds the columns given, labelled, with names and labels instead of ids and enum values", () => {
    const out = csv.csvOf(
      [
        record({
          title: "Synthetic A",
          institution: { name: "Mayo Clinic" },
          type: "OBSERVERSHIP",
          specialtyIds: ["3"],
        }),
        record({
          title: "Synthetic B, with a comma",
          institution: null,
          type: "FELLOWSHIP",
          lastVerifiedAt: "2026-03-04T12:00:00.000Z",
        }),
      ],
      columns(),
      translate,
    );
    expect(out.split("\n")).toEqual([
      "Title,Institution,Type,Last verified",
      "Synthetic A,Mayo Clinic,Observership,",
      '"Synthetic B, with a comma",,Fellowship,2026-03-04',
      "",
    ]);
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    const out = csv.csvOf(
      [record({ title: "=HYPERLINK(1)", institution: { name: "+1 Hospital" } })],
      columns(),
      translate,
    );
    expect(out.split("\n")[1]).toBe("'=HYPERLINK(1),'+1 Hospital,,");
  });
});
