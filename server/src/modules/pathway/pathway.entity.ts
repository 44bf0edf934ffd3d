import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CitizenshipRule, Country, VisaType } from "../../core/enums";
import { RULE_DESCRIPTIONS } from "../../core/listing-rules";
import { ArchivableSourcedRecord } from "../../core/provenance";

export enum PathwayKind {
  NATIONAL_MATCH = "NATIONAL_MATCH",
  PROVINCIAL_IMG_STREAM = "PROVINCIAL_IMG_STREAM",
  DIRECT = "DIRECT",
}
registerEnumType(PathwayKind, {
  name: "PathwayKind",
  description:
    "NATIONAL_MATCH: NRMP or CaRMS; PROVINCIAL_IMG_STREAM: a province's IMG route; DIRECT: apply to the program",
});

@ObjectType({
  simpleResolvers: true,
  description: "How one applies: the NRMP Match, CaRMS, a provincial IMG stream, or directly",
})
@Entity("pathways")
export class Pathway extends ArchivableSourcedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index("UQ_pathways_slug", { unique: true })
  @Column({ type: "varchar", length: 120 })
  slug: string;

  // GraphQL `name` answers in the asked locale (pathway.text.resolver.ts).
  @Index("IDX_pathways_name")
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => PathwayKind)
  @Index("IDX_pathways_kind")
  @Column({ type: "simple-enum", enum: PathwayKind })
  kind: PathwayKind;

  @Field(() => Country, { nullable: true })
  @Index("IDX_pathways_country")
  @Column({ type: "simple-enum", enum: Country, nullable: true })
  country: Country | null;

  @Field(() => String, { nullable: true, description: "Province or state code for a regional stream" })
  @Column({ type: "varchar", length: 8, nullable: true })
  region: string | null;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  website: string | null;

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

  @Field(() => [VisaType], { nullable: true, description: RULE_DESCRIPTIONS.visaTypesSponsored })
  @Column({ type: "simple-json", nullable: true })
  visaTypesSponsored: VisaType[] | null;

  @Field(() => Int, { nullable: true, description: RULE_DESCRIPTIONS.maxYearsSinceGraduation })
  @Column({ type: "integer", nullable: true })
  maxYearsSinceGraduation: number | null;

  @Field(() => Boolean, { nullable: true, description: RULE_DESCRIPTIONS.graduatesOfAnyYear })
  @Column({ type: "boolean", nullable: true })
  graduatesOfAnyYear: boolean | null;

  @Field(() => CitizenshipRule, { nullable: true, description: RULE_DESCRIPTIONS.citizenshipRequired })
  @Column({ type: "simple-enum", enum: CitizenshipRule, nullable: true })
  citizenshipRequired: CitizenshipRule | null;

  @Field(() => Int, { nullable: true, description: RULE_DESCRIPTIONS.minimumClinicalExperienceMonths })
  @Column({ type: "integer", nullable: true })
  minimumClinicalExperienceMonths: number | null;

  @Field(() => Boolean, { nullable: true, description: RULE_DESCRIPTIONS.clinicalExperienceInCountry })
  @Column({ type: "boolean", nullable: true })
  clinicalExperienceInCountry: boolean | null;

  @Field(() => String, { nullable: true, description: RULE_DESCRIPTIONS.returnOfServiceNote })
  @Column({ type: "text", nullable: true })
  returnOfServiceNote: string | null;
}
