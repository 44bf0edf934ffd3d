/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** GRADUATE: international medical graduates (IMGs); STUDENT: international medical students (IMS); BOTH */
export type Audience =
  | 'BOTH'
  | 'GRADUATE'
  | 'STUDENT';

/** Who is asking: what they are and what they hold. Every field but stage and holds is optional: a rule is checked against what the profile states, and a fact it leaves out is not held against it (except where a listing states a rule about it: then the answer is UNKNOWN until the profile says) */
export type CandidateProfile = {
  /** Countries of citizenship (ISO 3166-1 alpha-2: IN, CA, US…) */
  citizenships?: Array<string> | null | undefined;
  /** Months of clinical experience by country, for listings that ask for experience in their country */
  clinicalExperienceByCountry?: Array<CountryMonthsInput> | null | undefined;
  /** Months of clinical experience, anywhere */
  clinicalExperienceMonths?: number | null | undefined;
  /** true: the candidate has completed a residency (holds what the catalogue marks heldWhen COMPLETED_RESIDENCY) */
  completedResidency?: boolean | null | undefined;
  /** Year of graduation (a student's expected one): checked against listings' maxYearsSinceGraduation for graduates */
  graduationYear?: number | null | undefined;
  /** Requirement codes the candidate meets (exams passed, certification, licence…); what they imply counts as held too */
  holds: Array<string>;
  /** Countries where the candidate holds a full medical licence (ISO 3166-1 alpha-2); any counts as holding what the catalogue marks heldWhen LICENSED */
  licensedIn?: Array<string> | null | undefined;
  /**
   * true: the candidate needs some visa (any type); false: none. Ignored when visaNeeded is given
   * @deprecated Use visaNeeded: it says which visa, which listings' visaTypesSponsored decide
   */
  needsVisa?: boolean | null | undefined;
  /** Countries of permanent residency (ISO 3166-1 alpha-2) */
  permanentResidencies?: Array<string> | null | undefined;
  /** Exam scores, checked against programs' minimum scores; an exam with a score counts as held */
  scores?: Array<ScoreInput> | null | undefined;
  stage: CandidateStage;
  /** The visa the candidate needs: J1 or H1B for U.S. programs, CA_WORK_PERMIT for Canadian ones (for programs of the other country it means some visa is needed); NONE: none. Never needed where the candidate is a citizen or permanent resident */
  visaNeeded?: VisaType | null | undefined;
};

/** GRADUATE: an international medical graduate (IMG); STUDENT: an international medical student (IMS) */
export type CandidateStage =
  | 'GRADUATE'
  | 'STUDENT';

/** ISO 3166-1 alpha-2 code of a country the directory covers */
export type Country =
  | 'CA'
  | 'US';

/** Months of clinical experience in one country */
export type CountryMonthsInput = {
  /** ISO 3166-1 alpha-2 code, e.g. US or CA */
  country: string;
  months: number;
};

/** UNMET: something the candidate can do ('Take USMLE Step 2 CK'); BLOCKING: something they cannot change ('for graduates; you are a student'); UNKNOWN: the listing does not say ('does not say whether it sponsors visas') */
export type EligibilityReasonKind =
  | 'BLOCKING'
  | 'UNKNOWN'
  | 'UNMET';

/** ELIGIBLE: the listing's data shows nothing in the way; INELIGIBLE: something does (an UNMET or BLOCKING reason); UNKNOWN: nothing does, but the listing does not say enough to decide (an UNKNOWN reason) */
export type EligibilityVerdict =
  | 'ELIGIBLE'
  | 'INELIGIBLE'
  | 'UNKNOWN';

export type InstitutionKind =
  | 'ACADEMIC_MEDICAL_CENTER'
  | 'HOSPITAL'
  | 'MEDICAL_SCHOOL'
  | 'OTHER'
  | 'UNIVERSITY';

/** Where a listing is in its life: the public API shows PUBLISHED listings only */
export type ListingStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

/** A language of the directory's content: EN (English, the source text) or FR (French, its translation) */
export type Locale =
  | 'EN'
  | 'FR';

/** Which programs to show. A list matches any of its values (OR); fields combine with AND; an omitted or null field does not filter. */
export type ProgramFilter = {
  /** GRADUATE matches programs for graduates or BOTH; STUDENT matches programs for students or BOTH; BOTH matches BOTH only */
  audience?: Array<Audience> | null | undefined;
  country?: Array<Country> | null | undefined;
  /** true: never verified, not within the review interval, or a fact changed since (the opposite of verified) */
  dueForReview?: boolean | null | undefined;
  /** true: hands-on patient care; false: none. Programs where it is unknown match neither */
  handsOnPatientCare?: boolean | null | undefined;
  /** true: reserves positions for IMGs (imgPositions > 0); false: reserves none or does not say */
  hasImgPositions?: boolean | null | undefined;
  ids?: Array<string | number> | null | undefined;
  /** Institution slugs */
  institution?: Array<string> | null | undefined;
  /** Pathway slugs */
  pathway?: Array<string> | null | undefined;
  /** State or province codes: MN, ON, QC… (any case) */
  region?: Array<string> | null | undefined;
  /** Requirement codes: programs that ask for any of them (REQUIRED or RECOMMENDED), themselves or through their pathway */
  requirement?: Array<string> | null | undefined;
  /** Specialty slugs: programs in any of them */
  specialty?: Array<string> | null | undefined;
  /** For curators; anonymous readers always get PUBLISHED listings only, whatever this says */
  status?: Array<ListingStatus> | null | undefined;
  /** true: the French translation is older than the English text (due for review); false: it is not */
  translationStale?: boolean | null | undefined;
  type?: Array<ProgramType> | null | undefined;
  /** true: verified within the review interval and unchanged since; false: never verified, not recently, or changed since */
  verified?: boolean | null | undefined;
  /** true: sponsors visas; false: does not. Programs where it is unknown match neither */
  visaSponsorship?: boolean | null | undefined;
};

export type ProgramType =
  | 'CLINICAL_ELECTIVE'
  | 'FELLOWSHIP'
  | 'OBSERVERSHIP'
  | 'RESIDENCY';

export type RequirementKind =
  | 'CERTIFICATION'
  | 'DOCUMENT'
  | 'EXAM'
  | 'IMMIGRATION'
  | 'LANGUAGE'
  | 'LICENSE'
  | 'TRAINING';

/** How certain the source is that a program asks for a requirement. REQUIRED: it says so; COMMONLY_REQUIRED: it says 'often' or 'some programs' (a candidate without it gets UNKNOWN, not INELIGIBLE); RECOMMENDED: it helps, never decides */
export type RequirementLevel =
  /** The source says many or some programs ask for it, not whether this one does */
  | 'COMMONLY_REQUIRED'
  | 'RECOMMENDED'
  | 'REQUIRED';

/** A score the candidate has on an exam in the catalogue */
export type ScoreInput = {
  /** Requirement code, e.g. USMLE_STEP_1 (language tests too, e.g. a TOEFL or IELTS entry) */
  code: string;
  /** A decimal such as 6.5, on the exam's scale (requirement scoreMin..scoreMax, scoreStep); SCORED exams only */
  score: number;
};

/** How a requirement reports a result; only SCORED ones take scores and minimum scores */
export type ScoreKind =
  /** Not an exam (a certification, licence, training or document): held or not */
  | 'NONE'
  /** An exam reported only as pass or fail, e.g. USMLE Step 1 since 2022 */
  | 'PASS_FAIL'
  /** An exam with a numeric score within scoreMin..scoreMax, in steps of scoreStep */
  | 'SCORED';

/** A visa or permit for training: J1 and H1B (United States), CA_WORK_PERMIT (Canada), OTHER; NONE: no visa needed */
export type VisaType =
  /** A Canadian work permit */
  | 'CA_WORK_PERMIT'
  /** U.S. H-1B temporary worker visa */
  | 'H1B'
  /** U.S. J-1 exchange visitor visa (ECFMG-sponsored for clinical training) */
  | 'J1'
  /** No visa is needed (a profile's visaNeeded only; never sponsored) */
  | 'NONE'
  /** Any other visa or permit */
  | 'OTHER';

export type ProfileChoicesQueryVariables = Exact<{
  locale?: Locale | null | undefined;
}>;


export type ProfileChoicesQuery = { requirements: { edges: Array<{ node: { code: string, name: string, nameLocale: Locale, kind: RequirementKind, scoreKind: ScoreKind, scoreMin: number | null, scoreMax: number | null, scoreStep: number | null } }> } };

export type EligibilityQueryVariables = Exact<{
  profile: CandidateProfile;
  filter?: ProgramFilter | null | undefined;
  verdicts?: Array<EligibilityVerdict> | EligibilityVerdict | null | undefined;
  first: number;
  after?: string | null | undefined;
  locale?: Locale | null | undefined;
}>;


export type EligibilityQuery = { eligibility: { totalCount: number, verdictCounts: { eligible: number, unknown: number, ineligible: number }, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { verdict: EligibilityVerdict, verdictReasons: Array<{ kind: EligibilityReasonKind, message: string, rule: string | null, requirement: { code: string, name: string, nameLocale: Locale } | null }>, missingDetails: Array<{ fromPathway: boolean, minimumScore: number | null, score: number | null, requirement: { code: string, name: string, nameLocale: Locale } }>, recommendedMissing: Array<{ code: string, name: string, nameLocale: Locale }>, program: { id: string, slug: string, title: string, titleLocale: Locale, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, nameLocale: Locale, slug: string, city: string } | null, pathway: { name: string, nameLocale: Locale } | null, specialties: Array<{ name: string }> } } }> } };

export type RequirementLineFragment = { code: string, name: string, nameLocale: Locale, kind: RequirementKind };

export type ProgramPageQueryVariables = Exact<{
  slug: string;
  locale?: Locale | null | undefined;
}>;


export type ProgramPageQuery = { program: { id: string, slug: string, title: string, titleLocale: Locale, type: ProgramType, audience: Audience, description: string | null, descriptionLocale: Locale | null, country: Country, region: string | null, durationMonths: number | null, positions: number | null, imgPositions: number | null, visaSponsorship: boolean | null, handsOnPatientCare: boolean | null, applicationOpensOn: string | null, applicationClosesOn: string | null, applicationUrl: string | null, websiteUrl: string | null, sourceUrl: string | null, sourceNote: string | null, lastVerifiedAt: string | null, institution: { name: string, nameLocale: Locale, slug: string, city: string, region: string, country: Country } | null, pathway: { name: string, nameLocale: Locale, slug: string, website: string | null, requirements: Array<{ id: string, level: RequirementLevel, note: string | null, requirement: { code: string, name: string, nameLocale: Locale, kind: RequirementKind } }> } | null, specialties: Array<{ name: string }>, requirements: Array<{ id: string, level: RequirementLevel, minimumScore: number | null, note: string | null, requirement: { code: string, name: string, nameLocale: Locale, kind: RequirementKind } }> } | null };

export type InstitutionPageQueryVariables = Exact<{
  slug: string;
  locale?: Locale | null | undefined;
}>;


export type InstitutionPageQuery = { institution: { name: string, nameLocale: Locale, slug: string, kind: InstitutionKind, city: string, region: string, country: Country, website: string | null, description: string | null, descriptionLocale: Locale | null, programs: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, titleLocale: Locale, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, nameLocale: Locale, slug: string, city: string } | null, pathway: { name: string, nameLocale: Locale } | null, specialties: Array<{ name: string }> } }> } } | null };

export type CompareProgramsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  locale?: Locale | null | undefined;
}>;


export type CompareProgramsQuery = { programs: { edges: Array<{ node: { id: string, slug: string, title: string, titleLocale: Locale, type: ProgramType, audience: Audience, country: Country, region: string | null, durationMonths: number | null, positions: number | null, imgPositions: number | null, visaSponsorship: boolean | null, handsOnPatientCare: boolean | null, applicationOpensOn: string | null, applicationClosesOn: string | null, lastVerifiedAt: string | null, institution: { name: string, nameLocale: Locale, slug: string } | null, pathway: { name: string, nameLocale: Locale, requirements: Array<{ id: string, level: RequirementLevel, requirement: { code: string, name: string, nameLocale: Locale, kind: RequirementKind } }> } | null, requirements: Array<{ id: string, level: RequirementLevel, minimumScore: number | null, requirement: { code: string, name: string, nameLocale: Locale, kind: RequirementKind } }> } }> } };

export type ProgramCardFragment = { id: string, slug: string, title: string, titleLocale: Locale, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, nameLocale: Locale, slug: string, city: string } | null, pathway: { name: string, nameLocale: Locale } | null, specialties: Array<{ name: string }> };

export type FacetValuesFragment = { value: string, label: string, labelLocale: Locale, count: number };

export type SearchPageQueryVariables = Exact<{
  filter?: ProgramFilter | null | undefined;
  search?: string | null | undefined;
  first: number;
  locale?: Locale | null | undefined;
}>;


export type SearchPageQuery = { programs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, title: string, titleLocale: Locale, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, nameLocale: Locale, slug: string, city: string } | null, pathway: { name: string, nameLocale: Locale } | null, specialties: Array<{ name: string }> } }> }, programFacets: { type: Array<{ value: string, label: string, labelLocale: Locale, count: number }>, audience: Array<{ value: string, label: string, labelLocale: Locale, count: number }>, country: Array<{ value: string, label: string, labelLocale: Locale, count: number }>, region: Array<{ value: string, label: string, labelLocale: Locale, count: number }>, specialty: Array<{ value: string, label: string, labelLocale: Locale, count: number }>, pathway: Array<{ value: string, label: string, labelLocale: Locale, count: number }>, requirement: Array<{ value: string, label: string, labelLocale: Locale, count: number }> } };

export type MoreProgramsQueryVariables = Exact<{
  filter?: ProgramFilter | null | undefined;
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
  locale?: Locale | null | undefined;
}>;


export type MoreProgramsQuery = { programs: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, title: string, titleLocale: Locale, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, nameLocale: Locale, slug: string, city: string } | null, pathway: { name: string, nameLocale: Locale } | null, specialties: Array<{ name: string }> } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RequirementLineFragmentDoc = new TypedDocumentString(`
    fragment RequirementLine on Requirement {
  code
  name
  nameLocale
  kind
}
    `, {"fragmentName":"RequirementLine"}) as unknown as TypedDocumentString<RequirementLineFragment, unknown>;
export const ProgramCardFragmentDoc = new TypedDocumentString(`
    fragment ProgramCard on Program {
  id
  slug
  title
  titleLocale
  type
  audience
  country
  region
  visaSponsorship
  lastVerifiedAt
  institution {
    name
    nameLocale
    slug
    city
  }
  pathway {
    name
    nameLocale
  }
  specialties {
    name
  }
}
    `, {"fragmentName":"ProgramCard"}) as unknown as TypedDocumentString<ProgramCardFragment, unknown>;
export const FacetValuesFragmentDoc = new TypedDocumentString(`
    fragment FacetValues on FacetCount {
  value
  label
  labelLocale
  count
}
    `, {"fragmentName":"FacetValues"}) as unknown as TypedDocumentString<FacetValuesFragment, unknown>;
export const ProfileChoicesDocument = {"__meta__":{"hash":"sha256:5f32db7f9cf09cbe2f0116565bd08f264cf4ef125c7d4e7def90c098a464aaa5"}} as unknown as TypedDocumentString<ProfileChoicesQuery, ProfileChoicesQueryVariables>;
export const EligibilityDocument = {"__meta__":{"hash":"sha256:363cc45cc8fad935a607b44f5d8f8bdffcc2627ddc5f3ad47f8ccc349c049b9b"}} as unknown as TypedDocumentString<EligibilityQuery, EligibilityQueryVariables>;
export const ProgramPageDocument = {"__meta__":{"hash":"sha256:d2fb4e498cfc993548947c5204622dbcf42459c5a31172ec2a76faed0eca9797"}} as unknown as TypedDocumentString<ProgramPageQuery, ProgramPageQueryVariables>;
export const InstitutionPageDocument = {"__meta__":{"hash":"sha256:1688f9b21be220dd4e9a84aa18be7f4b224c7952aed54bcacbeb42a2fe866428"}} as unknown as TypedDocumentString<InstitutionPageQuery, InstitutionPageQueryVariables>;
export const CompareProgramsDocument = {"__meta__":{"hash":"sha256:9e36996af9ab5198c81787296177a82acf35de95e6ba6a2d9950870cea1b6fe3"}} as unknown as TypedDocumentString<CompareProgramsQuery, CompareProgramsQueryVariables>;
export const SearchPageDocument = {"__meta__":{"hash":"sha256:45abb5a2768fb45e9787bbaaca26b37c0368a1aac942a87e4376d251026d6b55"}} as unknown as TypedDocumentString<SearchPageQuery, SearchPageQueryVariables>;
export const MoreProgramsDocument = {"__meta__":{"hash":"sha256:d2e2b14d078036170bc5b4b9f1d0ce26c2615d65b826c5280c9543da84d8999a"}} as unknown as TypedDocumentString<MoreProgramsQuery, MoreProgramsQueryVariables>;