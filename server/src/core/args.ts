import { IsOptional, IsString, Length, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";
import { ConnectionArgs } from "./connection";
import { IsEntityId } from "./input-rules";

/** Arguments every module's queries share. */

/** The longest `search` text any list takes. */
export const SEARCH_MAX_LENGTH = 200;

/** The most values one list filter (ids, countries, slugs…) may hold. */
export const MAX_FILTER_VALUES = 100;

/** Look-up of one record by `id` or by `slug` (exactly one of them). */
@ArgsType()
export class SlugLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  id?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  slug?: string | null;
}

/**
 * A list's page arguments plus `search`, an argument on every list (clients search each list the
 * same way).
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
