import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Country } from "../../core/enums";
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

  // GraphQL `name` answers in the asked locale (requirement.text.resolver.ts).
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

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => Int, { nullable: true, description: "Lowest score the exam reports, when it reports a numeric score" })
  @Column({ type: "integer", nullable: true })
  scoreMin: number | null;

  @Field(() => Int, { nullable: true, description: "Highest score the exam reports, when it reports a numeric score" })
  @Column({ type: "integer", nullable: true })
  scoreMax: number | null;

  // French translations (core/translation.ts): the GraphQL text fields answer in the asked locale.
  @Field(() => String, { nullable: true, description: "The French translation of `name`, as entered (null: none)" })
  @Column({ type: "varchar", length: 200, nullable: true })
  nameFr: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The French translation of `description`, as entered (null: none)",
  })
  @Column({ type: "text", nullable: true })
  descriptionFr: string | null;

  @Field(() => Date, { nullable: true, description: "When the French text last changed; null while there is none" })
  @Column({ type: Date, nullable: true })
  translationUpdatedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "When the English text last changed while a French translation existed",
  })
  @Column({ type: Date, nullable: true })
  sourceTextUpdatedAt: Date | null;
}
