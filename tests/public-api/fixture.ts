import type { DataSource } from "typeorm";
import { Country, ListingStatus, RequirementLevel } from "../../server/src/core/enums";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { InstitutionKind } from "../../server/src/modules/institution/institution.entity";
import { Audience, ProgramType } from "../../server/src/modules/program/program.enums";
import { factories } from "../support/factories";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** A curator object for `exec(…, as)`: reads drafts and archived listings. */
export const viewerCurator = {
  id: 1,
  email: "viewer@example.org",
  name: "Viewer",
  role: CuratorRole.VIEWER,
  active: true,
} as Curator;

/**
 * A small, hand-checkable directory (synthetic names). Published: p1–p6; p7 is a draft, p8 archived.
 * Review interval 365 days: verified p1 (10 days ago), p4 (1), p6 (100); due p2 (400), p3 and p5 (never).
 *
 * | key | type              | audience | country/region | institution     | pathway | specialties          | requirements (own)                    | hands-on | visa | IMG pos. |
 * | p1  | FELLOWSHIP        | GRADUATE | US MN          | alpha           | direct  | cardiology           | STEP_1 req (min 220), LICENSE req     | yes      | yes  | 2        |
 * | p2  | OBSERVERSHIP      | BOTH     | US MN          | alpha           | —       | oncology             | LICENSE recommended                   | no       | no   | 0        |
 * | p3  | CLINICAL_ELECTIVE | STUDENT  | CA ON          | beta            | direct  | pediatrics           | ENROLLED req                          | yes      | ?    | ?        |
 * | p4  | RESIDENCY         | GRADUATE | CA ON          | beta            | match   | cardiology, pediatr. | STEP_1 req                            | yes      | yes  | 5        |
 * | p5  | RESIDENCY         | GRADUATE | US —           | —               | match   | —                    | STEP_1 req, STEP_2 req                | yes      | ?    | ?        |
 * | p6  | FELLOWSHIP        | GRADUATE | US MA          | gamma (archived)| direct  | oncology             | —                                     | ?        | no   | 1        |
 * The match pathway requires ECFMG and recommends STEP_2.
 */
export async function buildDirectory(ds: DataSource) {
  const f = factories(ds);
  const alpha = await f.institution({
    slug: "alpha",
    name: "Alpha Clinic",
    city: "Rochester",
    country: Country.US,
    region: "MN",
    kind: InstitutionKind.ACADEMIC_MEDICAL_CENTER,
  });
  const beta = await f.institution({
    slug: "beta",
    name: "Beta University",
    city: "Toronto",
    country: Country.CA,
    region: "ON",
    kind: InstitutionKind.UNIVERSITY,
  });
  const gamma = await f.institution({
    slug: "gamma",
    name: "Gamma Hospital",
    city: "Boston",
    country: Country.US,
    region: "MA",
    archivedAt: daysAgo(5),
  });

  const cardiology = await f.specialty({ slug: "cardiology", name: "Cardiology" });
  const oncology = await f.specialty({ slug: "oncology", name: "Oncology" });
  const pediatrics = await f.specialty({ slug: "pediatrics", name: "Pediatrics" });

  const step1 = await f.requirement({ code: "T_STEP_1", name: "Test Step 1" });
  const step2 = await f.requirement({ code: "T_STEP_2", name: "Test Step 2" });
  const ecfmg = await f.requirement({ code: "T_ECFMG", name: "Test certification" });
  const license = await f.requirement({ code: "T_LICENSE", name: "Test licence" });
  const enrolled = await f.requirement({ code: "T_ENROLLED", name: "Test enrolment" });

  const R = RequirementLevel.REQUIRED;
  const REC = RequirementLevel.RECOMMENDED;
  const match = await f.pathway({ slug: "test-match", name: "Test Match" }, [
    { requirement: ecfmg, level: R },
    { requirement: step2, level: REC },
  ]);
  const direct = await f.pathway({ slug: "direct", name: "Direct application" });

  const p1 = await f.program(
    {
      title: "Alpha Cardiology Fellowship",
      type: ProgramType.FELLOWSHIP,
      audience: Audience.GRADUATE,
      country: Country.US,
      region: "MN",
      institutionId: alpha.id,
      pathwayId: direct.id,
      handsOnPatientCare: true,
      visaSponsorship: true,
      imgPositions: 2,
      lastVerifiedAt: daysAgo(10),
      description: "Advanced training in interventional cardiology.",
    },
    {
      specialties: [cardiology],
      requirements: [
        { requirement: step1, level: R, minimumScore: 220 },
        { requirement: license, level: R },
      ],
    },
  );
  const p2 = await f.program(
    {
      title: "Alpha Oncology Observership",
      type: ProgramType.OBSERVERSHIP,
      audience: Audience.BOTH,
      country: Country.US,
      region: "MN",
      institutionId: alpha.id,
      handsOnPatientCare: false,
      visaSponsorship: false,
      imgPositions: 0,
      lastVerifiedAt: daysAgo(400),
    },
    { specialties: [oncology], requirements: [{ requirement: license, level: REC }] },
  );
  const p3 = await f.program(
    {
      title: "Beta Pediatrics Elective",
      type: ProgramType.CLINICAL_ELECTIVE,
      audience: Audience.STUDENT,
      country: Country.CA,
      region: "ON",
      institutionId: beta.id,
      pathwayId: direct.id,
      handsOnPatientCare: true,
    },
    { specialties: [pediatrics], requirements: [{ requirement: enrolled, level: R }] },
  );
  const p4 = await f.program(
    {
      title: "Beta Cardiology Residency",
      type: ProgramType.RESIDENCY,
      audience: Audience.GRADUATE,
      country: Country.CA,
      region: "ON",
      institutionId: beta.id,
      pathwayId: match.id,
      handsOnPatientCare: true,
      visaSponsorship: true,
      imgPositions: 5,
      lastVerifiedAt: daysAgo(1),
    },
    { specialties: [cardiology, pediatrics], requirements: [{ requirement: step1, level: R }] },
  );
  const p5 = await f.program(
    {
      title: "US Residency through the Match",
      type: ProgramType.RESIDENCY,
      audience: Audience.GRADUATE,
      country: Country.US,
      pathwayId: match.id,
      handsOnPatientCare: true,
    },
    {
      requirements: [
        { requirement: step1, level: R },
        { requirement: step2, level: R },
      ],
    },
  );
  const p6 = await f.program(
    {
      title: "Gamma Oncology Fellowship",
      type: ProgramType.FELLOWSHIP,
      audience: Audience.GRADUATE,
      country: Country.US,
      region: "MA",
      institutionId: gamma.id,
      pathwayId: direct.id,
      visaSponsorship: false,
      imgPositions: 1,
      lastVerifiedAt: daysAgo(100),
    },
    { specialties: [oncology] },
  );
  const p7 = await f.program(
    {
      title: "Draft Cardiology Fellowship",
      status: ListingStatus.DRAFT,
      type: ProgramType.FELLOWSHIP,
      country: Country.US,
      region: "MN",
      institutionId: alpha.id,
    },
    { specialties: [cardiology] },
  );
  const p8 = await f.program({
    title: "Archived Observership",
    status: ListingStatus.ARCHIVED,
    type: ProgramType.OBSERVERSHIP,
    audience: Audience.BOTH,
    country: Country.CA,
    region: "QC",
  });

  const programs = { p1, p2, p3, p4, p5, p6, p7, p8 };
  const keyOf = new Map(Object.entries(programs).map(([k, p]) => [String(p.id), k]));
  return {
    programs,
    institutions: { alpha, beta, gamma },
    specialties: { cardiology, oncology, pediatrics },
    requirements: { step1, step2, ecfmg, license, enrolled },
    pathways: { match, direct },
    /** Turns program ids from a response into fixture keys, sorted: ["p1", "p4"]. */
    keys: (ids: string[]) => ids.map((id) => keyOf.get(id) ?? `?${id}`).sort(),
    /** One program id's fixture key. */
    key: (id: string) => keyOf.get(id) ?? `?${id}`,
  };
}

export type Directory = Awaited<ReturnType<typeof buildDirectory>>;
