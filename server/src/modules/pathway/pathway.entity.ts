import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Country } from "../../core/enums";
import { WithListingRuleColumns } from "../../core/listing-rules";
import { ArchivableSourcedRecord } from "../../core/provenance";
import {
  FrenchTextColumn,
  SourceTextUpdatedAtColumn,
  TranslationUpdatedAtColumn,
} from "../../core/translation-columns";

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

/** A pathway's columns before its listing rules (core/listing-rules.ts), which Pathway adds after them. */
@ObjectType({ simpleResolvers: true })
abstract class PathwayColumns extends ArchivableSourcedRecord {
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
  @FrenchTextColumn("name", 200)
  nameFr: string | null;

  @FrenchTextColumn("description", "text")
  descriptionFr: string | null;

  @TranslationUpdatedAtColumn()
  translationUpdatedAt: Date | null;

  @SourceTextUpdatedAtColumn()
  sourceTextUpdatedAt: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "How one applies: the NRMP Match, CaRMS, a provincial IMG stream, or directly",
})
@Entity("pathways")
export class Pathway extends WithListingRuleColumns(PathwayColumns) {}
