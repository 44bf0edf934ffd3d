import { ArrayMaxSize, IsEnum, IsOptional, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { Country } from "../../core/enums";
import { ListingRulesInput } from "../../core/listing-rules";
import { IsHttpUrl, IsRegionCode, IsSlug, IsText, RequiredOnCreate } from "../../core/input-rules";
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, WithSourceAndFrench } from "../../core/sourced-input";
import { RequirementLinkInput } from "../requirement/requirement-link.input";
import { PathwayKind } from "./pathway.entity";

@InputType({ description: "One requirement every applicant through the pathway must meet" })
export class PathwayRequirementInput extends RequirementLinkInput {}

/** A pathway's own fields after its listing rules; PathwayInput follows them with its source and French text. */
@InputType()
abstract class PathwayFields extends ListingRulesInput {
  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsSlug(120)
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsText(NAME_MAX_LENGTH)
  name?: string | null;

  @Field(() => PathwayKind, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsEnum(PathwayKind)
  kind?: PathwayKind | null;

  @Field(() => Country, { nullable: true })
  @IsOptional()
  @IsEnum(Country)
  country?: Country | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsRegionCode()
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  website?: string | null;

  @Field(() => [PathwayRequirementInput], {
    nullable: true,
    description: "The whole new list (omit to keep the current one)",
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  requirements?: PathwayRequirementInput[] | null;
}

@InputType({
  description: "A pathway's editable fields. On update send only what changes; null clears an optional field.",
})
@RequiredOnCreate("slug", "name", "kind")
export class PathwayInput extends WithSourceAndFrench(PathwayFields) {}
