/**
 * Content in English and French: the `locale` argument of the root fields, Accept-Language when a
 * query gives none (GET and POST), the fallback to the other language with its `…Locale` marker,
 * texts nested under a root field answering in that field's locale, and `Vary: Accept-Language`.
 */
import { Locale, localeFromAcceptLanguage } from "../../server/src/core/locale";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ env: { PUBLIC_CACHE_MAX_AGE: "60" }, listen: true });
const PREFLIGHT = { "apollo-require-preflight": "true" };

beforeAll(async () => {
  const f = factories(server.ds);
  const mcgill = await f.institution({
    slug: "mcgill",
    name: "McGill University",
    nameFr: "Université McGill",
    country: "CA" as never,
    region: "QC",
    city: "Montreal",
  });
  const toronto = await f.institution({ slug: "toronto", name: "University of Toronto", country: "CA" as never });
  const exam = await f.requirement({ code: "MCCQE_1", name: "MCCQE Part I", nameFr: "EACMC partie I" });
  const carms = await f.pathway({
    slug: "carms",
    name: "Canadian Resident Matching Service",
    nameFr: "Service canadien de jumelage des résidents",
  });
  await f.program(
    {
      slug: "family-medicine",
      title: "Family medicine residency",
      titleFr: "Résidence en médecine familiale",
      description: "Three years in Montreal.",
      descriptionFr: null,
      country: "CA" as never,
      institutionId: mcgill.id,
      pathwayId: carms.id,
    },
    { requirements: [{ requirement: exam }] },
  );
  await f.program({ slug: "surgery", title: "Surgery fellowship", country: "CA" as never, institutionId: toronto.id });
});

const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}/graphql?${new URLSearchParams({ query })}`, { headers: { ...PREFLIGHT, ...headers } });

const PROGRAM = (args: string) => `{
  program(slug: "family-medicine"${args}) {
    title titleLocale titleFr description descriptionLocale
    institution { name nameLocale }
    pathway { name nameLocale }
    requirements { requirement { name nameLocale } }
  }
}`;

describe("the locale argument", () => {
  it("answers every text in French where there is French, and says where it fell back to English", async () => {
    // Twice: graphql-js runs the first, graphql-jit compiles the second (core/executor.ts).
    const first = expectData(await server.exec(PROGRAM(", locale: FR"))).program;
    const { program } = expectData(await server.exec(PROGRAM(", locale: FR")));
    expect(program).toEqual(first);
    expect(program).toEqual({
      title: "Résidence en médecine familiale",
      titleLocale: "FR",
      titleFr: "Résidence en médecine familiale",
      description: "Three years in Montreal.", // untranslated: the English, marked as such
      descriptionLocale: "EN",
      institution: { name: "Université McGill", nameLocale: "FR" },
      pathway: { name: "Service canadien de jumelage des résidents", nameLocale: "FR" },
      requirements: [{ requirement: { name: "EACMC partie I", nameLocale: "FR" } }],
    });
  });

  it("answers English by default and with locale: EN, the existing fields unchanged", async () => {
    for (const args of ["", ", locale: EN"]) {
      const { program } = expectData(await server.exec(PROGRAM(args)));
      expect(program).toMatchObject({
        title: "Family medicine residency",
        titleLocale: "EN",
        description: "Three years in Montreal.",
        descriptionLocale: "EN",
        institution: { name: "McGill University", nameLocale: "EN" },
        requirements: [{ requirement: { name: "MCCQE Part I", nameLocale: "EN" } }],
      });
    }
  });

  it("falls back to English for a listing without any French, and null stays null", async () => {
    const { programs } = expectData(
      await server.exec(`{ programs(locale: FR, filter: { ids: [] }, first: 10) {
        edges { node { slug title titleLocale titleFr description descriptionLocale institution { name nameLocale } } }
      } }`),
    );
    const surgery = programs.edges
      .map((e: { node: unknown }) => e.node)
      .find((n: { slug: string }) => n.slug === "surgery");
    expect(surgery).toEqual({
      slug: "surgery",
      title: "Surgery fellowship",
      titleLocale: "EN",
      titleFr: null,
      description: null,
      descriptionLocale: null,
      institution: { name: "University of Toronto", nameLocale: "EN" },
    });
  });

  it.each(["graphql-js", "graphql-jit"])(
    "applies per root field: aliases answer in their own locales (%s)",
    async () => {
      const data = expectData(
        await server.exec(`{
        fr: program(slug: "family-medicine", locale: FR) { title institution { name } }
        en: program(slug: "family-medicine", locale: EN) { title institution { name } }
        plain: institutions(first: 5, filter: { country: [CA] }) { edges { node { name } } }
        frInstitutions: institutions(first: 5, locale: FR, filter: { country: [CA] }) { edges { node { name nameLocale } } }
        pathways(locale: FR, first: 5) { edges { node { name } } }
        requirements(locale: FR, first: 5) { edges { node { name } } }
        requirement(code: "MCCQE_1", locale: FR) { name }
        pathway(slug: "carms", locale: FR) { name }
        institution(slug: "mcgill", locale: FR) { name programs(first: 5) { edges { node { title } } } }
      }`),
      );
      expect(data.fr).toEqual({ title: "Résidence en médecine familiale", institution: { name: "Université McGill" } });
      expect(data.en).toEqual({ title: "Family medicine residency", institution: { name: "McGill University" } });
      expect(data.plain.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
        "McGill University",
        "University of Toronto",
      ]);
      expect(data.frInstitutions.edges.map((e: { node: unknown }) => e.node)).toEqual([
        { name: "Université McGill", nameLocale: "FR" },
        { name: "University of Toronto", nameLocale: "EN" },
      ]);
      expect(data.pathways.edges[0].node.name).toBe("Service canadien de jumelage des résidents");
      expect(data.requirements.edges[0].node.name).toBe("EACMC partie I");
      expect(data.requirement.name).toBe("EACMC partie I");
      expect(data.pathway.name).toBe("Service canadien de jumelage des résidents");
      expect(data.institution).toEqual({
        name: "Université McGill",
        programs: { edges: [{ node: { title: "Résidence en médecine familiale" } }] },
      });
    },
  );

  it("reaches the programs an eligibility check answers", async () => {
    const { eligibility } = expectData(
      await server.exec(`{ eligibility(locale: FR, first: 5, profile: { stage: GRADUATE, holds: [] }) {
        edges { node { program { slug title titleLocale } } }
      } }`),
    );
    const titles = eligibility.edges.map((e: { node: { program: unknown } }) => e.node.program);
    expect(titles).toEqual(
      expect.arrayContaining([
        { slug: "family-medicine", title: "Résidence en médecine familiale", titleLocale: "FR" },
        { slug: "surgery", title: "Surgery fellowship", titleLocale: "EN" },
      ]),
    );
  });

  it("labels facets of pathways and requirements in the locale asked for", async () => {
    const facets = (locale: string) =>
      server.exec(`{ programFacets(locale: ${locale}) {
        pathway { value label labelLocale } requirement { value label labelLocale } type { value label labelLocale }
      } }`);
    expect(expectData(await facets("FR")).programFacets).toEqual({
      pathway: [{ value: "carms", label: "Service canadien de jumelage des résidents", labelLocale: "FR" }],
      requirement: [{ value: "MCCQE_1", label: "EACMC partie I", labelLocale: "FR" }],
      type: [{ value: "FELLOWSHIP", label: "Fellowship", labelLocale: "EN" }], // interface words: the frontend's
    });
    expect(expectData(await facets("EN")).programFacets.pathway).toEqual([
      { value: "carms", label: "Canadian Resident Matching Service", labelLocale: "EN" },
    ]);
  });

  it("refuses a locale that is not EN or FR", async () => {
    expectError(await server.exec(`{ programs(locale: DE, first: 1) { totalCount } }`), "GRAPHQL_VALIDATION_FAILED");
  });
});

describe("Accept-Language", () => {
  const QUERY = `{ program(slug: "family-medicine") { title titleLocale } }`;

  it("chooses the language when a GET names no locale, and the response varies by it", async () => {
    const fr = await get(QUERY, { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" });
    expect(fr.status).toBe(200);
    expect(await fr.json()).toEqual({
      data: { program: { title: "Résidence en médecine familiale", titleLocale: "FR" } },
    });
    expect(fr.headers.get("vary")).toMatch(/Accept-Language/i);
    expect(fr.headers.get("cache-control")).toBe("public, max-age=60");

    const en = await get(QUERY, { "accept-language": "en-US,en;q=0.9,fr;q=0.8" });
    expect(await en.json()).toEqual({ data: { program: { title: "Family medicine residency", titleLocale: "EN" } } });
    const neither = await get(QUERY, { "accept-language": "de-DE" });
    expect(((await neither.json()) as { data: { program: { titleLocale: string } } }).data.program.titleLocale).toBe(
      "EN",
    );
  });

  it("chooses it on POST too, and the locale argument wins over the header", async () => {
    const fr = await post(QUERY, { "accept-language": "fr" });
    expect(((await fr.json()) as { data: { program: { titleLocale: string } } }).data.program.titleLocale).toBe("FR");
    const asked = await post(`{ program(slug: "family-medicine", locale: EN) { title } }`, { "accept-language": "fr" });
    expect(await asked.json()).toEqual({ data: { program: { title: "Family medicine residency" } } });
  });

  it("is parsed by quality: the preferred of English and French, ignoring other languages", () => {
    expect(localeFromAcceptLanguage("fr")).toBe(Locale.FR);
    expect(localeFromAcceptLanguage("de-DE, fr-CA;q=0.4, en;q=0.3")).toBe(Locale.FR);
    expect(localeFromAcceptLanguage("fr;q=0.2, en;q=0.8")).toBe(Locale.EN);
    expect(localeFromAcceptLanguage("fr;q=0, en-GB;q=0.1")).toBe(Locale.EN);
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });
});
