/**
 * The snapshot file format (schema/snapshot.schema.json is its JSON Schema). Records refer to one
 * another by slug or code, never by database id, so a file loads into any instance.
 */

export const SNAPSHOT_FORMAT = "img-program-directory-snapshot";
/**
 * The version files are written in. 2: programs' application dates are days
 * (applicationOpensOn/applicationClosesOn, "YYYY-MM-DD") instead of instants
 * (applicationOpensAt/applicationClosesAt); snapshot-legacy.ts reads files of version 1.
 */
export const SNAPSHOT_SCHEMA_VERSION = 2;
/** The versions this directory reads (docs/SNAPSHOTS.md, "Versions"). */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];

/** The entity arrays in the order a JSON file lists them (docs/SNAPSHOTS.md). */
export const FILE_ORDER = ["institutions", "programs", "requirements", "specialties", "pathways"] as const;
export type EntityName = (typeof FILE_ORDER)[number];

/** The order the canonical form (and so the hash) visits them: sorted, like every other key. */
export const CANONICAL_ORDER: readonly EntityName[] = [...FILE_ORDER].sort();

/** NDJSON and messages name one record by its singular kind. */
export const KIND: Record<EntityName, string> = {
  institutions: "institution",
  programs: "program",
  requirements: "requirement",
  specialties: "specialty",
  pathways: "pathway",
};
export const ENTITY_OF_KIND: Record<string, EntityName> = Object.fromEntries(
  FILE_ORDER.map((e) => [KIND[e], e]),
) as Record<string, EntityName>;

/** The field that identifies a record across instances. */
export const KEY: Record<EntityName, "slug" | "code"> = {
  institutions: "slug",
  programs: "slug",
  requirements: "code",
  specialties: "slug",
  pathways: "slug",
};

/**
 * Every field of each record, in the order files write them. Scalar fields have the name of the
 * entity column they come from; `institution`/`pathway` (slugs), `specialties` and `requirements`
 * (links) are the references.
 */
export const FIELDS: Record<EntityName, readonly string[]> = {
  institutions: ["slug", "name", "kind", "country", "region", "city", "website", "description", "archivedAt"],
  programs: [
    "slug",
    "title",
    "description",
    "type",
    "audience",
    "status",
    "institution",
    "pathway",
    "country",
    "region",
    "specialties",
    "requirements",
    "durationMonths",
    "handsOnPatientCare",
    "positions",
    "imgPositions",
    "visaSponsorship",
    "applicationOpensOn",
    "applicationClosesOn",
    "applicationFeeCents",
    "feeCurrency",
    "sourceUrl",
    "sourceNote",
    "lastVerifiedAt",
    "websiteUrl",
    "applicationUrl",
  ],
  requirements: ["code", "name", "kind", "country", "description", "scoreMin", "scoreMax", "archivedAt"],
  specialties: ["slug", "name", "archivedAt"],
  pathways: ["slug", "name", "kind", "country", "region", "description", "website", "archivedAt", "requirements"],
};

/** Fields that are not columns of the entity's own table. */
export const REFERENCE_FIELDS = new Set(["institution", "pathway", "specialties", "requirements"]);
export const LIST_FIELDS = new Set(["specialties", "requirements"]);
/** Instants: ISO 8601 strings in files (`toISOString()`), Dates in the database. */
export const DATE_FIELDS = new Set(["archivedAt", "lastVerifiedAt"]);
/** Calendar days: "YYYY-MM-DD" strings in files and in the database alike (core/local-date.ts). */
export const DAY_FIELDS = new Set(["applicationOpensOn", "applicationClosesOn"]);
/**
 * Fields added to the format after files were first written: files always carry them, but the
 * canonical form (the hash) holds them only when they have a value. A file written before they
 * existed keeps a valid checksum, and a directory that does not use them hashes as it did.
 */
export const HASHED_WHEN_SET = new Set(["websiteUrl", "applicationUrl"]);

/** Scalar (own-column) fields of an entity. */
export function scalarFields(entity: EntityName): string[] {
  return FIELDS[entity].filter((f) => !REFERENCE_FIELDS.has(f));
}

export interface ProgramRequirementLink {
  code: string;
  level: string;
  minimumScore: number | null;
  note: string | null;
}

export interface PathwayRequirementLink {
  code: string;
  level: string;
  note: string | null;
}

/** One record as files carry it: JSON values only (instants as ISO 8601 strings, days as YYYY-MM-DD). */
export type SnapshotRecord = Record<string, unknown>;

export type SnapshotCounts = Record<EntityName, number>;

export interface SnapshotMeta {
  format: typeof SNAPSHOT_FORMAT;
  schemaVersion: number;
  createdAt: string;
  /** False when the file holds only what the public API shows (published listings). */
  includeDrafts: boolean;
  /** SHA-256 (hex) of the canonical form of the content; see canonical-hash.ts. */
  sha256: string;
  counts: SnapshotCounts;
}

/** A whole snapshot in memory (import and diff; export never builds one). */
export interface SnapshotDocument extends Record<EntityName, SnapshotRecord[]> {
  meta: SnapshotMeta;
}

export function emptyCounts(): SnapshotCounts {
  return { institutions: 0, programs: 0, requirements: 0, specialties: 0, pathways: 0 };
}

/** `program "mayo-clinic-fellowships"`: how messages name a record. */
export function describeRecord(entity: EntityName, record: SnapshotRecord | undefined): string {
  const key = record?.[KEY[entity]];
  return typeof key === "string" ? `${KIND[entity]} "${key}"` : KIND[entity];
}
