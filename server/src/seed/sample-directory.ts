/**
 * The sample directory: only what the source article (a PracticeLink
 * article on programs for IMGs and IMS in the U.S. and Canada) says, plus plain public facts
 * (an institution's city, state or province, and website). No deadlines, fees, scores or
 * positions: the article gives none. Every listing is published and starts unverified.
 */
import { Country, RequirementLevel } from "../core/enums";
import { InstitutionKind } from "../modules/institution/institution.entity";
import { PathwayKind } from "../modules/pathway/pathway.entity";
import { Audience, ProgramType } from "../modules/program/program.enums";
import { RequirementKind } from "../modules/requirement/requirement.entity";

export const SOURCE_URL = "https://www.practicelink.com/";
export const SOURCE_NOTE =
  "PracticeLink article on programs for international medical graduates (IMGs) and students (IMS) in the U.S. and Canada; not yet verified against the program's own pages.";

export interface SeedRequirementLink {
  code: string;
  level: RequirementLevel;
  note?: string;
}

export const requirements = [
  { code: "USMLE_STEP_1", name: "USMLE Step 1", kind: RequirementKind.EXAM, country: Country.US, description: "United States Medical Licensing Examination, Step 1." },
  { code: "USMLE_STEP_2_CK", name: "USMLE Step 2 CK", kind: RequirementKind.EXAM, country: Country.US, description: "United States Medical Licensing Examination, Step 2 Clinical Knowledge." },
  { code: "USMLE_STEP_3", name: "USMLE Step 3", kind: RequirementKind.EXAM, country: Country.US, description: "United States Medical Licensing Examination, Step 3." },
  { code: "ECFMG_CERTIFICATION", name: "ECFMG certification", kind: RequirementKind.CERTIFICATION, country: Country.US, description: "Educational Commission for Foreign Medical Graduates certification: verifies that an IMG has met the required education standards." },
  { code: "MCCQE_PART_1", name: "MCCQE Part I", kind: RequirementKind.EXAM, country: Country.CA, description: "Medical Council of Canada Qualifying Examination, Part I." },
  { code: "NAC_EXAM", name: "NAC examination", kind: RequirementKind.EXAM, country: Country.CA, description: "National Assessment Collaboration examination." },
  { code: "COMPLETED_RESIDENCY", name: "Completed residency", kind: RequirementKind.TRAINING, country: null, description: "A completed residency (for Canadian fellowships: a Canadian or equivalent residency)." },
  { code: "HOME_MEDICAL_LICENSE", name: "Full medical licence in home country", kind: RequirementKind.LICENSE, country: null, description: "A full medical licence in the applicant's home country." },
  { code: "ENROLLED_MEDICAL_STUDENT", name: "Enrolled medical student", kind: RequirementKind.TRAINING, country: null, description: "Currently enrolled as a student at a medical school." },
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
const REC = RequirementLevel.RECOMMENDED;
const CANADIAN_EXAMS: SeedRequirementLink[] = [
  { code: "MCCQE_PART_1", level: R },
  { code: "NAC_EXAM", level: REC, note: "The article: IMGs must pass the MCCQE and often the NAC exam." },
];

export const pathways = [
  {
    slug: "nrmp",
    name: "National Resident Matching Program (The Match)",
    kind: PathwayKind.NATIONAL_MATCH,
    country: Country.US,
    region: null,
    website: "https://www.nrmp.org/",
    description: "U.S. residency positions are applied for through the NRMP, commonly called \"The Match\", after passing USMLE Steps 1 and 2 and gaining ECFMG certification.",
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
    description: "Canadian residency positions are applied for through CaRMS after passing the MCCQE and often the NAC exam.",
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
  { slug: "mayo-clinic", name: "Mayo Clinic", kind: InstitutionKind.ACADEMIC_MEDICAL_CENTER, country: Country.US, region: "MN", city: "Rochester", website: "https://www.mayoclinic.org/" },
  { slug: "cleveland-clinic", name: "Cleveland Clinic", kind: InstitutionKind.ACADEMIC_MEDICAL_CENTER, country: Country.US, region: "OH", city: "Cleveland", website: "https://my.clevelandclinic.org/" },
  { slug: "johns-hopkins-university", name: "Johns Hopkins University", kind: InstitutionKind.UNIVERSITY, country: Country.US, region: "MD", city: "Baltimore", website: "https://www.jhu.edu/" },
  { slug: "harvard-medical-school", name: "Harvard Medical School", kind: InstitutionKind.MEDICAL_SCHOOL, country: Country.US, region: "MA", city: "Boston", website: "https://hms.harvard.edu/" },
  { slug: "university-of-toronto", name: "University of Toronto", kind: InstitutionKind.UNIVERSITY, country: Country.CA, region: "ON", city: "Toronto", website: "https://www.utoronto.ca/" },
  { slug: "mcgill-university", name: "McGill University", kind: InstitutionKind.UNIVERSITY, country: Country.CA, region: "QC", city: "Montreal", website: "https://www.mcgill.ca/" },
  { slug: "university-of-british-columbia", name: "University of British Columbia", kind: InstitutionKind.UNIVERSITY, country: Country.CA, region: "BC", city: "Vancouver", website: "https://www.ubc.ca/" },
];

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
}

const US_FELLOWSHIP_REQUIREMENTS: SeedRequirementLink[] = [
  { code: "COMPLETED_RESIDENCY", level: R },
  { code: "ECFMG_CERTIFICATION", level: R, note: "The article: the necessary certification is often ECFMG and USMLE certification." },
  { code: "USMLE_STEP_1", level: REC, note: "Often expected as part of USMLE certification." },
  { code: "USMLE_STEP_2_CK", level: REC, note: "Often expected as part of USMLE certification." },
];
const CA_FELLOWSHIP_REQUIREMENTS: SeedRequirementLink[] = [
  { code: "COMPLETED_RESIDENCY", level: R, note: "A Canadian or equivalent residency." },
  { code: "HOME_MEDICAL_LICENSE", level: R, note: "A full medical licence in the applicant's home country." },
];
const STUDENT_REQUIREMENTS: SeedRequirementLink[] = [{ code: "ENROLLED_MEDICAL_STUDENT", level: R }];

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
    description: "Highly competitive elective for international medical students: observe clinical practice, work with patients under supervision and improve clinical and communication skills in a U.S. healthcare setting.",
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
    description: "Fellowships designed for IMGs seeking advanced, specialized training in a wide range of specialties, from surgery to pediatrics; in many cases they can lead to permanent positions in the Canadian healthcare system.",
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
    description: "Elective for international medical students: a designated period in Canadian teaching hospitals, with hands-on experience in fields from family medicine to specialized surgical departments.",
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

function canadianResidency(slug: string, title: string, region: string | null, pathway: string, description: string): SeedProgram {
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
    description: "Residency is the essential next step for IMGs after the medical degree; positions are applied for through the NRMP. IMGs often succeed in internal medicine, family medicine and pediatrics.",
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
      { code: "USMLE_STEP_3", level: REC, note: "Some residency programs require Step 3 as well." },
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
  caFellowship("mcgill-university", "McGill University", "QC"),
  caFellowship("university-of-british-columbia", "University of British Columbia", "BC"),
  caElective("university-of-toronto", "University of Toronto", "ON"),
  caElective("mcgill-university", "McGill University", "QC"),
  caElective("university-of-british-columbia", "University of British Columbia", "BC"),
  observership(Country.US, "the United States"),
  observership(Country.CA, "Canada"),
];
