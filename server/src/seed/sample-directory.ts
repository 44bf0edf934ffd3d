/**
 * The sample directory: only what the source article (a PracticeLink
 * article on programs for IMGs and IMS in the U.S. and Canada) says, plus plain public facts
 * (an institution's city, state or province, and website). No deadlines, fees, scores or
 * positions: the article gives none. Every listing is published and starts unverified.
 */
import { Country, ProfileFact, RequirementLevel } from "../core/enums";
import { InstitutionKind } from "../modules/institution/institution.entity";
import { PathwayKind } from "../modules/pathway/pathway.entity";
import { RequirementKind } from "../modules/requirement/requirement.entity";

export const SOURCE_URL = "https://www.practicelink.com/";
export const SOURCE_NOTE =
  "PracticeLink article on programs for international medical graduates (IMGs) and students (IMS) in the U.S. and Canada; not yet verified against the program's own pages.";
/**
 * Added to the source note of a listing whose French text the sample carries: the article is in
 * English, so the French is a curator's plain translation of the listing's English title and
 * description, and says nothing the English does not.
 */
export const TRANSLATION_NOTE =
  " French title and description: a curator's translation of the English ones (the article is in English).";

export interface SeedRequirementLink {
  code: string;
  level: RequirementLevel;
  note?: string;
}

export const requirements = [
  {
    code: "USMLE_STEP_1",
    name: "USMLE Step 1",
    kind: RequirementKind.EXAM,
    country: Country.US,
    description: "United States Medical Licensing Examination, Step 1.",
  },
  {
    code: "USMLE_STEP_2_CK",
    name: "USMLE Step 2 CK",
    kind: RequirementKind.EXAM,
    country: Country.US,
    description: "United States Medical Licensing Examination, Step 2 Clinical Knowledge.",
  },
  {
    code: "USMLE_STEP_3",
    name: "USMLE Step 3",
    kind: RequirementKind.EXAM,
    country: Country.US,
    description: "United States Medical Licensing Examination, Step 3.",
  },
  {
    code: "ECFMG_CERTIFICATION",
    name: "ECFMG certification",
    kind: RequirementKind.CERTIFICATION,
    country: Country.US,
    description:
      "Educational Commission for Foreign Medical Graduates certification: verifies that an IMG has met the required education standards.",
  },
  {
    code: "MCCQE_PART_1",
    name: "MCCQE Part I",
    kind: RequirementKind.EXAM,
    country: Country.CA,
    description: "Medical Council of Canada Qualifying Examination, Part I.",
  },
  {
    code: "NAC_EXAM",
    name: "NAC examination",
    kind: RequirementKind.EXAM,
    country: Country.CA,
    description: "National Assessment Collaboration examination.",
  },
  {
    code: "COMPLETED_RESIDENCY",
    name: "Completed residency",
    kind: RequirementKind.TRAINING,
    country: null,
    description: "A completed residency (for Canadian fellowships: a Canadian or equivalent residency).",
    heldWhen: ProfileFact.COMPLETED_RESIDENCY,
  },
  {
    code: "HOME_MEDICAL_LICENSE",
    name: "Full medical licence in home country",
    kind: RequirementKind.LICENSE,
    country: null,
    description: "A full medical licence in the applicant's home country.",
    heldWhen: ProfileFact.LICENSED,
  },
  {
    code: "ENROLLED_MEDICAL_STUDENT",
    name: "Enrolled medical student",
    kind: RequirementKind.TRAINING,
    country: null,
    description: "Currently enrolled as a student at a medical school.",
    heldWhen: ProfileFact.STUDENT,
  },
];

/**
 * Holding the first counts as holding the others: a plain public fact (ECFMG certification
 * requires passing USMLE Step 1 and Step 2 CK), not the article's.
 */
export const implications: { code: string; implies: string[] }[] = [
  { code: "ECFMG_CERTIFICATION", implies: ["USMLE_STEP_1", "USMLE_STEP_2_CK"] },
];

export const specialties = [
  { slug: "internal-medicine", name: "Internal medicine" },
  { slug: "family-medicine", name: "Family medicine" },
  { slug: "pediatrics", name: "Pediatrics" },
  { slug: "cardiology", name: "Cardiology" },
  { slug: "oncology", name: "Oncology" },
  { slug: "surgery", name: "Surgery" },
];

const R = RequirementLevel.REQUIRED;
const CANADIAN_EXAMS: SeedRequirementLink[] = [
  { code: "MCCQE_PART_1", level: R },
  {
    code: "NAC_EXAM",
    level: RequirementLevel.COMMONLY_REQUIRED,
    note: 'The article: IMGs "must first pass the MCCQE and often the NAC exam".',
  },
];

export const pathways = [
  {
    slug: "nrmp",
    name: "National Resident Matching Program (The Match)",
    kind: PathwayKind.NATIONAL_MATCH,
    country: Country.US,
    region: null,
    website: "https://www.nrmp.org/",
    description:
      'U.S. residency positions are applied for through the NRMP, commonly called "The Match", after passing USMLE Steps 1 and 2 and gaining ECFMG certification.',
    requirements: [
      { code: "USMLE_STEP_1", level: R },
      { code: "USMLE_STEP_2_CK", level: R },
      { code: "ECFMG_CERTIFICATION", level: R },
    ] as SeedRequirementLink[],
  },
  {
    slug: "carms",
    name: "Canadian Resident Matching Service (CaRMS)",
    kind: PathwayKind.NATIONAL_MATCH,
    country: Country.CA,
    region: null,
    website: "https://www.carms.ca/",
    description:
      "Canadian residency positions are applied for through CaRMS after passing the MCCQE and often the NAC exam.",
    requirements: CANADIAN_EXAMS,
  },
  {
    slug: "ontario-img-residency-program",
    name: "Ontario IMG Residency Program",
    kind: PathwayKind.PROVINCIAL_IMG_STREAM,
    country: Country.CA,
    region: "ON",
    website: null,
    description: "Ontario offers IMG-specific residency spots in family medicine and other specialties.",
    requirements: CANADIAN_EXAMS,
  },
  {
    slug: "alberta-provincial-img-route",
    name: "Alberta IMG route (provincial health board)",
    kind: PathwayKind.PROVINCIAL_IMG_STREAM,
    country: Country.CA,
    region: "AB",
    website: null,
    description: "Alberta provides opportunities for IMGs through its provincial health board.",
    requirements: CANADIAN_EXAMS,
  },
  {
    slug: "british-columbia-provincial-img-route",
    name: "British Columbia IMG route (provincial health board)",
    kind: PathwayKind.PROVINCIAL_IMG_STREAM,
    country: Country.CA,
    region: "BC",
    website: null,
    description: "British Columbia provides opportunities for IMGs through its provincial health board.",
    requirements: CANADIAN_EXAMS,
  },
];

export const institutions = [
  {
    slug: "mayo-clinic",
    name: "Mayo Clinic",
    kind: InstitutionKind.ACADEMIC_MEDICAL_CENTER,
    country: Country.US,
    region: "MN",
    city: "Rochester",
    website: "https://www.mayoclinic.org/",
  },
  {
    slug: "cleveland-clinic",
    name: "Cleveland Clinic",
    kind: InstitutionKind.ACADEMIC_MEDICAL_CENTER,
    country: Country.US,
    region: "OH",
    city: "Cleveland",
    website: "https://my.clevelandclinic.org/",
  },
  {
    slug: "johns-hopkins-university",
    name: "Johns Hopkins University",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.US,
    region: "MD",
    city: "Baltimore",
    website: "https://www.jhu.edu/",
  },
  {
    slug: "harvard-medical-school",
    name: "Harvard Medical School",
    kind: InstitutionKind.MEDICAL_SCHOOL,
    country: Country.US,
    region: "MA",
    city: "Boston",
    website: "https://hms.harvard.edu/",
  },
  {
    slug: "university-of-toronto",
    name: "University of Toronto",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.CA,
    region: "ON",
    city: "Toronto",
    website: "https://www.utoronto.ca/",
  },
  {
    slug: "mcgill-university",
    name: "McGill University",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.CA,
    region: "QC",
    city: "Montreal",
    website: "https://www.mcgill.ca/",
  },
  {
    slug: "university-of-british-columbia",
    name: "University of British Columbia",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.CA,
    region: "BC",
    city: "Vancouver",
    website: "https://www.ubc.ca/",
  },
];
