import { IsEnum, IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import { Country } from "../../core/enums";
import { IsHttpUrl, IsRegionCode, IsSlug, IsText, RequiredOnCreate } from "../../core/input-rules";
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, WithSourceAndFrench } from "../../core/sourced-input";
import { InstitutionKind } from "./institution.entity";

/** An institution's own fields; InstitutionInput follows them with its source and French text. */
@InputType()
abstract class InstitutionFields {
  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsSlug(120)
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsText(NAME_MAX_LENGTH)
  name?: string | null;

  @Field(() => InstitutionKind, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsEnum(InstitutionKind)
  kind?: InstitutionKind | null;

  @Field(() => Country, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsEnum(Country)
  country?: Country | null;

  @Field(() => String, { nullable: true, description: "State or province code (MN, ON…); required on create" })
  @IsOptional()
  @IsRegionCode()
  region?: string | null;

  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsText(120)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(DESCRIPTION_MAX_LENGTH)
  description?: string | null;
}

@InputType({
  description: "An institution's editable fields. On update send only what changes; null clears an optional field.",
})
@RequiredOnCreate("slug", "name", "kind", "country", "region", "city")
export class InstitutionInput extends WithSourceAndFrench(InstitutionFields) {}
