import { ArrayMaxSize, IsOptional, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { Country } from "../../core/enums";
import { IsEntityId } from "../../core/input-rules";
import { MAX_FILTER_VALUES } from "../../core/args";
import { SearchConnectionArgs } from "../../core/args";
import { PathwayKind } from "./pathway.entity";

@InputType({ description: "Which pathways to show: a list matches any of its values; fields combine with AND" })
export class PathwayFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsEntityId({ each: true })
  ids?: string[] | null;

  @Field(() => [PathwayKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kind?: PathwayKind[] | null;

  @Field(() => [Country], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  country?: Country[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: the French translation is older than the English text (due for review); false: it is not",
  })
  @IsOptional()
  translationStale?: boolean | null;
}

@ArgsType()
export class PathwaysArgs extends SearchConnectionArgs(
  "Words that must each appear in the name or slug (case-insensitive)",
) {
  @Field(() => PathwayFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: PathwayFilter | null;
}
