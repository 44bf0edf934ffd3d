import { ArrayMaxSize, IsOptional, IsString, Length, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";
import { Country, SortDirection } from "../../core/enums";
import { IsEntityId } from "../../core/input-rules";
import { ProgramOrder } from "../program/program.args";
import { SEARCH_MAX_LENGTH } from "../../core/args";
import { ProgramType } from "../program/program.enums";
import { ProgramFilter } from "../program/program.filter-input";
import { MAX_FILTER_VALUES } from "../../core/args";
import { InstitutionKind } from "./institution.entity";

export enum InstitutionOrder {
  NAME = "NAME",
  RECENTLY_UPDATED = "RECENTLY_UPDATED",
}
registerEnumType(InstitutionOrder, {
  name: "InstitutionOrder",
  valuesConfig: {
    NAME: { description: "A to Z by name (the default)" },
    RECENTLY_UPDATED: { description: "Most recently changed first" },
  },
});

@InputType({ description: "Which institutions to show: a list matches any of its values; fields combine with AND" })
export class InstitutionFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsEntityId({ each: true })
  ids?: string[] | null;

  @Field(() => [Country], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  country?: Country[] | null;

  @Field(() => [String], { nullable: true, description: "State or province codes (any case)" })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @Length(1, 8, { each: true, message: "region codes are 1 to 8 characters" })
  region?: string[] | null;

  @Field(() => [InstitutionKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kind?: InstitutionKind[] | null;

  @Field(() => [ProgramType], {
    nullable: true,
    description: "Institutions offering at least one program of any of these types (that you may see)",
  })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  hasProgramType?: ProgramType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Curators: true for archived institutions only, false for active ones. Anonymous readers never see archived ones",
  })
  @IsOptional()
  archived?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: the French translation is older than the English text (due for review); false: it is not",
  })
  @IsOptional()
  translationStale?: boolean | null;
}

@ArgsType()
export class InstitutionsArgs extends ConnectionArgs {
  @Field(() => InstitutionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: InstitutionFilter | null;

  @Field(() => String, {
    nullable: true,
    description: "Words that must each appear in the name or city (case-insensitive)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH, { message: `search must be at most ${SEARCH_MAX_LENGTH} characters` })
  search?: string | null;

  @Field(() => InstitutionOrder, { nullable: true, description: "Defaults to NAME" })
  @IsOptional()
  orderBy?: InstitutionOrder | null;

  @Field(() => SortDirection, { nullable: true, description: "Defaults to the ordering's natural direction" })
  @IsOptional()
  orderDirection?: SortDirection | null;
}

@ArgsType()
export class InstitutionProgramsArgs extends ConnectionArgs {
  @Field(() => ProgramFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ProgramFilter | null;

  @Field(() => ProgramOrder, {
    nullable: true,
    description: "Defaults to TITLE (RELEVANCE needs a search, which this list does not take)",
  })
  @IsOptional()
  orderBy?: ProgramOrder | null;

  @Field(() => SortDirection, { nullable: true })
  @IsOptional()
  orderDirection?: SortDirection | null;
}
