import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";

@ObjectType({ simpleResolvers: true, description: "A field of medicine: internal medicine, cardiology, surgery…" })
@Entity("specialties")
export class Specialty {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index("UQ_specialties_slug", { unique: true })
  @Column({ type: "varchar", length: 120 })
  slug: string;

  @Field()
  @Index("IDX_specialties_name")
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: Date, nullable: true })
  archivedAt: Date | null;

  @Field(() => Int)
  @VersionColumn()
  version: number;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @UpdateDateColumn()
  updatedAt: Date;
}
