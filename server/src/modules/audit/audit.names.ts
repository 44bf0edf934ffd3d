import { Field, ID, ObjectType } from "type-graphql";
import type { AuditChanges, AuditReferenceField } from "../../core/audit-trail";
import type { NamesByIds, RecordName } from "../../core/record-names";

/** One id an audit entry's changes hold, and the record it names as it is now. */
@ObjectType({ description: "A record an audit entry's changes name by id, with its name now" })
export class AuditReference {
  @Field({ description: "The field of `changes` that holds the id: institutionId, specialtyIds, requirements…" })
  field: string;

  @Field({ description: "The GraphQL type name of the record named: Institution, Pathway, Curator…" })
  entityType: string;

  @Field(() => ID)
  id: number;

  @Field(() => String, { nullable: true, description: "The record's name now; null when it no longer exists" })
  name: string | null;
}

/** What a record type tells the history: how its records are named, and which of its fields name others. */
export interface AuditedType {
  typeName: string;
  references?: Readonly<Record<string, AuditReferenceField>>;
}

type Reference = Omit<AuditReference, "name">;

function idsIn(value: unknown, key: string | undefined): number[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item) => (key && item && typeof item === "object" ? (item as Record<string, unknown>)[key] : item))
    .filter((id): id is number | string => typeof id === "number" || (typeof id === "string" && id !== ""))
    .map(Number)
    .filter(Number.isInteger);
}

/**
 * Names for the history: the record an entry is about ("Internal Medicine Residency — Mayo Clinic"
 * for "Program 6") and the records its changes hold ids of. Each record type lends a `NamesByIds`
 * (one statement for many ids); the per-request `recordName` loader batches every entry of a page.
 */
export class AuditNameService {
  private readonly references: ReadonlyMap<string, Readonly<Record<string, AuditReferenceField>>>;

  constructor(
    private readonly namers: Readonly<Record<string, NamesByIds>>,
    types: readonly AuditedType[],
  ) {
    this.references = new Map(types.map((t) => [t.typeName, t.references ?? {}]));
  }

  /** Names of records of one type by id; unknown types and missing rows are absent. */
  async names(entityType: string, ids: readonly number[]): Promise<RecordName[]> {
    const namer = this.namers[entityType] as NamesByIds | undefined;
    return namer && ids.length > 0 ? namer(ids) : [];
  }

  /** Every id the changes of an entry about `entityType` hold (before and after), each once per field. */
  referencesIn(entityType: string, changes: AuditChanges): Reference[] {
    const fields = this.references.get(entityType) ?? {};
    const out: Reference[] = [];
    for (const [field, spec] of Object.entries(fields)) {
      const change = changes[field];
      if (!change) continue;
      const ids = new Set([...idsIn(change.from, spec.key), ...idsIn(change.to, spec.key)]);
      for (const id of ids) out.push({ field, entityType: spec.entityType, id });
    }
    return out;
  }
}
