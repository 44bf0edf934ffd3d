import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Country, ListingStatus } from "../../core/enums";
import { WithListingRuleColumns } from "../../core/listing-rules";
import { LocalDateScalar } from "../../core/local-date";
import { Curator } from "../curator/curator.entity";
import { Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Audience, ProgramType } from "./program.enums";
import { VersionedRecord } from "../../core/versioned-record";
import type { ColumnMap } from "../../core/field-selection";
import { CHANGED_SINCE_VERIFIED_DESCRIPTION } from "../../core/provenance";
import { translatedTextColumns } from "../../core/translation";
import {
  FrenchTextColumn,
  SourceTextUpdatedAtColumn,
  TranslationUpdatedAtColumn,
} from "../../core/translation-columns";

/** A program's columns before its listing rules (core/listing-rules.ts); Program adds them, then the rest. */
@ObjectType({ simpleResolvers: true })
abstract class ProgramColumns extends VersionedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index("UQ_programs_slug", { unique: true })
  @Column({ type: "varchar", length: 160 })
  slug: string;

  // GraphQL `title` answers in the asked locale (program.text.resolver.ts).
  @Index("IDX_programs_title")
  @Column({ type: "varchar", length: 300 })
  title: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => ProgramType)
  @Index("IDX_programs_type")
  @Column({ type: "simple-enum", enum: ProgramType })
  type: ProgramType;

  @Field(() => Audience)
  @Index("IDX_programs_audience")
  @Column({ type: "simple-enum", enum: Audience })
  audience: Audience;

  @Field(() => ListingStatus)
  @Index("IDX_programs_status")
  @Column({ type: "simple-enum", enum: ListingStatus, default: ListingStatus.DRAFT })
  status: ListingStatus;

  /** Null for a listing that spans many institutions (e.g. U.S. residency positions through the Match). */
  @Index("IDX_programs_institution")
  @Column({ type: "integer", nullable: true })
  institutionId: number | null;

  // An institution with programs cannot be hard-deleted; curators archive it instead.
  @ManyToOne(() => Institution, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "institutionId", foreignKeyConstraintName: "FK_programs_institution" })
  institution?: Institution | null;

  @Field(() => Country, { description: "Where the program takes place (the institution's country when it has one)" })
  @Index("IDX_programs_country")
  @Column({ type: "simple-enum", enum: Country })
  country: Country;

  @Field(() => String, { nullable: true, description: "State or province code, when the program is in one" })
  @Index("IDX_programs_region")
  @Column({ type: "varchar", length: 8, nullable: true })
  region: string | null;

  @Index("IDX_programs_pathway")
  @Column({ type: "integer", nullable: true })
  pathwayId: number | null;

  // Removing a pathway leaves its programs listed, without a pathway.
  @ManyToOne(() => Pathway, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "pathwayId", foreignKeyConstraintName: "FK_programs_pathway" })
  pathway?: Pathway | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "integer", nullable: true })
  durationMonths: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether participants care for patients (under supervision); null when the source does not say",
  })
  @Index("IDX_programs_hands_on")
  @Column({ type: "boolean", nullable: true })
  handsOnPatientCare: boolean | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "integer", nullable: true })
  positions: number | null;

  @Field(() => Int, { nullable: true, description: "Positions reserved for IMGs, where the program reserves any" })
  @Index("IDX_programs_img_positions")
  @Column({ type: "integer", nullable: true })
  imgPositions: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the program sponsors some visa; null when unknown. Says nothing about which: visaTypesSponsored decides eligibility",
    deprecationReason: "Use visaTypesSponsored (true = sponsors at least one visa; false = visaTypesSponsored [])",
  })
  @Index("IDX_programs_visa")
  @Column({ type: "boolean", nullable: true })
  visaSponsorship: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "A training program: residency, fellowship, clinical elective or observership",
})
@Entity("programs")
@Index("IDX_programs_status_title", ["status", "title", "id"])
@Index("IDX_programs_status_updated", ["status", "updatedAt", "id"])
// Country and type are the directory's first two browse filters: their page count (totalCount)
// and facets read this index alone instead of every matching row (docs/BENCHMARKS.md).
@Index("IDX_programs_status_country_type", ["status", "country", "type"])
@Index("IDX_programs_updated_at", ["updatedAt"])
export class Program extends WithListingRuleColumns(ProgramColumns) {
  // Days, not instants: a `date` column read and written as "YYYY-MM-DD" text (core/local-date.ts).
  @Field(() => LocalDateScalar, { nullable: true, description: "The first day applications are taken" })
  @Column({ type: "date", nullable: true })
  applicationOpensOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The last day applications are taken" })
  @Column({ type: "date", nullable: true })
  applicationClosesOn: string | null;

  @Field(() => Int, { nullable: true, description: "Application fee in minor units (cents) of feeCurrency" })
  @Column({ type: "integer", nullable: true })
  applicationFeeCents: number | null;

  @Field(() => String, { nullable: true, description: "ISO 4217 currency of the fee: USD, CAD" })
  @Column({ type: "varchar", length: 3, nullable: true })
  feeCurrency: string | null;

  @Field(() => String, { nullable: true, description: "The program's own web page" })
  @Column({ type: "varchar", length: 500, nullable: true })
  websiteUrl: string | null;

  @Field(() => String, { nullable: true, description: "Where one applies to the program" })
  @Column({ type: "varchar", length: 500, nullable: true })
  applicationUrl: string | null;

  @Field(() => String, { nullable: true, description: "Where the facts in this listing come from" })
  @Column({ type: "varchar", length: 500, nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  sourceNote: string | null;

  @Field(() => Date, { nullable: true, description: "When a curator last checked the listing against its source" })
  @Index("IDX_programs_last_verified")
  @Column({ type: Date, nullable: true })
  lastVerifiedAt: Date | null;

  @Column({ type: "integer", nullable: true })
  verifiedById: number | null;

  @Field({ description: CHANGED_SINCE_VERIFIED_DESCRIPTION })
  @Column({ type: "boolean", default: false })
  changedSinceVerified: boolean;

  // Removing a curator account keeps the verification date, without the name.
  @ManyToOne(() => Curator, { onDelete: "SET NULL", nullable: true })
  @JoinColumn({ name: "verifiedById", foreignKeyConstraintName: "FK_programs_verified_by" })
  verifiedBy?: Curator | null;

  // French translations (core/translation.ts): the GraphQL text fields answer in the asked locale.
  @FrenchTextColumn("title", 300)
  titleFr: string | null;

  @FrenchTextColumn("description", "text")
  descriptionFr: string | null;

  @TranslationUpdatedAtColumn()
  translationUpdatedAt: Date | null;

  @SourceTextUpdatedAtColumn()
  sourceTextUpdatedAt: Date | null;
}

/** What Program's non-column fields read of the row (core/field-selection.ts). */
export const PROGRAM_COLUMNS: ColumnMap = {
  fields: {
    institution: ["institutionId"],
    pathway: ["pathwayId"],
    specialties: ["id"],
    requirements: ["id"],
    verifiedBy: ["verifiedById"],
    ...translatedTextColumns("title", "description"),
    applicationOpensAt: ["applicationOpensOn"],
    applicationClosesAt: ["applicationClosesOn"],
  },
  always: ["id"],
};
