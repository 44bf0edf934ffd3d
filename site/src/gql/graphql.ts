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

export type ProfileChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileChoicesQuery = { requirements: { edges: Array<{ node: { code: string, name: string, kind: RequirementKind, scoreMin: number | null, scoreMax: number | null } }> } };

export type EligibilityQueryVariables = Exact<{
  profile: CandidateProfile;
  filter?: ProgramFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type EligibilityQuery = { eligibility: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { eligible: boolean, reasons: Array<string>, missingDetails: Array<{ fromPathway: boolean, minimumScore: number | null, score: number | null, reason: string, requirement: { code: string, name: string } }>, recommendedMissing: Array<{ code: string, name: string }>, program: { id: string, slug: string, title: string, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, slug: string, city: string } | null, pathway: { name: string } | null, specialties: Array<{ name: string }> } } }> } };

export type RequirementLineFragment = { code: string, name: string, kind: RequirementKind };

export type ProgramPageQueryVariables = Exact<{
  slug: string;
}>;


export type ProgramPageQuery = { program: { id: string, slug: string, title: string, type: ProgramType, audience: Audience, description: string | null, country: Country, region: string | null, durationMonths: number | null, positions: number | null, imgPositions: number | null, visaSponsorship: boolean | null, handsOnPatientCare: boolean | null, applicationOpensAt: string | null, applicationClosesAt: string | null, applicationUrl: string | null, websiteUrl: string | null, sourceUrl: string | null, sourceNote: string | null, lastVerifiedAt: string | null, institution: { name: string, slug: string, city: string, region: string, country: Country } | null, pathway: { name: string, slug: string, website: string | null, requirements: Array<{ id: string, level: RequirementLevel, note: string | null, requirement: { code: string, name: string, kind: RequirementKind } }> } | null, specialties: Array<{ name: string }>, requirements: Array<{ id: string, level: RequirementLevel, minimumScore: number | null, note: string | null, requirement: { code: string, name: string, kind: RequirementKind } }> } | null };

export type InstitutionPageQueryVariables = Exact<{
  slug: string;
}>;


export type InstitutionPageQuery = { institution: { name: string, slug: string, kind: InstitutionKind, city: string, region: string, country: Country, website: string | null, description: string | null, programs: { totalCount: number, edges: Array<{ node: { id: string, slug: string, title: string, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, slug: string, city: string } | null, pathway: { name: string } | null, specialties: Array<{ name: string }> } }> } } | null };

export type CompareProgramsQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type CompareProgramsQuery = { programs: { edges: Array<{ node: { id: string, slug: string, title: string, type: ProgramType, audience: Audience, country: Country, region: string | null, durationMonths: number | null, positions: number | null, imgPositions: number | null, visaSponsorship: boolean | null, handsOnPatientCare: boolean | null, applicationOpensAt: string | null, applicationClosesAt: string | null, lastVerifiedAt: string | null, institution: { name: string, slug: string } | null, pathway: { name: string, requirements: Array<{ id: string, level: RequirementLevel, requirement: { code: string, name: string, kind: RequirementKind } }> } | null, requirements: Array<{ id: string, level: RequirementLevel, minimumScore: number | null, requirement: { code: string, name: string, kind: RequirementKind } }> } }> } };

export type ProgramCardFragment = { id: string, slug: string, title: string, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, slug: string, city: string } | null, pathway: { name: string } | null, specialties: Array<{ name: string }> };

export type FacetValuesFragment = { value: string, label: string, count: number };

export type SearchPageQueryVariables = Exact<{
  filter?: ProgramFilter | null | undefined;
  search?: string | null | undefined;
  first: number;
}>;


export type SearchPageQuery = { programs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, title: string, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, slug: string, city: string } | null, pathway: { name: string } | null, specialties: Array<{ name: string }> } }> }, programFacets: { type: Array<{ value: string, label: string, count: number }>, audience: Array<{ value: string, label: string, count: number }>, country: Array<{ value: string, label: string, count: number }>, region: Array<{ value: string, label: string, count: number }>, specialty: Array<{ value: string, label: string, count: number }>, pathway: Array<{ value: string, label: string, count: number }>, requirement: Array<{ value: string, label: string, count: number }> } };

export type MoreProgramsQueryVariables = Exact<{
  filter?: ProgramFilter | null | undefined;
  search?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type MoreProgramsQuery = { programs: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, slug: string, title: string, type: ProgramType, audience: Audience, country: Country, region: string | null, visaSponsorship: boolean | null, lastVerifiedAt: string | null, institution: { name: string, slug: string, city: string } | null, pathway: { name: string } | null, specialties: Array<{ name: string }> } }> } };

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
  kind
}
    `, {"fragmentName":"RequirementLine"}) as unknown as TypedDocumentString<RequirementLineFragment, unknown>;
export const ProgramCardFragmentDoc = new TypedDocumentString(`
    fragment ProgramCard on Program {
  id
  slug
  title
  type
  audience
  country
  region
  visaSponsorship
  lastVerifiedAt
  institution {
    name
    slug
    city
  }
  pathway {
    name
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
  count
}
    `, {"fragmentName":"FacetValues"}) as unknown as TypedDocumentString<FacetValuesFragment, unknown>;
export const ProfileChoicesDocument = {"__meta__":{"hash":"sha256:fe6b5af5b6bb973c7b9d5d6488e1685c465b3cbc71ad48867d5702c1fa20759a"}} as unknown as TypedDocumentString<ProfileChoicesQuery, ProfileChoicesQueryVariables>;
export const EligibilityDocument = {"__meta__":{"hash":"sha256:a3bedd4e4efbff35ed1809e6b136b52b109b84fba431712e2bcedeb943226a7c"}} as unknown as TypedDocumentString<EligibilityQuery, EligibilityQueryVariables>;
export const ProgramPageDocument = {"__meta__":{"hash":"sha256:f592a31e5f8c0b3000f7469c92a86e11eb436832cb2b4baab9caf2a47f9e22bd"}} as unknown as TypedDocumentString<ProgramPageQuery, ProgramPageQueryVariables>;
export const InstitutionPageDocument = {"__meta__":{"hash":"sha256:9dee27b877091e042363ff98cfb9dbbf10f65a5fd98f931973394e0054d3a43f"}} as unknown as TypedDocumentString<InstitutionPageQuery, InstitutionPageQueryVariables>;
export const CompareProgramsDocument = {"__meta__":{"hash":"sha256:3d2655db5c303471bb597f8c21242517a37cfbc0e5b3c4e0666f285fa8f1306f"}} as unknown as TypedDocumentString<CompareProgramsQuery, CompareProgramsQueryVariables>;
export const SearchPageDocument = {"__meta__":{"hash":"sha256:1a288360e23d42caf2ac0ad069878816a25ecf0b2d7dc06a309f643b91b79de6"}} as unknown as TypedDocumentString<SearchPageQuery, SearchPageQueryVariables>;
export const MoreProgramsDocument = {"__meta__":{"hash":"sha256:c87041ddf5f866590cae89b2c370b49b791f5d320d8f42995c8cc2740d885a31"}} as unknown as TypedDocumentString<MoreProgramsQuery, MoreProgramsQueryVariables>;