import { GraphQLSafeInt } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn, type ValueTransformer } from "typeorm";
import type { DirectoryChange, DirectoryChangeKind, DirectoryRecordType } from "../../core/directory-changes";

/** The kinds of change as a GraphQL enum (core names them as a string union). */
export const DirectoryChangeKindValues = {
  CREATED: "CREATED",
  CHANGED: "CHANGED",
  REMOVED: "REMOVED",
} as const satisfies { [K in DirectoryChangeKind]: K };

export const DirectoryRecordTypeValues = {
  PROGRAM: "PROGRAM",
  INSTITUTION: "INSTITUTION",
  PATHWAY: "PATHWAY",
  REQUIREMENT: "REQUIREMENT",
  SPECIALTY: "SPECIALTY",
} as const satisfies { [K in DirectoryRecordType]: K };

registerEnumType(DirectoryChangeKindValues, {
  name: "DirectoryChangeKind",
  description: "What anonymous readers see happen to a record",
  valuesConfig: {
    CREATED: { description: "It became visible: created published, published, or (a catalogue entry) restored" },
    CHANGED: { description: "Public fields of a visible record changed (listed in changedFields)" },
    REMOVED: { description: "It is no longer visible (unpublished, archived or removed): a tombstone, id and slug" },
  },
});
registerEnumType(DirectoryRecordTypeValues, {
  name: "DirectoryRecordType",
  description: "The kind of record a change is about",
});

/** PostgreSQL returns bigint as a string: sequences stay exact as numbers up to 2^53. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * One entry of the public change feed. Append-only, written in the transaction of the change it
 * describes (modules/feed/change-feed.ts); `sequence` is the feed's position and the cursor.
 */
@ObjectType("DirectoryChange", {
  simpleResolvers: true,
  description: "One change anonymous readers can see: a record appeared, changed or disappeared",
})
@Entity("directory_changes")
export class DirectoryChangeEntry implements DirectoryChange {
  @Field(() => GraphQLSafeInt, {
    description: "The position in the feed: strictly increasing, never reused (gaps may occur)",
  })
  @PrimaryColumn({ type: "bigint", transformer: bigintAsNumber })
  sequence: number;

  @Field(() => DirectoryChangeKindValues)
  @Column({ type: "varchar", length: 10 })
  kind: DirectoryChangeKind;

  @Field(() => DirectoryRecordTypeValues)
  @Column({ type: "varchar", length: 16 })
  recordType: DirectoryRecordType;

  @Field(() => ID, { description: "The record's id (as the record's own `id` field)" })
  @Column({ type: "integer" })
  recordId: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The record's slug (a requirement's code). For REMOVED, the slug readers last saw; otherwise the current one",
  })
  @Column({ type: "varchar", length: 160, nullable: true })
  slug: string | null;

  @Field(() => [String], {
    description:
      "For CHANGED, the public fields that changed, as the record's GraphQL fields name them; empty for CREATED and REMOVED (read the record, or drop it)",
  })
  @Column({ type: "simple-json" })
  changedFields: string[];

  @Field(() => Date, { description: "When the write was made" })
  @Column({ type: Date })
  occurredAt: Date;
}

/**
 * The feed's last allocated sequence: one row, updated by every append. The row lock it takes on
 * PostgreSQL is held until the change commits, so changes commit in sequence order (change-feed.ts).
 */
@Entity("directory_change_head")
export class DirectoryChangeHead {
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Column({ type: "bigint", transformer: bigintAsNumber })
  lastSequence: number;
}
