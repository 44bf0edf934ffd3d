import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Curator } from "../curator/curator.entity";

@ObjectType({ description: "How many records of each kind a snapshot holds" })
export class SnapshotCounts {
  @Field(() => Int)
  institutions: number;

  @Field(() => Int)
  programs: number;

  @Field(() => Int)
  requirements: number;

  @Field(() => Int)
  specialties: number;

  @Field(() => Int)
  pathways: number;
}

@ObjectType({
  description: "A stored, immutable point-in-time export of the directory, downloadable as JSON and NDJSON",
})
@Entity("snapshots")
@Index("IDX_snapshots_created_at", ["createdAt", "id"])
export class Snapshot {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: "varchar", length: 200 })
  label: string;

  /** The snapshot's point in time: the same instant as meta.createdAt in its files. */
  @Field()
  @Column({ type: Date })
  createdAt: Date;

  @Column({ type: "integer", nullable: true })
  createdById: number | null;

  // Removing a curator account keeps the snapshot, without the name.
  @ManyToOne(() => Curator, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "createdById", foreignKeyConstraintName: "FK_snapshots_created_by" })
  createdBy?: Curator | null;

  @Field({ description: "SHA-256 of the canonical content (meta.sha256 in the files): equal hashes mean equal data" })
  @Column({ type: "varchar", length: 64 })
  sha256: string;

  @Field(() => SnapshotCounts)
  @Column({ type: "simple-json" })
  counts: SnapshotCounts;

  @Field({ description: "True when it holds draft and archived listings too; such downloads need a curator" })
  @Column({ type: "boolean", default: false })
  includeDrafts: boolean;

  @Field(() => Int, { description: "Size of the JSON file in bytes" })
  @Column({ type: "integer" })
  jsonBytes: number;

  @Field(() => Int, { description: "Size of the NDJSON file in bytes" })
  @Column({ type: "integer" })
  ndjsonBytes: number;

  /**
   * The content lives in the database (snapshot-content-store.ts). A name here is a file in
   * SNAPSHOT_DIR that an earlier version wrote and that start-up has not moved into the database
   * yet (snapshot-files-import.ts); null once moved, and for every snapshot made since.
   */
  @Column({ type: "varchar", length: 255, nullable: true })
  jsonFile: string | null;

  @Column({ type: "varchar", length: 255, nullable: true })
  ndjsonFile: string | null;
}
