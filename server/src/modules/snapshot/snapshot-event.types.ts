import type { EntityName } from "./snapshot.format";

/**
 * What a snapshot file holds, one piece at a time in file order, whatever its format:
 * the readers hand these over as they parse, and nothing downstream keeps more than one record.
 */
export type SnapshotEvent =
  | { type: "meta"; meta: unknown }
  /** The file holds this entity's list (perhaps empty): its records follow. */
  | { type: "list"; entity: EntityName }
  /** One record, not yet validated; `index` is its position in its list, `loc` where the file holds it (null: the index says it). */
  | { type: "record"; entity: EntityName; record: unknown; index: number; loc: string | null }
  /** A member of a JSON file's root object that is not meta or a list of records. */
  | { type: "field"; key: string; value: unknown };

export type SnapshotSource = "json" | "ndjson" | "csv";
