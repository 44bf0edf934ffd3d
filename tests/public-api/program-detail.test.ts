/**
 * `program(id|slug)` reads the relations it selects in the same statement as the program, as JSON
 * (modules/program/program.detail.ts). Its answers must be the ones the per-relation loaders
 * give, which the `programs` page still uses: every field of every relation, drafts, archived
 * relations, French text, scores, dates and provenance, for anonymous readers and curators alike.
 */
import { buildSchema, getNamedType, isLeafType, isNonNullType, type GraphQLObjectType } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { RequirementLevel } from "../../server/src/core/enums";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { buildDirectory } from "./fixture";

const server = useTestServer();
let curator: Curator;
const ARCHIVED = new Date("2024-01-01T00:00:00.000Z");
const VERIFIED = new Date("2025-03-04T05:06:07.089Z");

const schema = buildSchema(fs.readFileSync(path.join(__dirname, "../../schema/schema.graphql"), "utf8"));

/** Every field of a type that needs no argument and returns a scalar or an enum. */
function leaves(typeName: string): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => f.name)
    .join(" ");
}

/** The selection under a program: every leaf and relation; `verifiedBy` (curators only) when `curator`. */
function programFields(curator: boolean): string {
  const by = (fields: string) => (curator ? `verifiedBy { ${fields} }` : "");
  const requirement = `requirement { ${leaves("Requirement")} ${by("id name")} }`;
  return `${leaves("Program")} ${by("id")}
  institution { ${leaves("Institution")} ${by("id name")} }
  pathway { ${leaves("Pathway")} ${by("id")} requirements { ${leaves("PathwayRequirement")} ${requirement} } }
  specialties { ${leaves("Specialty")} }
  requirements { ${leaves("ProgramRequirement")} ${requirement} }`;
}
const detail = (curator: boolean) =>
  `query($slug: String!, $locale: Locale) { program(slug: $slug, locale: $locale) { ${programFields(curator)} } }`;
const page = (curator: boolean) =>
  `query($locale: Locale) { programs(first: 20, locale: $locale) { edges { node { ${programFields(curator)} } } } }`;

beforeAll(async () => {
  const f = factories(server.ds);
  curator = await f.curator({ role: CuratorRole.VIEWER });
  await buildDirectory(server.ds);
  // Archived relations, French text, scores and provenance on a published and a draft program.
  const oldSpecialty = await f.specialty({ slug: "old-specialty", archivedAt: ARCHIVED });
  const liveSpecialty = await f.specialty({ slug: "live-specialty", name: "Live specialty" });
  const ielts = await f.requirement({
    code: "T_IELTS",
    name: "Test IELTS",
    nameFr: "IELTS d'essai",
    descriptionFr: "Un examen.",
    scoreMin: 0,
    scoreMax: 9,
    scoreStep: 0.5,
    lastVerifiedAt: VERIFIED,
    verifiedById: curator.id,
    sourceUrl: "https://example.org/ielts",
  });
  const oldExam = await f.requirement({ code: "T_OLD", archivedAt: ARCHIVED });
  const pathway = await f.pathway(
    {
      slug: "t-quebec",
      name: "Test Quebec stream",
      nameFr: "Filière Québec d'essai",
      region: "QC",
      visaTypesSponsored: ["J1"] as never,
      maxYearsSinceGraduation: 5,
      clinicalExperienceInCountry: true,
      lastVerifiedAt: VERIFIED,
    },
    [{ requirement: ielts, level: RequirementLevel.REQUIRED }, { requirement: oldExam }],
  );
  const oldPathway = await f.pathway({ slug: "t-old-pathway", archivedAt: ARCHIVED });
  const institution = await f.institution({
    slug: "t-montreal",
    name: "Test Montreal Hospital",
    nameFr: "Hôpital d'essai de Montréal",
    website: "https://example.org",
    lastVerifiedAt: VERIFIED,
    verifiedById: curator.id,
  });
  const oldInstitution = await f.institution({ slug: "t-old-institution", archivedAt: ARCHIVED });
  const links = {
    specialties: [oldSpecialty, liveSpecialty],
    requirements: [
      { requirement: ielts, level: RequirementLevel.REQUIRED, minimumScore: 6.5 },
      { requirement: oldExam, level: RequirementLevel.RECOMMENDED },
    ],
  };
  await f.program(
    {
      slug: "t-bilingual",
      title: "Test bilingual fellowship",
      titleFr: "Stage bilingue d'essai",
      descriptionFr: "En français.",
      institutionId: institution.id,
      pathwayId: pathway.id,
      applicationOpensOn: "2026-01-15",
      lastVerifiedAt: VERIFIED,
      verifiedById: curator.id,
    },
    links,
  );
  await f.program({ slug: "t-archived-links", institutionId: oldInstitution.id, pathwayId: oldPathway.id }, links);
  await f.program({ slug: "t-draft", status: "DRAFT" as never, institutionId: institution.id }, links);
});

async function pageNodes(as: Curator | null, locale: string | null): Promise<any[]> {
  const r = await server.exec(page(as !== null), { locale }, as);
  return expectData(r).programs.edges.map((e: any) => e.node);
}

describe.each([
  ["anonymous readers", () => null],
  ["curators", () => curator],
])("one program for %s", (_, viewer) => {
  it.each([null, "FR"])("answers as the page's loaders do, in one statement (locale %s)", async (locale) => {
    const nodes = await pageNodes(viewer(), locale);
    // The fixture's programs (drafts among them for curators), with every kind of relation.
    expect(nodes.length).toBeGreaterThanOrEqual(viewer() ? 11 : 8);
    expect(nodes.some((n) => n.pathway?.requirements.length > 0)).toBe(true);
    for (const node of nodes) {
      const r = await server.exec(detail(viewer() !== null), { slug: node.slug, locale }, viewer());
      expect(expectData(r).program).toEqual(node);
      // The program and every relation, then only the curator who verified each record.
      const curatorReads = r.sql.filter((s) => /FROM "curators"/.test(s)).length;
      expect(r.statements - curatorReads).toBe(1);
    }
  });
});

it("keeps drafts and archived relations from anonymous readers", async () => {
  const DETAIL = detail(false);
  const hidden = await server.exec(DETAIL, { slug: "t-draft" });
  expect(expectData(hidden).program).toBeNull();
  const p = expectData(await server.exec(DETAIL, { slug: "t-archived-links" })).program;
  expect(p).toMatchObject({ institution: null, pathway: null });
  expect(p.specialties.map((s: any) => s.slug)).toEqual(["live-specialty"]);
  expect(p.requirements.map((l: any) => l.requirement.code)).toEqual(["T_IELTS"]);
  const seen = expectData(await server.exec(DETAIL, { slug: "t-archived-links" }, curator)).program;
  expect(seen.institution.slug).toBe("t-old-institution");
  expect(seen.pathway.slug).toBe("t-old-pathway");
  expect(seen.requirements.map((l: any) => [l.requirement.code, l.minimumScore])).toEqual([
    ["T_IELTS", 6.5],
    ["T_OLD", null],
  ]);
});
