/**
 * Files of an older schemaVersion, read as the current one. Version 1 held programs'
 * application dates as instants (applicationOpensAt/applicationClosesAt, ISO 8601); version 2
 * holds the days they stood for (applicationOpensOn/applicationClosesOn), which
 * dayOfLegacyInstant gives by the rule the database migration used (core/local-date.ts).
 *
 * A file's checksum covers its content as written, so an older file is hashed by its own
 * version's fields (legacyFields), and its records are upgraded only after that.
 */
import { dayOfLegacyInstant } from "../../core/local-date";
import { FIELDS, SNAPSHOT_SCHEMA_VERSION, type EntityName, type SnapshotRecord } from "./snapshot.format";

/** Version 1's instant fields of programs, and the day fields of version 2 that replace them. */
const V1_DAYS: readonly (readonly [string, string])[] = [
  ["applicationOpensAt", "applicationOpensOn"],
  ["applicationClosesAt", "applicationClosesOn"],
];
export const V1_INSTANT_FIELDS = new Set(V1_DAYS.map(([instant]) => instant));

const V1_FIELDS: Record<EntityName, readonly string[]> = {
  ...FIELDS,
  programs: FIELDS.programs.map((f) => V1_DAYS.find(([, day]) => day === f)?.[0] ?? f),
};

/** The fields a file of `version` has, in file order (what its checksum covers). */
export function legacyFields(version: number, entity: EntityName): readonly string[] {
  return version === 1 ? V1_FIELDS[entity] : FIELDS[entity];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A record of a file of `version` as the current version has it (the same object when nothing
 * changes). An instant that does not parse is kept as it is, under the new name, for the schema
 * to name.
 */
export function upgradeRecord(version: number, entity: EntityName, record: SnapshotRecord): SnapshotRecord {
  if (version === SNAPSHOT_SCHEMA_VERSION || entity !== "programs" || !record || typeof record !== "object")
    return record;
  const out: SnapshotRecord = {};
  for (const [field, value] of Object.entries(record)) {
    const day = V1_DAYS.find(([instant]) => instant === field)?.[1];
    if (!day) out[field] = value;
    else if (typeof value === "string" && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      out[day] = dayOfLegacyInstant(new Date(value));
    else out[day] = value;
  }
  return out;
}
