/** Enum values of the API (the contract's names), as react-admin choices labelled from i18n. */
export const ENUMS = {
  ProgramType: ["RESIDENCY", "FELLOWSHIP", "CLINICAL_ELECTIVE", "OBSERVERSHIP"],
  Audience: ["GRADUATE", "STUDENT", "BOTH"],
  ListingStatus: ["DRAFT", "PUBLISHED", "ARCHIVED"],
  Country: ["US", "CA"],
  RequirementLevel: ["REQUIRED", "RECOMMENDED"],
  RequirementKind: ["EXAM", "CERTIFICATION", "LICENSE", "TRAINING", "LANGUAGE", "IMMIGRATION", "DOCUMENT"],
  InstitutionKind: ["ACADEMIC_MEDICAL_CENTER", "HOSPITAL", "MEDICAL_SCHOOL", "UNIVERSITY", "OTHER"],
  PathwayKind: ["NATIONAL_MATCH", "PROVINCIAL_IMG_STREAM", "DIRECT"],
  CuratorRole: ["VIEWER", "EDITOR", "ADMIN"],
  AuditAction: ["CREATE", "UPDATE", "DELETE", "RESTORE", "PUBLISH", "UNPUBLISH", "VERIFY", "REVERT"],
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
};

export const entityTypeChoices = Object.keys(ENTITY_RESOURCES).map((id) => ({ id, name: id }));
