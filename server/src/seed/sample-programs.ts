/**
 * The sample directory's programs, from the same source article as the rest of the sample
 * (sample-directory.ts, which holds the catalogue and the institutions they name by slug and code).
 */
import { Country, RequirementLevel } from "../core/enums";
import { Audience, ProgramType } from "../modules/program/program.enums";
import type { SeedRequirementLink } from "./sample-directory";

const R = RequirementLevel.REQUIRED;

export interface SeedProgram {
  slug: string;
  title: string;
  description: string;
  type: ProgramType;
  audience: Audience;
  institution: string | null;
  country: Country;
  region: string | null;
  pathway: string | null;
  handsOnPatientCare: boolean | null;
  specialties: string[];
  requirements: SeedRequirementLink[];
  /** A curator's French translation of the title and description above (never of anything else). */
  french?: { title: string; description: string };
}

const OFTEN = RequirementLevel.COMMONLY_REQUIRED;
const US_FELLOWSHIP_CERTIFICATION =
  'The article: fellowship applicants "typically need to have completed residency and obtained the necessary certification (often ECFMG and USMLE certification)".';
const US_FELLOWSHIP_REQUIREMENTS: SeedRequirementLink[] = [
  {
    code: "COMPLETED_RESIDENCY",
    level: R,
    note: 'The article: fellowships are "for those who have already completed a residency".',
  },
  { code: "ECFMG_CERTIFICATION", level: OFTEN, note: US_FELLOWSHIP_CERTIFICATION },
  { code: "USMLE_STEP_1", level: OFTEN, note: US_FELLOWSHIP_CERTIFICATION },
  { code: "USMLE_STEP_2_CK", level: OFTEN, note: US_FELLOWSHIP_CERTIFICATION },
];
const CA_FELLOWSHIP_CRITERIA =
  'The article: eligibility criteria "often include completion of a Canadian or equivalent residency and a full medical license in their home country".';
const CA_FELLOWSHIP_REQUIREMENTS: SeedRequirementLink[] = [
  { code: "COMPLETED_RESIDENCY", level: OFTEN, note: CA_FELLOWSHIP_CRITERIA },
  { code: "HOME_MEDICAL_LICENSE", level: OFTEN, note: CA_FELLOWSHIP_CRITERIA },
];
// The article never says electives or observerships ask for proof of enrolment: they are for
// international medical students (their audience), and ENROLLED_MEDICAL_STUDENT is not linked.
const STUDENT_REQUIREMENTS: SeedRequirementLink[] = [];

function usFellowship(institution: string, name: string, region: string): SeedProgram {
  return {
    slug: `${institution}-fellowships-for-imgs`,
    title: `${name} fellowships for international medical graduates`,
    description: `Competitive fellowship positions for IMGs who have completed a residency: advanced, specialized clinical training in fields like cardiology, oncology or surgery.`,
    type: ProgramType.FELLOWSHIP,
    audience: Audience.GRADUATE,
    institution,
    country: Country.US,
    region,
    pathway: null,
    handsOnPatientCare: null,
    specialties: ["cardiology", "oncology", "surgery"],
    requirements: US_FELLOWSHIP_REQUIREMENTS,
  };
}

function usElective(institution: string, name: string, region: string): SeedProgram {
  return {
    slug: `${institution}-clinical-electives-for-ims`,
    title: `${name} clinical electives for international medical students`,
    description:
      "Highly competitive elective for international medical students: observe clinical practice, work with patients under supervision and improve clinical and communication skills in a U.S. healthcare setting.",
    type: ProgramType.CLINICAL_ELECTIVE,
    audience: Audience.STUDENT,
    institution,
    country: Country.US,
    region,
    pathway: null,
    handsOnPatientCare: true,
    specialties: [],
    requirements: STUDENT_REQUIREMENTS,
  };
}

function caFellowship(institution: string, name: string, region: string): SeedProgram {
  return {
    slug: `${institution}-fellowships-for-imgs`,
    title: `${name} fellowships for international medical graduates`,
    description:
      "Fellowships designed for IMGs seeking advanced, specialized training in a wide range of specialties, from surgery to pediatrics; in many cases they can lead to permanent positions in the Canadian healthcare system.",
    type: ProgramType.FELLOWSHIP,
    audience: Audience.GRADUATE,
    institution,
    country: Country.CA,
    region,
    pathway: null,
    handsOnPatientCare: null,
    specialties: ["surgery", "pediatrics"],
    requirements: CA_FELLOWSHIP_REQUIREMENTS,
  };
}

function caElective(institution: string, name: string, region: string): SeedProgram {
  return {
    slug: `${institution}-clinical-electives-for-ims`,
    title: `${name} clinical electives for international medical students`,
    description:
      "Elective for international medical students: a designated period in Canadian teaching hospitals, with hands-on experience in fields from family medicine to specialized surgical departments.",
    type: ProgramType.CLINICAL_ELECTIVE,
    audience: Audience.STUDENT,
    institution,
    country: Country.CA,
    region,
    pathway: null,
    handsOnPatientCare: true,
    specialties: ["family-medicine", "surgery"],
    requirements: STUDENT_REQUIREMENTS,
  };
}

function canadianResidency(
  slug: string,
  title: string,
  region: string | null,
  pathway: string,
  description: string,
): SeedProgram {
  return {
    slug,
    title,
    description,
    type: ProgramType.RESIDENCY,
    audience: Audience.GRADUATE,
    institution: null,
    country: Country.CA,
    region,
    pathway,
    handsOnPatientCare: null,
    specialties: ["family-medicine"],
    requirements: [],
  };
}

function observership(country: Country, where: string): SeedProgram {
  return {
    slug: `observerships-${country === Country.US ? "united-states" : "canada"}`,
    title: `Observerships for international medical students in ${where}`,
    description: `Hospitals across ${where} offer observerships: international medical students shadow physicians and healthcare providers; no direct patient care.`,
    type: ProgramType.OBSERVERSHIP,
    audience: Audience.STUDENT,
    institution: null,
    country,
    region: null,
    pathway: null,
    handsOnPatientCare: false,
    specialties: [],
    requirements: STUDENT_REQUIREMENTS,
  };
}

export const programs: SeedProgram[] = [
  {
    slug: "us-residency-through-the-match",
    title: "U.S. residency positions for international medical graduates (The Match)",
    description:
      "Residency is the essential next step for IMGs after the medical degree; positions are applied for through the NRMP. IMGs often succeed in internal medicine, family medicine and pediatrics.",
    type: ProgramType.RESIDENCY,
    audience: Audience.GRADUATE,
    institution: null,
    country: Country.US,
    region: null,
    pathway: "nrmp",
    handsOnPatientCare: null,
    specialties: ["internal-medicine", "family-medicine", "pediatrics"],
    requirements: [
      { code: "USMLE_STEP_1", level: R },
      { code: "USMLE_STEP_2_CK", level: R },
      {
        code: "USMLE_STEP_3",
        level: OFTEN,
        note: 'The article: "with some residency programs requiring Step 3 as well".',
      },
      { code: "ECFMG_CERTIFICATION", level: R },
    ],
  },
  canadianResidency(
    "canadian-residency-through-carms",
    "Canadian residency positions for international medical graduates (CaRMS)",
    null,
    "carms",
    "After passing the MCCQE and often the NAC exam, IMGs apply for Canadian residency through CaRMS; family medicine tends to be the most accessible specialty for IMGs.",
  ),
  canadianResidency(
    "ontario-img-residency-program",
    "Ontario IMG Residency Program",
    "ON",
    "ontario-img-residency-program",
    "IMG-specific residency spots in Ontario, in both family medicine and other specialties.",
  ),
  canadianResidency(
    "alberta-img-residency-opportunities",
    "Alberta residency opportunities for international medical graduates",
    "AB",
    "alberta-provincial-img-route",
    "Alberta provides residency opportunities for IMGs through its provincial health board.",
  ),
  canadianResidency(
    "british-columbia-img-residency-opportunities",
    "British Columbia residency opportunities for international medical graduates",
    "BC",
    "british-columbia-provincial-img-route",
    "British Columbia provides residency opportunities for IMGs through its provincial health board.",
  ),
  usFellowship("cleveland-clinic", "Cleveland Clinic", "OH"),
  usFellowship("mayo-clinic", "Mayo Clinic", "MN"),
  usFellowship("johns-hopkins-university", "Johns Hopkins University", "MD"),
  usElective("harvard-medical-school", "Harvard Medical School", "MA"),
  usElective("johns-hopkins-university", "Johns Hopkins University", "MD"),
  usElective("mayo-clinic", "Mayo Clinic", "MN"),
  caFellowship("university-of-toronto", "University of Toronto", "ON"),
  {
    ...caFellowship("mcgill-university", "McGill University", "QC"),
    french: {
      title: "Fellowships de l'Université McGill pour les diplômés internationaux en médecine",
      description:
        "Fellowships conçus pour les DIM qui souhaitent une formation avancée et spécialisée dans un large éventail de spécialités, de la chirurgie à la pédiatrie; dans bien des cas, ils peuvent mener à des postes permanents dans le système de santé canadien.",
    },
  },
  caFellowship("university-of-british-columbia", "University of British Columbia", "BC"),
  caElective("university-of-toronto", "University of Toronto", "ON"),
  {
    ...caElective("mcgill-university", "McGill University", "QC"),
    french: {
      title: "Stages cliniques à option de l'Université McGill pour les étudiants internationaux en médecine",
      description:
        "Stage à option pour les étudiants internationaux en médecine : une période désignée dans des hôpitaux d'enseignement canadiens, avec une expérience pratique dans des domaines allant de la médecine familiale aux départements chirurgicaux spécialisés.",
    },
  },
  caElective("university-of-british-columbia", "University of British Columbia", "BC"),
  observership(Country.US, "the United States"),
  observership(Country.CA, "Canada"),
];
