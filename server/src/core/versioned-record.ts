import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, UpdateDateColumn, VersionColumn } from "typeorm";

/**
 * The columns every curated record shares, declared once so that their GraphQL descriptions agree.
 * An index on one of them (e.g. `updatedAt`) is declared on the entity class, by column name.
 *
 * Decorated as object types so that their fields are inherited; no field returns them, so the
 * schema does not list them.
 */
@ObjectType()
export abstract class VersionedRecord {
  @Field(() => Int, { description: "Optimistic-lock version: send it back with every update" })
  @VersionColumn()
  version: number;

  @Field({ description: "When the record was created" })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: "When the record last changed" })
  @UpdateDateColumn()
  updatedAt: Date;
}

/** A curated record that is archived (soft-deleted) rather than removed. */
@ObjectType()
export abstract class ArchivableRecord extends VersionedRecord {
  @Field(() => Date, {
    nullable: true,
    description: "Set when the record is archived (soft-deleted); null while it is active",
  })
  @Column({ type: Date, nullable: true })
  archivedAt: Date | null;
}
