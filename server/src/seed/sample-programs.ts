/**
 * The sample directory's programs, from the same source article as the rest of the sample
 * (sample-directory.ts, which holds the catalogue and the institutions they name by slug and code).
 */
import { Country, RequirementLevel } from "../core/enums";
import { Audience, ProgramType } from "../modules/program/program.enums";
import { articleNote, type SeedRequirementLink } from "./sample-directory";

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
  /** Only specialties the article states the listing offers; examples it gives are quoted in the note instead. */
  specialties: string[];
  requirements: SeedRequirementLink[];
  /** A curator's French translation of the title and description above (never of anything else). */
  french?: { title: string; description: string };
  /** What the article says of this listing (sample-directory.ts, articleNote). */
  sourceNote: string;
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
    specialties: [],
    requirements: US_FELLOWSHIP_REQUIREMENTS,
    sourceNote: articleNote(
      `"Institutions like Cleveland Clinic, Mayo Clinic and Johns Hopkins University offer competitive fellowship positions for international medical graduates." Applicants "typically need to have completed residency and obtained the necessary certification (often ECFMG and USMLE certification)."`,
      `It names "cardiology, oncology or surgery" only as examples of fellowship fields in general, so no specialty is tagged. It gives no positions, dates, fees or visa terms for ${name}.`,
    ),
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
    sourceNote: articleNote(
      `"Prestigious institutions such as Harvard Medical School, Johns Hopkins University and the Mayo Clinic offer highly competitive elective programs for international students." "During these electives, students have the opportunity to observe clinical practices, work with patients under supervision and improve their clinical and communication skills."`,
      `It does not say who may apply beyond "international medical students", nor in which specialties, nor any dates or fees for ${name}.`,
    ),
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
    specialties: [],
    requirements: CA_FELLOWSHIP_REQUIREMENTS,
    sourceNote: articleNote(
      `"These fellowships are offered by prestigious universities such as the University of Toronto, McGill University, and University of British Columbia." Eligibility criteria "often include completion of a Canadian or equivalent residency and a full medical license in their home country."`,
      `It says Canada offers fellowships "in a wide range of specialties, from surgery to pediatrics": examples, so no specialty is tagged. It gives no positions, dates or fees for ${name}.`,
    ),
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
    specialties: [],
    requirements: STUDENT_REQUIREMENTS,
    sourceNote: articleNote(
      `"Institutions like the University of Toronto, McGill University and University of British Columbia offer elective programs that provide hands-on experience in various medical fields, from family medicine to specialized surgical departments."`,
      `"From family medicine to specialized surgical departments" gives examples, so no specialty is tagged. It does not say who may apply beyond "international medical students", nor any dates or fees for ${name}.`,
    ),
  };
}

function canadianResidency(
  slug: string,
  title: string,
  region: string | null,
  pathway: string,
  description: string,
  specialties: string[],
  sourceNote: string,
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
    specialties,
    requirements: [],
    sourceNote,
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
    sourceNote: articleNote(
      `"Hospitals across the U.S. and Canada offer observership programs for international students." "Observership programs allow international medical students to shadow physicians and healthcare providers in their daily work. While these programs don\u2019t involve direct patient care, they offer valuable insight into how medical systems in North America operate."`,
      "It names no hospital, specialty, date or fee.",
    ),
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
    // "IMGs often succeed in" these: where IMGs do well, not what the Match offers, so none is tagged.
    specialties: [],
    sourceNote: articleNote(
      `IMGs must pass "the United States Medical Licensing Examination (USMLE) Steps 1 and 2, with some residency programs requiring Step 3 as well", gain "Educational Commission for Foreign Medical Graduates (ECFMG) certification", then "apply for residency through the National Resident Matching Program (NRMP)". "IMGs often succeed in specialties such as internal medicine, family medicine and pediatrics."`,
      `Its "Step 2" is Step 2 CK: Step 2 CS ended in 2021 (a plain public fact, not from the article). The specialties it names are where IMGs often succeed, not the only ones offered, so none is tagged.`,
    ),
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
    [],
    articleNote(
      `IMGs "must first pass the Medical Council of Canada Qualifying Examination (MCCQE) and often the National Assessment Collaboration (NAC) exam to qualify for residency positions. Following successful completion of these exams, IMGs can apply through the Canadian Resident Matching Service (CaRMS)." "In general, family medicine tends to be the most accessible specialty for IMGs in Canada, but with strong qualifications and performance, positions in other specialties are attainable."`,
      `Its "MCCQE" is the MCCQE Part I: Part II ended in 2021 (a plain public fact, not from the article). Positions are in family medicine and other specialties, so none is tagged.`,
    ),
  ),
  canadianResidency(
    "ontario-img-residency-program",
    "Ontario IMG Residency Program",
    "ON",
    "ontario-img-residency-program",
    "IMG-specific residency spots in Ontario, in both family medicine and other specialties.",
    // Family medicine is the one specialty the article names; the others it does not name.
    ["family-medicine"],
    articleNote(
      `"Certain provinces, such as Ontario, offer IMG-specific residency spots as part of the Ontario IMG Residency Program, which provides positions in both family medicine and other specialties."`,
      "Family medicine is tagged because the article names it; the other specialties it does not name, so they are not tagged. It gives no positions, dates or fees.",
    ),
  ),
  canadianResidency(
    "alberta-img-residency-opportunities",
    "Alberta residency opportunities for international medical graduates",
    "AB",
    "alberta-provincial-img-route",
    "Alberta provides residency opportunities for IMGs through its provincial health board.",
    [],
    articleNote(
      `"Other provinces, like Alberta and British Columbia, also provide opportunities for IMGs through their respective provincial health boards."`,
      "It says nothing more: no specialties, positions, requirements of their own, dates or fees.",
    ),
  ),
  canadianResidency(
    "british-columbia-img-residency-opportunities",
    "British Columbia residency opportunities for international medical graduates",
    "BC",
    "british-columbia-provincial-img-route",
    "British Columbia provides residency opportunities for IMGs through its provincial health board.",
    [],
    articleNote(
      `"Other provinces, like Alberta and British Columbia, also provide opportunities for IMGs through their respective provincial health boards."`,
      "It says nothing more: no specialties, positions, requirements of their own, dates or fees.",
    ),
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
