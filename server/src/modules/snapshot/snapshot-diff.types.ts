import { GraphQLJSON } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import { Snapshot } from "./snapshot.entity";

@ObjectType({ description: "One field that differs between two versions of a record" })
export class SnapshotFieldChange {
  @Field({ description: "The field, e.g. city, specialties or requirements[USMLE_STEP_3].level" })
  field: string;

  @Field(() => GraphQLJSON, { nullable: true })
  from: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  to: unknown;
}

@ObjectType({ description: "A record present in both snapshots with different content" })
export class SnapshotRecordChange {
  @Field({ description: "The record's slug (code for requirements)" })
  key: string;

  @Field(() => [SnapshotFieldChange])
  changes: SnapshotFieldChange[];
}

@ObjectType({ description: "What changed for one kind of record" })
export class SnapshotEntityDiff {
  @Field({ description: "institutions, programs, requirements, specialties or pathways" })
  entity: string;

  @Field(() => [String], { description: "Keys only in the newer snapshot" })
  added: string[];

  @Field(() => [String], { description: "Keys only in the older snapshot" })
  removed: string[];

  @Field(() => [SnapshotRecordChange])
  changed: SnapshotRecordChange[];
}

@ObjectType({ description: "The differences between two stored snapshots" })
export class SnapshotDiffResult {
  @Field(() => Snapshot)
  from: Snapshot;

  @Field(() => Snapshot)
  to: Snapshot;

  @Field({ description: "True when both hold the same data" })
  identical: boolean;

  @Field(() => Int)
  addedCount: number;

  @Field(() => Int)
  removedCount: number;

  @Field(() => Int)
  changedCount: number;

  @Field(() => [SnapshotEntityDiff])
  entities: SnapshotEntityDiff[];
}
