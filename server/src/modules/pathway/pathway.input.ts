import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { Country } from "../../core/enums";
import { ListingRulesInput } from "../../core/listing-rules";
import { IsHttpUrl, IsRegionCode, IsSlug, IsText, RequiredOnCreate } from "../../core/input-rules";
import { RequirementLinkInput } from "../requirement/requirement-link.input";
import { PathwayKind } from "./pathway.entity";

@InputType({ description: "One requirement every applicant through the pathway must meet" })
export class PathwayRequirementInput extends RequirementLinkInput {}

@InputType({
  description: "A pathway's editable fields. On update send only what changes; null clears an optional field.",
})
@RequiredOnCreate("slug", "name", "kind")
export class PathwayInput extends ListingRulesInput {
  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsSlug(120)
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "Required on create" })
  @IsOptional()
  @IsText(200)
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
  @IsText(20000)
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

  @Field(() => String, {
    nullable: true,
    description: "Where the facts come from: a full http:// or https:// URL of a page that holds them",
  })
  @IsOptional()
  @IsHttpUrl()
  sourceUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What the source says and where it is (e.g. an article without a URL of its own)",
  })
  @IsOptional()
  @IsText(5000)
  sourceNote?: string | null;

  @Field(() => String, { nullable: true, description: "The French translation of name: the same rules as name" })
  @IsOptional()
  @IsText(200)
  nameFr?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The French translation of description: the same rules as description",
  })
  @IsOptional()
  @IsText(20000)
  descriptionFr?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: a curator checked the French text against the current English text, so it is no longer stale (dates the translation now)",
  })
  @IsOptional()
  @IsBoolean()
  translationChecked?: boolean | null;
}
