import type {
  AuditAction,
  Audience,
  Country,
  CuratorRole,
  InstitutionKind,
  ListingStatus,
  PathwayKind,
  ProgramType,
  RequirementKind,
  RequirementLevel,
  ScoreKind,
  WebhookDeliveryStatus,
  WebhookEventType,
  VisaType,
  CitizenshipRule,
  ProfileFact,
} from "./gql/graphql";

/**
 * Every value of `T`, each once, in the order the admin shows them: a value the server adds or
 * removes fails the type check here (so the forms, filters and dashboard never miss one).
 */
const every =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([Exclude<T, A[number]>] extends [never] ? unknown : { missing: Exclude<T, A[number]> }),
  ) =>
    values;

/** Enum values of the API (the contract's names), as react-admin choices labelled from i18n. */
export const ENUMS = {
  ProgramType: every<ProgramType>()(["RESIDENCY", "FELLOWSHIP", "CLINICAL_ELECTIVE", "OBSERVERSHIP"]),
  Audience: every<Audience>()(["GRADUATE", "STUDENT", "BOTH"]),
  ListingStatus: every<ListingStatus>()(["DRAFT", "PUBLISHED", "ARCHIVED"]),
  Country: every<Country>()(["US", "CA"]),
  RequirementLevel: every<RequirementLevel>()(["REQUIRED", "COMMONLY_REQUIRED", "RECOMMENDED"]),
  ScoreKind: every<ScoreKind>()(["SCORED", "PASS_FAIL", "NONE"]),
  RequirementKind: every<RequirementKind>()([
    "EXAM",
    "CERTIFICATION",
    "LICENSE",
    "TRAINING",
    "LANGUAGE",
    "IMMIGRATION",
    "DOCUMENT",
  ]),
  InstitutionKind: every<InstitutionKind>()([
    "ACADEMIC_MEDICAL_CENTER",
    "HOSPITAL",
    "MEDICAL_SCHOOL",
    "UNIVERSITY",
    "OTHER",
  ]),
  PathwayKind: every<PathwayKind>()(["NATIONAL_MATCH", "PROVINCIAL_IMG_STREAM", "DIRECT"]),
  CuratorRole: every<CuratorRole>()(["VIEWER", "EDITOR", "ADMIN"]),
  AuditAction: every<AuditAction>()([
    "CREATE",
    "UPDATE",
    "DELETE",
    "RESTORE",
    "PUBLISH",
    "UNPUBLISH",
    "VERIFY",
    "REVERT",
  ]),
  WebhookEventType: every<WebhookEventType>()([
    "PROGRAM_CREATED",
    "PROGRAM_CHANGED",
    "PROGRAM_REMOVED",
    "INSTITUTION_CREATED",
    "INSTITUTION_CHANGED",
    "INSTITUTION_REMOVED",
    "PATHWAY_CREATED",
    "PATHWAY_CHANGED",
    "PATHWAY_REMOVED",
    "REQUIREMENT_CREATED",
    "REQUIREMENT_CHANGED",
    "REQUIREMENT_REMOVED",
    "SPECIALTY_CREATED",
    "SPECIALTY_CHANGED",
    "SPECIALTY_REMOVED",
  ]),
  WebhookDeliveryStatus: every<WebhookDeliveryStatus>()(["SUCCEEDED", "FAILED"]),
  VisaType: every<VisaType>()(["NONE", "J1", "H1B", "CA_WORK_PERMIT", "OTHER"]),
  /** What a listing sponsors; NONE here stands for "the source says none" (the list []), empty for "not said". */
  SponsoredVisa: ["NONE", "J1", "H1B", "CA_WORK_PERMIT", "OTHER"],
  CitizenshipRule: every<CitizenshipRule>()(["NONE", "CITIZEN_OR_PERMANENT_RESIDENT", "CITIZEN"]),
  ProfileFact: every<ProfileFact>()(["STUDENT", "COMPLETED_RESIDENCY", "LICENSED"]),
  /** ProgramInput.feeCurrency is a free string; these are the currencies the forms offer. */
  Currency: ["USD", "CAD"],
} as const;

export type EnumName = keyof typeof ENUMS;

export function choices(name: EnumName): { id: string; name: string }[] {
  return ENUMS[name].map((id) => ({ id, name: `directory.enums.${name}.${id}` }));
}

/** Record types the audit log names (GraphQL type names) and the resource that shows each. */
export const ENTITY_RESOURCES: Record<string, string> = {
  Program: "programs",
  Institution: "institutions",
  Requirement: "requirements",
  Pathway: "pathways",
  Specialty: "specialties",
  Curator: "curators",
  Snapshot: "snapshots",
  WebhookEndpoint: "webhooks",
};

export const entityTypeChoices = Object.keys(ENTITY_RESOURCES).map((id) => ({ id, name: id }));
