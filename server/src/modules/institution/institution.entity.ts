import type { ColumnMap } from "../../core/field-selection";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Country } from "../../core/enums";
import { ArchivableSourcedRecord } from "../../core/provenance";
import { translatedTextColumns } from "../../core/translation";
import {
  FrenchTextColumn,
  SourceTextUpdatedAtColumn,
  TranslationUpdatedAtColumn,
} from "../../core/translation-columns";

export enum InstitutionKind {
  ACADEMIC_MEDICAL_CENTER = "ACADEMIC_MEDICAL_CENTER",
  UNIVERSITY = "UNIVERSITY",
  MEDICAL_SCHOOL = "MEDICAL_SCHOOL",
  HOSPITAL = "HOSPITAL",
  OTHER = "OTHER",
}
registerEnumType(InstitutionKind, { name: "InstitutionKind" });

@ObjectType({
  simpleResolvers: true,
  description: "A university, medical school or teaching hospital that offers programs",
})
@Entity("institutions")
@Index("IDX_institutions_updated_at", ["updatedAt"])
export class Institution extends ArchivableSourcedRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Stable, URL-safe identifier, e.g. mayo-clinic" })
  @Index("UQ_institutions_slug", { unique: true })
  @Column({ type: "varchar", length: 120 })
  slug: string;

  // GraphQL `name` answers in the asked locale (institution.text.resolver.ts).
  @Index("IDX_institutions_name")
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => InstitutionKind)
  @Index("IDX_institutions_kind")
  @Column({ type: "simple-enum", enum: InstitutionKind })
  kind: InstitutionKind;

  @Field(() => Country)
  @Index("IDX_institutions_country")
  @Column({ type: "simple-enum", enum: Country })
  country: Country;

  @Field({ description: "State or province code: MN, OH, MD, MA, ON, QC, BC, AB…" })
  @Index("IDX_institutions_region")
  @Column({ type: "varchar", length: 8 })
  region: string;

  @Field()
  @Column({ type: "varchar", length: 120 })
  city: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true })
  website: string | null;

  @Column({ type: "text", nullable: true })
  description: string | null;

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

/** What Institution's non-column fields read of the row (core/field-selection.ts). */
export const INSTITUTION_COLUMNS: ColumnMap = {
  fields: {
    programs: ["id"],
    verifiedBy: ["verifiedById"],
    ...translatedTextColumns("name", "description"),
  },
  always: ["id"],
};
