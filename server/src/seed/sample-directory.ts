/**
 * The sample directory: only what the source article (a PracticeLink
 * article on programs for IMGs and IMS in the U.S. and Canada) says, plus plain public facts
 * (an institution's city, state or province, and website). No deadlines, fees, scores or
 * positions: the article gives none. Every listing is published and starts unverified.
 *
 * The article has no URL of its own on record, and a home page does not hold its facts, so every
 * record's sourceUrl is null and its sourceNote names the article and says what it states about
 * the record, in its words where they are short (tests/seed.test.ts holds these rules).
 */
import { Country, ProfileFact, RequirementLevel } from "../core/enums";
import { InstitutionKind } from "../modules/institution/institution.entity";
import { PathwayKind } from "../modules/pathway/pathway.entity";
import { RequirementKind } from "../modules/requirement/requirement.entity";

/**
 * Added to the source note of a listing whose French text the sample carries: the article is in
 * English, so the French is a curator's plain translation of the listing's English title and
 * description, and says nothing the English does not.
 */
export const TRANSLATION_NOTE =
  " French title and description: a curator's translation of the English ones (the article is in English).";
/** How every note names the source. */
export const ARTICLE =
  "The PracticeLink article on programs for international medical graduates (IMGs) and international medical students (IMS) in the U.S. and Canada";

/** A record's sourceNote: the article, what it says, and what the record holds beyond it. */
export function articleNote(says: string, beyond?: string): string {
  return `${ARTICLE} says: ${says}${beyond ? ` ${beyond}` : ""} Not yet verified against the organisation's own pages.`;
}

const PUBLIC_FACTS = "City, state or province and website are plain public facts, not from the article.";

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
    sourceNote: articleNote(
      '"Passing the United States Medical Licensing Examination (USMLE) Steps 1 and 2, with some residency programs requiring Step 3 as well."',
    ),
  },
  {
    code: "USMLE_STEP_2_CK",
    name: "USMLE Step 2 CK",
    kind: RequirementKind.EXAM,
    country: Country.US,
    description: "United States Medical Licensing Examination, Step 2 Clinical Knowledge.",
    sourceNote: articleNote(
      '"Passing the United States Medical Licensing Examination (USMLE) Steps 1 and 2".',
      'Its "Step 2" is Step 2 CK: Step 2 CS ended in 2021 (a plain public fact, not from the article).',
    ),
  },
  {
    code: "USMLE_STEP_3",
    name: "USMLE Step 3",
    kind: RequirementKind.EXAM,
    country: Country.US,
    description: "United States Medical Licensing Examination, Step 3.",
    sourceNote: articleNote('"with some residency programs requiring Step 3 as well".'),
  },
  {
    code: "ECFMG_CERTIFICATION",
    name: "ECFMG certification",
    kind: RequirementKind.CERTIFICATION,
    country: Country.US,
    description:
      "Educational Commission for Foreign Medical Graduates certification: verifies that an IMG has met the required education standards.",
    sourceNote: articleNote(
      '"Gaining Educational Commission for Foreign Medical Graduates (ECFMG) certification, which verifies that the IMG has met the required education standards."',
    ),
  },
  {
    code: "MCCQE_PART_1",
    name: "MCCQE Part I",
    kind: RequirementKind.EXAM,
    country: Country.CA,
    description: "Medical Council of Canada Qualifying Examination, Part I.",
    sourceNote: articleNote(
      '"IMGs must first pass the Medical Council of Canada Qualifying Examination (MCCQE)".',
      'Its "MCCQE" is the MCCQE Part I: Part II ended in 2021 (a plain public fact, not from the article).',
    ),
  },
  {
    code: "NAC_EXAM",
    name: "NAC examination",
    kind: RequirementKind.EXAM,
    country: Country.CA,
    description: "National Assessment Collaboration examination.",
    sourceNote: articleNote(
      'IMGs must pass the MCCQE "and often the National Assessment Collaboration (NAC) exam to qualify for residency positions".',
    ),
  },
  {
    code: "COMPLETED_RESIDENCY",
    name: "Completed residency",
    kind: RequirementKind.TRAINING,
    country: null,
    description: "A completed residency (for Canadian fellowships: a Canadian or equivalent residency).",
    heldWhen: ProfileFact.COMPLETED_RESIDENCY,
    sourceNote: articleNote(
      'U.S. fellowship applicants "typically need to have completed residency"; Canadian fellowships\' eligibility criteria "often include completion of a Canadian or equivalent residency".',
    ),
  },
  {
    code: "HOME_MEDICAL_LICENSE",
    name: "Full medical licence in home country",
    kind: RequirementKind.LICENSE,
    country: null,
    description: "A full medical licence in the applicant's home country.",
    heldWhen: ProfileFact.LICENSED,
    sourceNote: articleNote(
      'Canadian fellowships\' eligibility criteria "often include completion of a Canadian or equivalent residency and a full medical license in their home country".',
    ),
  },
  {
    code: "ENROLLED_MEDICAL_STUDENT",
    name: "Enrolled medical student",
    kind: RequirementKind.TRAINING,
    country: null,
    description: "Currently enrolled as a student at a medical school.",
    heldWhen: ProfileFact.STUDENT,
    sourceNote: articleNote(
      'electives and observerships are programs "for international medical students (IMS)" that "provide invaluable experience for medical students still in training".',
      "It never says that only enrolled students may apply.",
    ),
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
    sourceNote: articleNote(
      'after passing USMLE Steps 1 and 2 and gaining ECFMG certification, "IMGs can apply for residency through the National Resident Matching Program (NRMP), commonly referred to as \u201cThe Match.\u201d"',
      'Its "Step 2" is Step 2 CK (Step 2 CS ended in 2021). The website is a plain public fact, not from the article.',
    ),
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
    sourceNote: articleNote(
      '"IMGs must first pass the Medical Council of Canada Qualifying Examination (MCCQE) and often the National Assessment Collaboration (NAC) exam to qualify for residency positions. Following successful completion of these exams, IMGs can apply through the Canadian Resident Matching Service (CaRMS)."',
      'Its "MCCQE" is the MCCQE Part I (Part II ended in 2021). The website is a plain public fact, not from the article.',
    ),
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
    sourceNote: articleNote(
      '"Certain provinces, such as Ontario, offer IMG-specific residency spots as part of the Ontario IMG Residency Program, which provides positions in both family medicine and other specialties."',
      "It does not say what this program asks for beyond the Canadian exams it names for residency in general.",
    ),
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
    sourceNote: articleNote(
      '"Other provinces, like Alberta and British Columbia, also provide opportunities for IMGs through their respective provincial health boards."',
      "It says nothing more of this route: not its requirements beyond the Canadian exams it names for residency in general, nor how to apply.",
    ),
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
    sourceNote: articleNote(
      '"Other provinces, like Alberta and British Columbia, also provide opportunities for IMGs through their respective provincial health boards."',
      "It says nothing more of this route: not its requirements beyond the Canadian exams it names for residency in general, nor how to apply.",
    ),
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
    sourceNote: articleNote(
      'it offers "competitive fellowship positions for international medical graduates" (with Cleveland Clinic and Johns Hopkins University) and "highly competitive elective programs for international students" (with Harvard Medical School and Johns Hopkins University).',
      PUBLIC_FACTS,
    ),
  },
  {
    slug: "cleveland-clinic",
    name: "Cleveland Clinic",
    kind: InstitutionKind.ACADEMIC_MEDICAL_CENTER,
    country: Country.US,
    region: "OH",
    city: "Cleveland",
    website: "https://my.clevelandclinic.org/",
    sourceNote: articleNote(
      'it offers "competitive fellowship positions for international medical graduates" (with Mayo Clinic and Johns Hopkins University).',
      PUBLIC_FACTS,
    ),
  },
  {
    slug: "johns-hopkins-university",
    name: "Johns Hopkins University",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.US,
    region: "MD",
    city: "Baltimore",
    website: "https://www.jhu.edu/",
    sourceNote: articleNote(
      'it offers "competitive fellowship positions for international medical graduates" (with Cleveland Clinic and Mayo Clinic) and "highly competitive elective programs for international students" (with Harvard Medical School and the Mayo Clinic).',
      PUBLIC_FACTS,
    ),
  },
  {
    slug: "harvard-medical-school",
    name: "Harvard Medical School",
    kind: InstitutionKind.MEDICAL_SCHOOL,
    country: Country.US,
    region: "MA",
    city: "Boston",
    website: "https://hms.harvard.edu/",
    sourceNote: articleNote(
      'it offers "highly competitive elective programs for international students" (with Johns Hopkins University and the Mayo Clinic).',
      PUBLIC_FACTS,
    ),
  },
  {
    slug: "university-of-toronto",
    name: "University of Toronto",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.CA,
    region: "ON",
    city: "Toronto",
    website: "https://www.utoronto.ca/",
    sourceNote: articleNote(
      'it offers fellowship programs "specifically designed for IMGs" and "elective programs that provide hands-on experience in various medical fields" (with McGill University and the University of British Columbia).',
      PUBLIC_FACTS,
    ),
  },
  {
    slug: "mcgill-university",
    name: "McGill University",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.CA,
    region: "QC",
    city: "Montreal",
    website: "https://www.mcgill.ca/",
    sourceNote: articleNote(
      'it offers fellowship programs "specifically designed for IMGs" and "elective programs that provide hands-on experience in various medical fields" (with the University of Toronto and the University of British Columbia).',
      PUBLIC_FACTS,
    ),
  },
  {
    slug: "university-of-british-columbia",
    name: "University of British Columbia",
    kind: InstitutionKind.UNIVERSITY,
    country: Country.CA,
    region: "BC",
    city: "Vancouver",
    website: "https://www.ubc.ca/",
    sourceNote: articleNote(
      'it offers fellowship programs "specifically designed for IMGs" and "elective programs that provide hands-on experience in various medical fields" (with the University of Toronto and McGill University).',
      PUBLIC_FACTS,
    ),
  },
];
