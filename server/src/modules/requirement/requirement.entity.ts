import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Country, ProfileFact } from "../../core/enums";
import { ArchivableRecord } from "../../core/versioned-record";

export enum RequirementKind {
  EXAM = "EXAM",
  CERTIFICATION = "CERTIFICATION",
  LICENSE = "LICENSE",
  TRAINING = "TRAINING",
  LANGUAGE = "LANGUAGE",
  IMMIGRATION = "IMMIGRATION",
  DOCUMENT = "DOCUMENT",
}
registerEnumType(RequirementKind, { name: "RequirementKind" });

@ObjectType({
  simpleResolvers: true,
  description: "A catalogue entry: an exam, certification, licence or other thing a program asks for",
})
@Entity("requirements")
export class Requirement extends ArchivableRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Stable code clients can rely on, e.g. USMLE_STEP_1" })
  @Index("UQ_requirements_code", { unique: true })
  @Column({ type: "varchar", length: 64 })
  code: string;

  @Field()
  @Index("IDX_requirements_name")
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => RequirementKind)
  @Index("IDX_requirements_kind")
  @Column({ type: "simple-enum", enum: RequirementKind })
  kind: RequirementKind;

  @Field(() => Country, { nullable: true, description: "The country whose system the requirement belongs to, if any" })
  @Column({ type: "simple-enum", enum: Country, nullable: true })
  country: Country | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => Int, { nullable: true, description: "Lowest score the exam reports, when it reports a numeric score" })
  @Column({ type: "integer", nullable: true })
  scoreMin: number | null;

  @Field(() => Int, { nullable: true, description: "Highest score the exam reports, when it reports a numeric score" })
  @Column({ type: "integer", nullable: true })
  scoreMax: number | null;

  @Field(() => ProfileFact, {
    nullable: true,
    description:
      "A profile fact that counts as holding this requirement (e.g. stage STUDENT holds 'Enrolled medical student'); null: only holds, scores or implications do",
  })
  @Column({ type: "simple-enum", enum: ProfileFact, nullable: true })
  heldWhen: ProfileFact | null;
}
