import { ArrayMaxSize, IsOptional, IsString, Length, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { IsEntityId } from "../../core/input-rules";
import { SEARCH_MAX_LENGTH } from "../../core/args";
import { MAX_FILTER_VALUES } from "../../core/args";
import { FILTER_SEARCH_DEPRECATION, SearchConnectionArgs } from "../../core/args";
import { RequirementKind } from "./requirement.entity";

@InputType({
  description: "Which catalogue entries to show: a list matches any of its values; fields combine with AND",
})
export class RequirementFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsEntityId({ each: true })
  ids?: string[] | null;

  @Field(() => [RequirementKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kind?: RequirementKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Words that must each appear in the code or name (case-insensitive)",
    deprecationReason: FILTER_SEARCH_DEPRECATION,
  })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH, { message: `search must be at most ${SEARCH_MAX_LENGTH} characters` })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: the French translation is older than the English text (due for review); false: it is not",
  })
  @IsOptional()
  translationStale?: boolean | null;
}

@ArgsType()
export class RequirementsArgs extends SearchConnectionArgs(
  "Words that must each appear in the code or name (case-insensitive)",
) {
  @Field(() => RequirementFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: RequirementFilter | null;
}

/** Look-up of one catalogue entry by `id` or by `code` (exactly one of them). */
@ArgsType()
export class CodeLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  id?: string | null;

  @Field(() => String, { nullable: true, description: "e.g. USMLE_STEP_1" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  code?: string | null;
}
