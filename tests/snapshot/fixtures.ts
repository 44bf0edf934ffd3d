import type { DataSource } from "typeorm";
import { Country, ListingStatus, RequirementLevel } from "../../server/src/core/enums";
import { PathwayRequirement } from "../../server/src/modules/pathway/pathway-requirement.entity";
import { Pathway } from "../../server/src/modules/pathway/pathway.entity";
import { ProgramRequirement } from "../../server/src/modules/program/program-requirement.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { Audience, ProgramType } from "../../server/src/modules/program/program.enums";
import { factories } from "../support/factories";

/** Awkward text for CSV and JSON: commas, quotes, newlines, a tab and non-ASCII. */
export const AWKWARD = 'Says "hello", then\nleaves; tab\there — naïve café ✓';

/**
 * A small directory with every kind of value a snapshot must carry: dates, booleans, scores,
 * notes, nulls and empty strings, draft and archived listings, an archived institution that a
 * published program still uses, and an archived specialty nobody uses.
 */
export async function buildRichDirectory(ds: DataSource) {
  const f = factories(ds);
  const step1 = await f.requirement({
    code: "RICH_EXAM",
    name: "USMLE Step 1",
    scoreMin: 1,
    scoreMax: 300,
    description: AWKWARD,
  });
  const ecfmg = await f.requirement({ code: "RICH_CERT", name: "ECFMG certification", country: Country.US });
  const archivedReq = await f.requirement({
    code: "RICH_OLD_EXAM",
    name: "Old exam",
    archivedAt: new Date("2020-01-01T00:00:00Z"),
  });
  const cardiology = await f.specialty({ slug: "rich-cardiology", name: "Cardiology" });
  const surgery = await f.specialty({ slug: "rich-surgery", name: "Surgery, general" });
  await f.specialty({ slug: "rich-retired-specialty", name: "Retired", archivedAt: new Date("2021-06-01T12:00:00Z") });
  const nrmp = await f.pathway({ slug: "rich-pathway", name: "NRMP", country: Country.US, description: "" }, [
    { requirement: step1 },
  ]);
  await ds.getRepository(PathwayRequirement).update({ pathwayId: nrmp.id }, { note: AWKWARD });
  const mayo = await f.institution({
    slug: "rich-clinic",
    name: "Mayo Clinic",
    nameFr: "Clinique Mayo",
    city: "Rochester",
    region: "MN",
    website: "https://www.mayoclinic.org/",
  });
  const closed = await f.institution({
    slug: "rich-closed-hospital",
    name: 'The "Closed" Hospital, Inc.',
    archivedAt: new Date("2022-02-02T02:02:02Z"),
  });
  const published = await f.program(
    {
      slug: "rich-fellowship",
      title: "Mayo fellowship, cardiology",
      description: AWKWARD,
      institutionId: mayo.id,
      pathwayId: nrmp.id,
      type: ProgramType.FELLOWSHIP,
      audience: Audience.BOTH,
      durationMonths: 24,
      handsOnPatientCare: true,
      visaSponsorship: false,
      positions: 3,
      imgPositions: 0,
      applicationOpensOn: "2026-03-01",
      applicationClosesOn: "2026-09-30",
      applicationFeeCents: 12500,
      feeCurrency: "USD",
      websiteUrl: "https://www.mayoclinic.org/fellowships/cardiology",
      applicationUrl: "https://apply.example.org/cardiology?cycle=2026&step=1",
      sourceUrl: "https://example.org/source?a=1,b=2",
      sourceNote: "",
      lastVerifiedAt: new Date("2025-12-24T08:30:00Z"),
      titleFr: "Fellowship de Mayo, cardiologie",
      descriptionFr: "Dit « bonjour », puis s'en va; naïve café ✓",
      translationUpdatedAt: new Date("2025-11-02T10:00:00Z"),
      sourceTextUpdatedAt: new Date("2025-12-01T09:15:00.250Z"),
    },
    {
      specialties: [surgery, cardiology],
      requirements: [
        { requirement: step1, minimumScore: 230 },
        { requirement: ecfmg, level: RequirementLevel.RECOMMENDED },
      ],
    },
  );
  await ds
    .getRepository(ProgramRequirement)
    .update({ programId: published.id, requirementId: ecfmg.id }, { note: "some programs, not all" });
  const atClosed = await f.program({
    slug: "rich-closed-observership",
    title: "Observership",
    institutionId: closed.id,
    type: ProgramType.OBSERVERSHIP,
    handsOnPatientCare: false,
  });
  const draft = await f.program(
    { slug: "rich-draft-program", title: "Draft", status: ListingStatus.DRAFT, country: Country.CA, region: "ON" },
    { requirements: [{ requirement: archivedReq }] },
  );
  const archived = await f.program({
    slug: "rich-archived-program",
    title: "Archived",
    status: ListingStatus.ARCHIVED,
  });
  return { step1, ecfmg, archivedReq, cardiology, surgery, nrmp, mayo, closed, published, atClosed, draft, archived };
}

/** What the rich directory holds as blank text ("", which the API refuses and so does import). */
export const FILLED_SOURCE_NOTE = "checked by phone";
export const FILLED_PATHWAY_DESCRIPTION = "The national match";

/**
 * Gives the rich directory's blank text fields a value, as a curator would before importing its
 * backup: import applies the API's rules, and the API refuses blank text.
 */
export async function fillBlankText(ds: DataSource): Promise<void> {
  await ds.getRepository(Program).update({ slug: "rich-fellowship" }, { sourceNote: FILLED_SOURCE_NOTE });
  await ds.getRepository(Pathway).update({ slug: "rich-pathway" }, { description: FILLED_PATHWAY_DESCRIPTION });
}
