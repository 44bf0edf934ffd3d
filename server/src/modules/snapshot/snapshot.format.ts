/**
 * The snapshot file format (schema/snapshot.schema.json is its JSON Schema). Records refer to one
 * another by slug or code, never by database id, so a file loads into any instance.
 */

import { LEGACY_SCORE_KIND } from "../requirement/requirement.rules";
import { LISTING_RULE_FIELDS } from "../../core/listing-rules";

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
    "nameFr",
    "descriptionFr",
    "translationUpdatedAt",
    "sourceTextUpdatedAt",
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
    "applicationOpensOn",
    "applicationClosesOn",
    "applicationFeeCents",
    "feeCurrency",
    "sourceUrl",
    "sourceNote",
    "lastVerifiedAt",
    "websiteUrl",
    "applicationUrl",
    "titleFr",
    "descriptionFr",
    "translationUpdatedAt",
    "sourceTextUpdatedAt",
    ...LISTING_RULE_FIELDS,
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
    "scoreKind",
    "scoreStep",
    "nameFr",
    "descriptionFr",
    "translationUpdatedAt",
    "sourceTextUpdatedAt",
    "heldWhen",
    ...SOURCED_FIELDS,
    "implies",
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
    "nameFr",
    "descriptionFr",
    "translationUpdatedAt",
    "sourceTextUpdatedAt",
    ...LISTING_RULE_FIELDS,
    ...SOURCED_FIELDS,
  ],
};

/** Fields that are not columns of the entity's own table. */
export const REFERENCE_FIELDS = new Set(["institution", "pathway", "specialties", "requirements", "implies"]);
export const LIST_FIELDS = new Set(["specialties", "requirements", "implies"]);
/** Instants: ISO 8601 strings in files (`toISOString()`), Dates in the database. */
export const DATE_FIELDS = new Set(["archivedAt", "lastVerifiedAt", "translationUpdatedAt", "sourceTextUpdatedAt"]);
/** Calendar days: "YYYY-MM-DD" strings in files and in the database alike (core/local-date.ts). */
export const DAY_FIELDS = new Set(["applicationOpensOn", "applicationClosesOn"]);
/** French text (docs/CURATION.md) and its dates: absent means no translation. */
const TRANSLATION_DATES = { translationUpdatedAt: null, sourceTextUpdatedAt: null };
const TRANSLATION_FIELDS = { nameFr: null, descriptionFr: null, ...TRANSLATION_DATES };
/** Provenance of institutions, requirements and pathways: absent means none (and not changed since verified). */
const SOURCED = { sourceUrl: null, sourceNote: null, lastVerifiedAt: null, changedSinceVerified: false };
/** Eligibility rules of programs and pathways (core/listing-rules.ts): absent means the source does not say. */
const LISTING_RULES = Object.fromEntries(LISTING_RULE_FIELDS.map((f) => [f, null]));

/**
 * Fields added to the format after files were first written, each with what its absence means:
 * null, or for a requirement's `scoreKind` SCORED (any requirement could carry a minimum score
 * within its range before kinds existed), or for its `implies` an empty list. Files always carry them, but the canonical form (the
 * hash) holds one only when it says something else: a file written before a field existed keeps a
 * valid checksum, and a directory whose records all hold the absent meaning hashes as it did.
 */
export const ADDED_FIELDS: Partial<Record<EntityName, Readonly<Record<string, unknown>>>> = {
  institutions: { ...TRANSLATION_FIELDS, ...SOURCED },
  programs: {
    websiteUrl: null,
    applicationUrl: null,
    titleFr: null,
    descriptionFr: null,
    ...TRANSLATION_DATES,
    ...LISTING_RULES,
    changedSinceVerified: false,
  },
  requirements: {
    scoreKind: LEGACY_SCORE_KIND,
    scoreStep: null,
    heldWhen: null,
    ...TRANSLATION_FIELDS,
    ...SOURCED,
    // the codes of the requirements this one implies (requirement-implications.ts): absent means none
    implies: [],
  },
  pathways: { ...TRANSLATION_FIELDS, ...LISTING_RULES, ...SOURCED },
};

/** Whether the canonical form leaves this field out when it holds `value` (see ADDED_FIELDS). */
export function meansAbsent(entity: EntityName, field: string, value: unknown): boolean {
  const added = ADDED_FIELDS[entity];
  if (!added || !(field in added)) return false;
  if (value === null || value === undefined || value === added[field]) return true;
  // A list means its absence when it is empty (whether JsonText "[]" or an array).
  return Array.isArray(added[field]) && JSON.stringify(value) === "[]";
}

/**
 * The record with the meaning of added fields its file left out, where that is not null (a
 * requirement without `scoreKind` is SCORED). Applied where records are used (rules, diff, load),
 * never to what the checksum covers.
 */
export function withFormatDefaults(entity: EntityName, record: SnapshotRecord): SnapshotRecord {
  const added = ADDED_FIELDS[entity];
  if (!added) return record;
  const missing = Object.keys(added).filter((f) => added[f] !== null && record[f] == null);
  if (missing.length === 0) return record;
  // Lists are copied, so that no record shares (and could change) the default.
  const absent = (f: string) => (Array.isArray(added[f]) ? [...(added[f] as unknown[])] : added[f]);
  return { ...record, ...Object.fromEntries(missing.map((f) => [f, absent(f)])) };
}
/** Fields whose value is a list in a column of its own (a program's or pathway's visas). */
export const VALUE_LIST_FIELDS = new Set(["visaTypesSponsored"]);

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
