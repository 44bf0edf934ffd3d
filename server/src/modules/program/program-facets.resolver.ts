import { IsOptional, IsString, MaxLength, ValidateNested } from "class-validator";
import { Arg, Args, ArgsType, Ctx, Extensions, Field, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { answerIn, answerText, Locale, LOCALE_ARG, type PathInfo } from "../../core/locale";
import { heavyWork } from "../../core/heavy-fields";
import { parseFullTextSearch } from "../search/search-terms";
import { SEARCH_MAX_LENGTH } from "../../core/args";
import { assembleFacets, computeProgramFacets, FacetCount, ProgramFacets } from "./program.facets";
import { ProgramFilter } from "./program.filter-input";

@ArgsType()
export class ProgramFacetsArgs {
  @Field(() => ProgramFilter, { nullable: true, description: "The same filter as `programs`" })
  @IsOptional()
  @ValidateNested()
  filter?: ProgramFilter | null;

  @Field(() => String, { nullable: true, description: "The same search as `programs`" })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH, { message: `search must be at most ${SEARCH_MAX_LENGTH} characters` })
  search?: string | null;
}

@Resolver()
export class ProgramFacetsResolver {
  // Seven GROUP BY statements over every matching program: ~4 page queries at 3,000 programs, ~300 at 100,000.
  @Extensions(heavyWork({ cost: 3000 }))
  @Query(() => ProgramFacets, {
    description: "Counts per filter value for the programs a `programs` query with the same filter and search shows",
  })
  async programFacets(
    @Args() args: ProgramFacetsArgs,
    @Ctx() ctx: Context,
    @Info() info: PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<ProgramFacets> {
    answerIn(ctx.locale, info, locale);
    const search = parseFullTextSearch(args.search);
    // Anonymous readers without a search: the in-process index when it is current (curators see drafts: SQL).
    if (!ctx.viewer.includeDrafts && !search) {
      const counts = (await ctx.services.programFacetIndex.current())?.counts(args.filter);
      if (counts) return assembleFacets(counts);
    }
    return computeProgramFacets(ctx.services.programs, {
      includeDrafts: ctx.viewer.includeDrafts,
      filter: args.filter,
      search,
    });
  }
}

/** A facet value's label in the locale asked for: pathway and requirement names have French. */
@Resolver(() => FacetCount)
export class FacetCountResolver {
  @FieldResolver(() => String, {
    description:
      "What to show: 'Fellowship', 'Ontario', 'Internal medicine', 'USMLE Step 1'; a pathway's or requirement's name in the locale asked for when it has one",
  })
  label(@Root() c: FacetCount, @Ctx() ctx: Context, @Info() info: PathInfo): string {
    return answerText(ctx.locale, info, c.label, c.labelFr)?.text ?? c.label;
  }

  @FieldResolver(() => Locale, { description: "The locale `label` answered in (names without French answer EN)" })
  labelLocale(@Root() c: FacetCount, @Ctx() ctx: Context, @Info() info: PathInfo): Locale {
    return answerText(ctx.locale, info, c.label, c.labelFr)?.locale ?? Locale.EN;
  }
}
