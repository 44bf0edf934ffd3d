/**
 * The snapshot file format (schema/snapshot.schema.json is its JSON Schema). Records refer to one
 * another by slug or code, never by database id, so a file loads into any instance.
 */

export const SNAPSHOT_FORMAT = "img-program-directory-snapshot";
export const SNAPSHOT_SCHEMA_VERSION = 1;

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
 * The provenance fields institutions, requirements and pathways gained after files were first
 * written (programs always had the first three): added at the end of their records.
 */
const SOURCED_FIELDS = ["sourceUrl", "sourceNote", "lastVerifiedAt", "changedSinceVerified"] as const;

/**
 * Every field of each record, in the order files write them. Scalar fields have the name of the
 * entity column they come from; `institution`/`pathway` (slugs), `specialties` and `requirements`
 * (links) are the references.
 */
export const FIELDS: Record<EntityName, readonly string[]> = {
  institutions: [
    "slug",
    "name",
    "kind",
    "country",
    "region",
    "city",
    "website",
    "description",
    "archivedAt",
    ...SOURCED_FIELDS,
  ],
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
    "applicationOpensAt",
    "applicationClosesAt",
    "applicationFeeCents",
    "feeCurrency",
    "sourceUrl",
    "sourceNote",
    "lastVerifiedAt",
    "websiteUrl",
    "applicationUrl",
    "changedSinceVerified",
  ],
  requirements: [
    "code",
    "name",
    "kind",
    "country",
    "description",
    "scoreMin",
    "scoreMax",
    "archivedAt",
    ...SOURCED_FIELDS,
  ],
  specialties: ["slug", "name", "archivedAt"],
  pathways: [
    "slug",
    "name",
    "kind",
    "country",
    "region",
    "description",
    "website",
    "archivedAt",
    "requirements",
    ...SOURCED_FIELDS,
  ],
};

/** Fields that are not columns of the entity's own table. */
export const REFERENCE_FIELDS = new Set(["institution", "pathway", "specialties", "requirements"]);
export const LIST_FIELDS = new Set(["specialties", "requirements"]);
export const DATE_FIELDS = new Set(["archivedAt", "applicationOpensAt", "applicationClosesAt", "lastVerifiedAt"]);
/**
 * Fields added to the format after files were first written: files always carry them, but the
 * canonical form (the hash) holds them only when they have a value (not null; for a flag, true).
 * A file written before they existed keeps a valid checksum, and a directory that does not use
 * them hashes as it did.
 */
export const HASHED_WHEN_SET: Record<EntityName, ReadonlySet<string>> = {
  institutions: new Set(SOURCED_FIELDS),
  programs: new Set(["websiteUrl", "applicationUrl", "changedSinceVerified"]),
  requirements: new Set(SOURCED_FIELDS),
  specialties: new Set(),
  pathways: new Set(SOURCED_FIELDS),
};

/**
 * Entities whose records a curator verifies (`verifiedById`, not carried by files). The audit entry of
 * an import names the verifier it drops for programs only (import-history.ts).
 */
export const VERIFIED_ENTITIES: ReadonlySet<EntityName> = new Set([
  "programs",
  "institutions",
  "requirements",
  "pathways",
]);

/** What a field added later reads as when a file leaves it out (else null). */
export const ABSENT_VALUE: Readonly<Record<string, unknown>> = { changedSinceVerified: false };

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

/** One record as files carry it: JSON values only (dates as ISO 8601 strings). */
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
