import type { RaRecord } from "react-admin";
import type { Selection } from "./operation";

/** How one react-admin resource maps onto the GraphQL API (names from the cross-team contract). */
export interface ResourceConfig {
  /** GraphQL type name; also the audit log's `entityType`. */
  type: string;
  /** Connection query for lists, e.g. `programs`. */
  list: string;
  /** Single look-up by id, e.g. `program(id:)`; absent → found by walking the list. */
  one?: string;
  create?: string;
  update?: string;
  remove?: string;
  restore?: string;
  revert?: string;
  /** Arguments of `create` when it takes no `input` object. */
  createArgs?: (data: Record<string, unknown>) => Record<string, unknown>;
  select: Selection;
  listSelect?: Selection;
  /** react-admin sort field → the list query's `orderBy` enum value. */
  sorts?: Record<string, string>;
  /** Editable fields, as the API's XInput names them (the server's input type has the last word). */
  inputFields?: string[];
  toRecord?: (node: Record<string, any>) => RaRecord;
  /** Turns one form value into the API's input shape. */
  toInputValue?: Partial<Record<string, (value: any) => unknown>>;
}

const idOf = (v: { id?: unknown } | null | undefined) => (v?.id != null ? String(v.id) : null);
const curatorSelect = ["id", "email", "name"];

const programListSelect: Selection = [
  "id", "slug", "title", "type", "audience", "status", "country", "region", "lastVerifiedAt", "updatedAt", "version",
  { institution: ["id", "name", "slug"] },
  { pathway: ["id", "name", "slug"] },
];

const programSelect: Selection = [
  ...programListSelect,
  "description", "durationMonths", "handsOnPatientCare", "positions", "imgPositions", "visaSponsorship",
  "applicationOpensAt", "applicationClosesAt", "applicationFeeCents", "feeCurrency", "sourceUrl", "sourceNote", "createdAt",
  { specialties: ["id", "name", "slug"] },
  { requirements: ["id", "level", "minimumScore", "note", { requirement: ["id", "code", "name", "kind"] }] },
  { verifiedBy: curatorSelect },
];

/** Program requirements travel as the whole list: `{ requirementId, level, minimumScore, note }`. */
const programRequirementsInput = (list: any[] | null | undefined) =>
  (list ?? [])
    .filter((r) => r && r.requirementId)
    .map((r) => ({
      requirementId: String(r.requirementId),
      level: r.level ?? "REQUIRED",
      minimumScore: r.minimumScore === "" || r.minimumScore == null ? null : Number(r.minimumScore),
      note: r.note ? String(r.note) : null,
    }));

const pathwayRequirementsInput = (list: any[] | null | undefined) =>
  (list ?? [])
    .filter((r) => r && r.requirementId)
    .map((r) => ({ requirementId: String(r.requirementId), level: r.level ?? "REQUIRED", note: r.note ? String(r.note) : null }));

const idList = (ids: unknown) => (Array.isArray(ids) ? ids.map(String) : []);

export const RESOURCES: Record<string, ResourceConfig> = {
  programs: {
    type: "Program",
    list: "programs",
    one: "program",
    create: "createProgram",
    update: "updateProgram",
    remove: "deleteProgram",
    restore: "restoreProgram",
    revert: "revertProgram",
    select: programSelect,
    listSelect: programListSelect,
    sorts: {
      title: "TITLE",
      "institution.name": "INSTITUTION",
      type: "TYPE",
      status: "STATUS",
      lastVerifiedAt: "LAST_VERIFIED",
      updatedAt: "RECENTLY_UPDATED",
    },
    inputFields: [
      "slug", "title", "description", "type", "audience", "status", "institutionId", "country", "region", "pathwayId",
      "durationMonths", "handsOnPatientCare", "positions", "imgPositions", "visaSponsorship", "applicationOpensAt",
      "applicationClosesAt", "applicationFeeCents", "feeCurrency", "sourceUrl", "sourceNote", "specialtyIds", "requirements",
    ],
    toRecord: (p) => ({
      ...p,
      id: String(p.id),
      institutionId: idOf(p.institution),
      pathwayId: idOf(p.pathway),
      specialtyIds: Array.isArray(p.specialties) ? p.specialties.map((s: any) => String(s.id)) : undefined,
      requirements: Array.isArray(p.requirements)
        ? p.requirements.map((r: any) => ({
            requirementId: idOf(r.requirement),
            level: r.level,
            minimumScore: r.minimumScore ?? null,
            note: r.note ?? null,
            requirement: r.requirement,
          }))
        : undefined,
    }),
    toInputValue: { requirements: programRequirementsInput, specialtyIds: idList },
  },
  institutions: {
    type: "Institution",
    list: "institutions",
    one: "institution",
    create: "createInstitution",
    update: "updateInstitution",
    remove: "deleteInstitution",
    restore: "restoreInstitution",
    revert: "revertInstitution",
    select: ["id", "slug", "name", "kind", "country", "region", "city", "website", "description", "archivedAt", "createdAt", "updatedAt", "version"],
    sorts: { name: "NAME", updatedAt: "RECENTLY_UPDATED" },
    inputFields: ["slug", "name", "kind", "country", "region", "city", "website", "description"],
  },
  requirements: {
    type: "Requirement",
    list: "requirements",
    one: "requirement",
    create: "createRequirement",
    update: "updateRequirement",
    remove: "deleteRequirement",
    restore: "restoreRequirement",
    revert: "revertRequirement",
    select: ["id", "code", "name", "kind", "country", "description", "scoreMin", "scoreMax", "archivedAt", "createdAt", "updatedAt", "version"],
    inputFields: ["code", "name", "kind", "country", "description", "scoreMin", "scoreMax"],
  },
  pathways: {
    type: "Pathway",
    list: "pathways",
    one: "pathway",
    create: "createPathway",
    update: "updatePathway",
    remove: "deletePathway",
    restore: "restorePathway",
    revert: "revertPathway",
    select: [
      "id", "slug", "name", "kind", "country", "region", "website", "description", "archivedAt", "createdAt", "updatedAt", "version",
      { requirements: ["id", "level", "note", { requirement: ["id", "code", "name"] }] },
    ],
    inputFields: ["slug", "name", "kind", "country", "region", "website", "description", "requirements"],
    toRecord: (p) => ({
      ...p,
      id: String(p.id),
      requirements: Array.isArray(p.requirements)
        ? p.requirements.map((r: any) => ({ requirementId: idOf(r.requirement), level: r.level, note: r.note ?? null, requirement: r.requirement }))
        : undefined,
    }),
    toInputValue: { requirements: pathwayRequirementsInput },
  },
  specialties: {
    type: "Specialty",
    list: "specialties",
    one: "specialty",
    create: "createSpecialty",
    update: "updateSpecialty",
    remove: "deleteSpecialty",
    restore: "restoreSpecialty",
    revert: "revertSpecialty",
    select: ["id", "slug", "name", "archivedAt", "createdAt", "updatedAt", "version"],
    inputFields: ["slug", "name"],
  },
  audit: {
    type: "AuditEntry",
    list: "auditLog",
    select: ["id", "at", "action", "entityType", "entityId", "entityVersion", "note", { actor: curatorSelect }, "changes"],
  },
  curators: {
    type: "Curator",
    list: "curators",
    create: "createCurator",
    update: "updateCurator",
    select: ["id", "email", "name", "role", "active", "lastLoginAt", "createdAt", "updatedAt", "version"],
    // createCurator takes CuratorInput, updateCurator CuratorUpdateInput: each keeps the keys it has.
    inputFields: ["email", "name", "role", "active", "password"],
  },
  snapshots: {
    type: "Snapshot",
    list: "snapshots",
    one: "snapshot",
    create: "createSnapshot",
    createArgs: (data) => ({ label: data.label, includeDrafts: !!data.includeDrafts }),
    select: [
      "id", "label", "createdAt", "sha256", "includeDrafts", "jsonUrl", "ndjsonUrl", "jsonBytes", "ndjsonBytes",
      { counts: ["programs", "institutions", "requirements", "pathways", "specialties"] },
      { createdBy: curatorSelect },
    ],
  },
};

export function resourceConfig(resource: string): ResourceConfig {
  const config = RESOURCES[resource];
  if (!config) throw new Error(`Unknown resource "${resource}"`);
  return config;
}

/** Drops Apollo's `__typename` so records and form values hold only the API's fields. */
export function stripTypename<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripTypename) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "__typename") out[k] = stripTypename(v);
    return out as T;
  }
  return value;
}

export function toRecord(config: ResourceConfig, node: Record<string, any> | null | undefined): RaRecord {
  if (!node) throw new Error("no record");
  const clean = stripTypename(node);
  return config.toRecord ? config.toRecord(clean) : { ...clean, id: String(clean.id) };
}
