import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { SCORE_COLUMN } from "../../core/decimal-column";
import { Country, ProfileFact } from "../../core/enums";
import { ArchivableSourcedRecord } from "../../core/provenance";
import { ScoreKind } from "./score-kind";
import {
  FrenchTextColumn,
  SourceTextUpdatedAtColumn,
  TranslationUpdatedAtColumn,
} from "../../core/translation-columns";

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
export class Requirement extends ArchivableSourcedRecord {
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

  @Field(() => ScoreKind, {
    description: "How it reports a result: SCORED ones take scores and minimum scores; PASS_FAIL and NONE take none",
  })
  @Column({ type: "simple-enum", enum: ScoreKind, default: ScoreKind.NONE })
  scoreKind: ScoreKind;

  @Field(() => Float, {
    nullable: true,
    description: "SCORED only: the lowest score the exam reports (null: not stated). A decimal, e.g. 0 for IELTS",
  })
  @Column(SCORE_COLUMN)
  scoreMin: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "SCORED only: the highest score the exam reports (null: not stated), e.g. 300 for USMLE Step 2 CK",
  })
  @Column(SCORE_COLUMN)
  scoreMax: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "SCORED only: scores go in steps of this from scoreMin (or 0), e.g. 0.5 for IELTS, 1 for USMLE; null: any score with up to two decimals",
  })
  @Column(SCORE_COLUMN)
  scoreStep: number | null;

  // French translations (core/translation.ts): the GraphQL text fields answer in the asked locale.
  @FrenchTextColumn("name", 200)
  nameFr: string | null;

  @FrenchTextColumn("description", "text")
  descriptionFr: string | null;

  @TranslationUpdatedAtColumn()
  translationUpdatedAt: Date | null;

  @SourceTextUpdatedAtColumn()
  sourceTextUpdatedAt: Date | null;

  @Field(() => ProfileFact, {
    nullable: true,
    description:
      "A profile fact that counts as holding this requirement (e.g. stage STUDENT holds 'Enrolled medical student'); null: only holds, scores or implications do",
  })
  @Column({ type: "simple-enum", enum: ProfileFact, nullable: true })
  heldWhen: ProfileFact | null;
}
