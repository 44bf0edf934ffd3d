import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ArchivableRecord } from "../../core/versioned-record";

@ObjectType({ simpleResolvers: true, description: "A field of medicine: internal medicine, cardiology, surgery…" })
@Entity("specialties")
export class Specialty extends ArchivableRecord {
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
}
