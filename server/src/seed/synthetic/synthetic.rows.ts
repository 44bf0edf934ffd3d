/**
 * Builds the rows of a synthetic directory from a seeded PRNG. Pure: no database here, so the
 * same seed gives the same rows whichever engine they are written to.
 */
import { Country, ListingStatus, RequirementLevel } from "../../core/enums";
import { InstitutionKind } from "../../modules/institution/institution.entity";
import { Audience, ProgramType } from "../../modules/program/program.enums";
import type { Prng } from "./prng";
import {
  CA_CODES,
  CITY_WORDS,
  GENERAL_CODES,
  REGIONS,
  SCORED,
  SPECIALTIES,
  TOPICS,
  US_CODES,
} from "./synthetic.catalogue";

/** Fixed clock so that dates are part of what a seed determines. */
const BASE = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
/** The UTC day of a midnight-UTC instant, "YYYY-MM-DD". */
const dayOf = (midnightUtc: Date): string => midnightUtc.toISOString().slice(0, 10);

export interface InstitutionRow {
  id: number;
  slug: string;
  name: string;
  kind: InstitutionKind;
  country: Country;
  region: string;
  city: string;
  website: string;
  description: string;
  createdAt: Date;
}

export interface ProgramRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  type: ProgramType;
  audience: Audience;
  status: ListingStatus;
  institutionId: number | null;
  country: Country;
  region: string | null;
  pathwaySlug: string | null;
  durationMonths: number | null;
  handsOnPatientCare: boolean;
  positions: number | null;
  imgPositions: number | null;
  visaSponsorship: boolean | null;
  /** Days, "YYYY-MM-DD". */
  applicationOpensOn: string | null;
  applicationClosesOn: string | null;
  applicationFeeCents: number | null;
  feeCurrency: string | null;
  lastVerifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  specialties: string[];
  requirements: { code: string; level: RequirementLevel; minimumScore: number | null; note: string | null }[];
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const KINDS: readonly (readonly [InstitutionKind, number])[] = [
  [InstitutionKind.HOSPITAL, 40],
  [InstitutionKind.ACADEMIC_MEDICAL_CENTER, 25],
  [InstitutionKind.UNIVERSITY, 15],
  [InstitutionKind.MEDICAL_SCHOOL, 15],
  [InstitutionKind.OTHER, 5],
];

export function institutionRow(rng: Prng, id: number, n: number): InstitutionRow {
  const country = rng.chance(0.8) ? Country.US : Country.CA;
  const region = rng.weighted(REGIONS[country]);
  const kind = rng.weighted(KINDS);
  const city = `Synthetic ${rng.pick(CITY_WORDS)} City ${pad(rng.int(1, 400), 3)}`;
  const name = `Synthetic Institution ${pad(n, 5)}`;
  return {
    id,
    slug: `synthetic-institution-${pad(n, 5)}`,
    name,
    kind,
    country,
    region,
    city,
    website: `https://synthetic-institution-${pad(n, 5)}.example`,
    description: `${name} is synthetic benchmark data: a ${kind.toLowerCase().replace(/_/g, " ")} in ${city}, ${region}, known for ${rng.pick(TOPICS)} and ${rng.pick(TOPICS)}.`,
    createdAt: new Date(BASE - rng.int(400, 3000) * DAY),
  };
}

const TYPES: readonly (readonly [ProgramType, number])[] = [
  [ProgramType.RESIDENCY, 35],
  [ProgramType.FELLOWSHIP, 25],
  [ProgramType.CLINICAL_ELECTIVE, 20],
  [ProgramType.OBSERVERSHIP, 20],
];
const TYPE_LABEL: Record<ProgramType, string> = {
  [ProgramType.RESIDENCY]: "Residency",
  [ProgramType.FELLOWSHIP]: "Fellowship",
  [ProgramType.CLINICAL_ELECTIVE]: "Clinical Elective",
  [ProgramType.OBSERVERSHIP]: "Observership",
};
const STATUSES: readonly (readonly [ListingStatus, number])[] = [
  [ListingStatus.PUBLISHED, 90],
  [ListingStatus.DRAFT, 7],
  [ListingStatus.ARCHIVED, 3],
];
const SPECIALTY_TABLE = SPECIALTIES.map((s) => [s, s.weight] as const);

function audienceFor(rng: Prng, type: ProgramType): Audience {
  if (type === ProgramType.RESIDENCY || type === ProgramType.FELLOWSHIP) return Audience.GRADUATE;
  if (type === ProgramType.CLINICAL_ELECTIVE) return rng.chance(0.7) ? Audience.STUDENT : Audience.BOTH;
  return rng.weighted([
    [Audience.GRADUATE, 40],
    [Audience.STUDENT, 20],
    [Audience.BOTH, 40],
  ]);
}

function pathwayFor(rng: Prng, type: ProgramType, country: Country, region: string | null): string | null {
  if (type === ProgramType.RESIDENCY) {
    if (country === Country.US) return "nrmp";
    const provincial: Record<string, string> = {
      ON: "ontario-img-residency-program",
      AB: "alberta-provincial-img-route",
      BC: "british-columbia-provincial-img-route",
    };
    return region && provincial[region] && rng.chance(0.3) ? provincial[region] : "carms";
  }
  return rng.chance(0.6) ? "synthetic-direct-application" : null;
}

function durationFor(rng: Prng, type: ProgramType): number | null {
  switch (type) {
    case ProgramType.RESIDENCY:
      return rng.pick([36, 36, 36, 48, 60, 60, 72, 84]);
    case ProgramType.FELLOWSHIP:
      return rng.pick([12, 12, 24, 24, 36]);
    default:
      return rng.chance(0.2) ? null : rng.int(1, 3);
  }
}

function requirementsFor(
  rng: Prng,
  type: ProgramType,
  audience: Audience,
  country: Country,
): ProgramRow["requirements"] {
  const pool = [...(country === Country.US ? US_CODES : CA_CODES), ...GENERAL_CODES];
  const count = rng.int(3, Math.min(8, pool.length));
  // Students do not hold residencies; graduates are no longer enrolled.
  const fits = (code: string) =>
    !(audience === Audience.STUDENT && (code === "COMPLETED_RESIDENCY" || code === "HOME_MEDICAL_LICENSE")) &&
    !(audience === Audience.GRADUATE && code === "ENROLLED_MEDICAL_STUDENT") &&
    !(type === ProgramType.RESIDENCY && code === "COMPLETED_RESIDENCY");
  const preferred = pool.filter(fits);
  const chosen = rng.sample(preferred.length >= count ? preferred : pool, count);
  return chosen.map((code) => {
    const range = SCORED[code];
    return {
      code,
      level: rng.chance(0.7) ? RequirementLevel.REQUIRED : RequirementLevel.RECOMMENDED,
      minimumScore: range && rng.chance(0.3) ? rng.int(range[0], range[1]) : null,
      note: rng.chance(0.1) ? "Synthetic note: check the program's own pages." : null,
    };
  });
}

export function programRow(rng: Prng, id: number, n: number, institution: InstitutionRow | null): ProgramRow {
  const type = rng.weighted(TYPES);
  const audience = audienceFor(rng, type);
  const country = institution?.country ?? (rng.chance(0.8) ? Country.US : Country.CA);
  const region = institution?.region ?? null;
  const primary = rng.weighted(SPECIALTY_TABLE);
  const others = rng.sample(SPECIALTIES, rng.int(0, 2)).filter((s) => s.slug !== primary.slug);
  const specialties = [primary.slug, ...others.map((s) => s.slug)];
  const title = `Synthetic ${primary.name} ${TYPE_LABEL[type]} ${pad(n, 6)}`;
  const where = institution
    ? `at ${institution.name} in ${institution.city}, ${institution.region}`
    : `across ${country}`;
  const description =
    `Synthetic benchmark listing: a ${TYPE_LABEL[type].toLowerCase()} in ${primary.name.toLowerCase()} ${where}. ` +
    `Focus on ${rng.pick(TOPICS)}, ${rng.pick(TOPICS)} and ${rng.pick(TOPICS)}.`;
  const createdAt = new Date(BASE - rng.int(30, 1500) * DAY);
  const updatedAt = new Date(createdAt.getTime() + rng.int(0, 29) * DAY + rng.int(0, DAY / 1000) * 1000);
  const hasWindow = type !== ProgramType.OBSERVERSHIP && rng.chance(0.5);
  const opens = hasWindow ? new Date(BASE + rng.int(0, 200) * DAY) : null;
  const positions =
    type === ProgramType.RESIDENCY ? rng.int(2, 40) : type === ProgramType.FELLOWSHIP ? rng.int(1, 6) : null;
  const hasFee = rng.chance(0.4);
  return {
    id,
    slug: `synthetic-program-${pad(n, 6)}`,
    title,
    description,
    type,
    audience,
    status: rng.weighted(STATUSES),
    institutionId: institution?.id ?? null,
    country,
    region,
    pathwaySlug: pathwayFor(rng, type, country, region),
    durationMonths: durationFor(rng, type),
    handsOnPatientCare: type !== ProgramType.OBSERVERSHIP,
    positions,
    imgPositions: positions !== null && rng.chance(0.3) ? rng.int(1, Math.max(1, Math.floor(positions / 3))) : null,
    visaSponsorship: rng.chance(0.3) ? null : rng.chance(0.5),
    applicationOpensOn: opens ? dayOf(opens) : null,
    applicationClosesOn: opens ? dayOf(new Date(opens.getTime() + rng.int(30, 120) * DAY)) : null,
    applicationFeeCents: hasFee ? rng.int(5, 60) * 1000 : null,
    feeCurrency: hasFee ? (country === Country.US ? "USD" : "CAD") : null,
    lastVerifiedAt: rng.chance(0.5) ? new Date(BASE - rng.int(0, 700) * DAY) : null,
    createdAt,
    updatedAt,
    specialties,
    requirements: requirementsFor(rng, type, audience, country),
  };
}
