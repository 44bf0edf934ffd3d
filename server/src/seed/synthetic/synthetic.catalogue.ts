/**
 * Fixed vocabulary for synthetic directories. Codes, slugs and region codes are real (so that
 * filters behave as on real data); every record the generator creates from them that is not a
 * plain catalogue fact is named "Synthetic …".
 */
import { Country } from "../../core/enums";
import { RequirementKind } from "../../modules/requirement/requirement.entity";

export const SYNTHETIC_PREFIX = "synthetic-";

/** Region codes with rough population weights, so that big states get more institutions. */
export const REGIONS: Record<Country, readonly (readonly [string, number])[]> = {
  [Country.US]: [
    ["CA", 39],
    ["TX", 30],
    ["FL", 22],
    ["NY", 20],
    ["PA", 13],
    ["IL", 13],
    ["OH", 12],
    ["GA", 11],
    ["NC", 11],
    ["MI", 10],
    ["NJ", 9],
    ["VA", 9],
    ["WA", 8],
    ["AZ", 7],
    ["MA", 7],
    ["TN", 7],
    ["IN", 7],
    ["MD", 6],
    ["MO", 6],
    ["WI", 6],
    ["CO", 6],
    ["MN", 6],
    ["SC", 5],
    ["AL", 5],
    ["LA", 5],
    ["KY", 5],
    ["OR", 4],
    ["OK", 4],
    ["CT", 4],
    ["UT", 3],
    ["IA", 3],
    ["NV", 3],
    ["AR", 3],
    ["MS", 3],
    ["KS", 3],
    ["NM", 2],
    ["NE", 2],
    ["ID", 2],
    ["WV", 2],
    ["HI", 1],
    ["NH", 1],
    ["ME", 1],
    ["MT", 1],
    ["RI", 1],
    ["DE", 1],
    ["SD", 1],
    ["ND", 1],
    ["AK", 1],
    ["VT", 1],
    ["WY", 1],
    ["DC", 1],
  ],
  [Country.CA]: [
    ["ON", 15],
    ["QC", 9],
    ["BC", 5],
    ["AB", 4],
    ["MB", 1.4],
    ["SK", 1.2],
    ["NS", 1],
    ["NB", 0.8],
    ["NL", 0.5],
    ["PE", 0.2],
  ],
};

/** Specialties: the sample directory's six plus other common fields of medicine. */
export const SPECIALTIES: readonly { slug: string; name: string; weight: number }[] = [
  { slug: "internal-medicine", name: "Internal medicine", weight: 14 },
  { slug: "family-medicine", name: "Family medicine", weight: 12 },
  { slug: "pediatrics", name: "Pediatrics", weight: 8 },
  { slug: "cardiology", name: "Cardiology", weight: 6 },
  { slug: "oncology", name: "Oncology", weight: 5 },
  { slug: "surgery", name: "Surgery", weight: 7 },
  { slug: "psychiatry", name: "Psychiatry", weight: 6 },
  { slug: "neurology", name: "Neurology", weight: 4 },
  { slug: "emergency-medicine", name: "Emergency medicine", weight: 5 },
  { slug: "anesthesiology", name: "Anesthesiology", weight: 4 },
  { slug: "radiology", name: "Radiology", weight: 4 },
  { slug: "obstetrics-and-gynecology", name: "Obstetrics and gynecology", weight: 4 },
  { slug: "pathology", name: "Pathology", weight: 3 },
  { slug: "dermatology", name: "Dermatology", weight: 2 },
  { slug: "nephrology", name: "Nephrology", weight: 2 },
  { slug: "gastroenterology", name: "Gastroenterology", weight: 2 },
  { slug: "infectious-disease", name: "Infectious disease", weight: 2 },
  { slug: "geriatrics", name: "Geriatrics", weight: 2 },
];

/** Catalogue entries beyond the nine codes of the sample catalogue, named as synthetic so no one mistakes them for facts. */
export const SYNTHETIC_REQUIREMENTS = [
  {
    code: "SYNTHETIC_ENGLISH_PROFICIENCY",
    name: "Synthetic requirement: English proficiency test",
    kind: RequirementKind.LANGUAGE,
    country: null,
  },
  {
    code: "SYNTHETIC_LETTERS_OF_RECOMMENDATION",
    name: "Synthetic requirement: letters of recommendation",
    kind: RequirementKind.DOCUMENT,
    country: null,
  },
  {
    code: "SYNTHETIC_VISA_STATUS",
    name: "Synthetic requirement: proof of visa status",
    kind: RequirementKind.IMMIGRATION,
    country: null,
  },
  {
    code: "SYNTHETIC_CLINICAL_EXPERIENCE",
    name: "Synthetic requirement: recent clinical experience",
    kind: RequirementKind.TRAINING,
    country: null,
  },
];

export const US_CODES = ["USMLE_STEP_1", "USMLE_STEP_2_CK", "USMLE_STEP_3", "ECFMG_CERTIFICATION"];
export const CA_CODES = ["MCCQE_PART_1", "NAC_EXAM"];
export const GENERAL_CODES = [
  "COMPLETED_RESIDENCY",
  "HOME_MEDICAL_LICENSE",
  "ENROLLED_MEDICAL_STUDENT",
  ...SYNTHETIC_REQUIREMENTS.map((r) => r.code),
];
/**
 * Exams that report a numeric score, with a plausible synthetic minimum range (within the exam's
 * scale, seed/sample-score-scales.ts; USMLE Step 1 is pass/fail and takes none).
 */
export const SCORED: Record<string, readonly [number, number]> = {
  USMLE_STEP_2_CK: [214, 250],
  USMLE_STEP_3: [198, 225],
  MCCQE_PART_1: [226, 260],
};

export const SYNTHETIC_PATHWAY = {
  slug: "synthetic-direct-application",
  name: "Synthetic pathway: direct application",
  description: "Synthetic benchmark data: apply directly to the program.",
};

/** Words that give descriptions something to search for. */
export const TOPICS = [
  "bedside teaching",
  "quality improvement",
  "research",
  "telemedicine",
  "rural health",
  "global health",
  "simulation",
  "point-of-care ultrasound",
  "critical care",
  "ambulatory care",
  "palliative care",
  "medical education",
  "informatics",
  "population health",
  "clinical trials",
  "community outreach",
  "patient safety",
  "interprofessional teams",
  "continuity clinic",
  "night float",
  "procedures",
];

export const CITY_WORDS = ["Lake", "River", "Hill", "Harbor", "Spring", "Valley", "Grove", "Bridge", "Field", "Mount"];
