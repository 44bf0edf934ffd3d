import { IsOptional, IsString, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { ConnectionArgs } from "../../core/connection";
import { SEARCH_MAX_LENGTH } from "../program/program.args";

/**
 * A catalogue list's page arguments plus `search`, an argument like on `programs` and
 * `institutions` (clients then search every list the same way).
 */
export function SearchConnectionArgs(searchDescription: string) {
  @ArgsType()
  abstract class SearchArgs extends ConnectionArgs {
    @Field(() => String, { nullable: true, description: searchDescription })
    @IsOptional()
    @IsString()
    @MaxLength(SEARCH_MAX_LENGTH, { message: `search must be at most ${SEARCH_MAX_LENGTH} characters` })
    search?: string | null;
  }
  return SearchArgs;
}

/** The reason every list filter's old `search` field gives for its deprecation. */
export const FILTER_SEARCH_DEPRECATION = "Use the list's `search` argument";
