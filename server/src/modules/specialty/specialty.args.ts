import { ArrayMaxSize, IsOptional, IsString, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { IsEntityId } from "../../core/input-rules";
import { SEARCH_MAX_LENGTH } from "../../core/args";
import { MAX_FILTER_VALUES } from "../../core/args";
import { FILTER_SEARCH_DEPRECATION, SearchConnectionArgs } from "../../core/args";

@InputType({ description: "Which specialties to show" })
export class SpecialtyFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsEntityId({ each: true })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Words that must each appear in the name or slug (case-insensitive)",
    deprecationReason: FILTER_SEARCH_DEPRECATION,
  })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH, { message: `search must be at most ${SEARCH_MAX_LENGTH} characters` })
  search?: string | null;
}

@ArgsType()
export class SpecialtiesArgs extends SearchConnectionArgs(
  "Words that must each appear in the name or slug (case-insensitive)",
) {
  @Field(() => SpecialtyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: SpecialtyFilter | null;
}
