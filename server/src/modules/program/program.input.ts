import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { Country, ListingStatus } from "../../core/enums";
import { ListingRulesInput } from "../../core/listing-rules";
import { LocalDateScalar } from "../../core/local-date";
import {
  IsEntityId,
  IsHttpUrl,
  IsLocalDate,
  IsRegionCode,
  IsScore,
  IsSlug,
  IsText,
  RequiredOnCreate,
} from "../../core/input-rules";
import { DESCRIPTION_MAX_LENGTH, DescriptionFrInput, TranslationCheckedInput } from "../../core/sourced-input";
import { RequirementLinkInput } from "../requirement/requirement-link.input";
import { MAX_SCORE } from "../requirement/requirement.input";
import { Audience, ProgramType } from "./program.enums";

@InputType({ description: "One requirement as the program asks for it" })
export class ProgramRequirementInput extends RequirementLinkInput {
  @Field(() => Float, {
    nullable: true,
    description:
      "Lowest accepted score, a decimal such as 6.5: only on a SCORED requirement, within its scoreMin..scoreMax and on its scoreStep",
  })
  @IsOptional()
  @IsScore(MAX_SCORE)
  minimumScore?: number | null;
}

@InputType({
  description:
    "A program's editable fields. On create slug, title, type and audience are required (country too, unless an institution gives it); " +
    "on update send only what changes: omitted fields stay, null clears an optional field.",
})
@RequiredOnCreate("slug", "title", "type", "audience")
export class ProgramInput extends ListingRulesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsSlug(160)
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(300)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(DESCRIPTION_MAX_LENGTH)
  description?: string | null;

  @Field(() => ProgramType, { nullable: true })
  @IsOptional()
  @IsEnum(ProgramType)
  type?: ProgramType | null;

  @Field(() => Audience, { nullable: true })
  @IsOptional()
  @IsEnum(Audience)
  audience?: Audience | null;

  @Field(() => ListingStatus, { nullable: true, description: "Defaults to DRAFT on create" })
  @IsOptional()
  @IsEnum(ListingStatus)
  status?: ListingStatus | null;

  @Field(() => ID, { nullable: true, description: "Null for a listing that spans many institutions" })
  @IsOptional()
  @IsEntityId()
  institutionId?: string | null;

  @Field(() => Country, {
    nullable: true,
    description: "Defaults to the institution's country on create; must match it",
  })
  @IsOptional()
  @IsEnum(Country)
  country?: Country | null;

  @Field(() => String, { nullable: true, description: "Defaults to the institution's region on create" })
  @IsOptional()
  @IsRegionCode()
  region?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  pathwayId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  durationMonths?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  handsOnPatientCare?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  positions?: number | null;

  @Field(() => Int, { nullable: true, description: "At most positions, when both are known" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  imgPositions?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the program sponsors some visa; must agree with visaTypesSponsored (false is the same as [])",
    deprecationReason: "Send visaTypesSponsored: false there is [], and true does not say which visa",
  })
  @IsOptional()
  @IsBoolean()
  visaSponsorship?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The first day applications are taken" })
  @IsOptional()
  @IsLocalDate()
  applicationOpensOn?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The last day applications are taken; after applicationOpensOn",
  })
  @IsOptional()
  @IsLocalDate()
  applicationClosesOn?: string | null;

  @Field(() => Date, {
    nullable: true,
    deprecationReason:
      "Use applicationOpensOn (a day). An instant is taken as the day it stood for (docs/API.md, Dates).",
  })
  @IsOptional()
  @IsDate()
  applicationOpensAt?: Date | null;

  @Field(() => Date, {
    nullable: true,
    deprecationReason:
      "Use applicationClosesOn (a day). An instant is taken as the day it stood for (docs/API.md, Dates).",
  })
  @IsOptional()
  @IsDate()
  applicationClosesAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "In cents of feeCurrency (which is then required)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  applicationFeeCents?: number | null;

  @Field(() => String, { nullable: true, description: "ISO 4217 code: USD, CAD" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: "feeCurrency must be a three-letter ISO 4217 code such as USD or CAD" })
  feeCurrency?: string | null;

  @Field(() => String, { nullable: true, description: "The program's own web page: a full http:// or https:// URL" })
  @IsOptional()
  @IsHttpUrl()
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true, description: "Where one applies: a full http:// or https:// URL" })
  @IsOptional()
  @IsHttpUrl()
  applicationUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsHttpUrl()
  sourceUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(5000)
  sourceNote?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: "The whole new set of specialties (omit to keep; null or [] clears)",
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  specialtyIds?: string[] | null;

  @Field(() => [ProgramRequirementInput], {
    nullable: true,
    description: "The whole new list of requirements (omit to keep; null or [] clears)",
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  requirements?: ProgramRequirementInput[] | null;

  @Field(() => String, { nullable: true, description: "The French translation of title: the same rules as title" })
  @IsOptional()
  @IsText(300)
  titleFr?: string | null;

  @DescriptionFrInput()
  descriptionFr?: string | null;

  @TranslationCheckedInput()
  translationChecked?: boolean | null;
}
