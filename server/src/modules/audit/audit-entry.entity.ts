import { GraphQLJSON } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Curator } from "../curator/curator.entity";

import { AuditAction, type AuditChanges } from "../../core/audit-trail";

export { AuditAction, type AuditChanges };
registerEnumType(AuditAction, {
  name: "AuditAction",
  description: "What a write did. DELETE archives (soft delete); RESTORE brings an archived record back",
});

/**
 * One write to the directory. Append-only: the code has no path that updates or deletes an
 * entry, and each is written in the same transaction as the change it describes.
 */
@ObjectType({ description: "One recorded write: who changed what, when, from what to what" })
@Entity("audit_entries")
@Index("IDX_audit_entries_entity", ["entityType", "entityId", "id"])
@Index("IDX_audit_entries_actor", ["actorId", "id"])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => Date)
  @Index("IDX_audit_entries_at")
  @Column({ type: Date })
  at: Date;

  @Field(() => AuditAction)
  @Column({ type: "simple-enum", enum: AuditAction })
  action: AuditAction;

  @Field({
    description: "The GraphQL type name of the record: Program, Institution, Requirement, Pathway, Specialty, Curator",
  })
  @Column({ type: "varchar", length: 40 })
  entityType: string;

  @Field(() => ID)
  @Column({ type: "integer" })
  entityId: number;

  @Field(() => Int, { nullable: true, description: "The record's version after this write" })
  @Column({ type: "integer", nullable: true })
  entityVersion: number | null;

  /** Null for changes made from the command line or at start-up. */
  @Column({ type: "integer", nullable: true })
  actorId: number | null;

  // Curators are disabled, never deleted; should one ever be removed, the history stays.
  @ManyToOne(() => Curator, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "actorId", foreignKeyConstraintName: "FK_audit_entries_actor" })
  actorRow?: Curator | null;

  @Field(() => GraphQLJSON, { description: "{ field: { from, to } } for every field the write changed" })
  @Column({ type: "simple-json" })
  changes: AuditChanges;

  @Field(() => String, { nullable: true, description: "Why: a verification note, the entry a revert went back to, …" })
  @Column({ type: "text", nullable: true })
  note: string | null;
}
