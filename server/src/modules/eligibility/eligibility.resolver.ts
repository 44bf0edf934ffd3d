import { Arg, Args, Ctx, Extensions, Info, Query, Resolver } from "type-graphql";
import type { Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { answerIn, Locale, LOCALE_ARG, type PathInfo } from "../../core/locale";
import { heavyWork } from "../../core/heavy-fields";
import { CandidateProfile, EligibilityArgs } from "./eligibility.args";
import { evaluate } from "./eligibility.rules";
import { ProgramEligibility, ProgramEligibilityConnection } from "./eligibility.types";

@Resolver(() => ProgramEligibility)
export class EligibilityResolver {
  // Scores every matching program in SQL before it can page: ~3 page queries at 3,000 programs, ~70 at 100,000.
  @Extensions(heavyWork({ cost: 2000 }))
  @Query(() => ProgramEligibilityConnection, {
    description:
      "Every program (matching the filter) checked against a candidate: eligible ones first, then those missing the fewest requirements",
  })
  async eligibility(
    @Arg("profile", () => CandidateProfile) profile: CandidateProfile,
    @Args() args: EligibilityArgs,
    @Ctx() ctx: Context,
    @Info() info: PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Page<ProgramEligibility>> {
    answerIn(ctx.locale, info, locale);
    const resolved = await ctx.services.eligibility.resolve(profile);
    const page = await ctx.services.eligibility.page(resolved, args, ctx.viewer.includeDrafts);
    // The loaders batch: one statement for every program's links, one for every pathway's.
    const edges = await Promise.all(
      page.edges.map(async ({ node, cursor }) => {
        const [programLinks, pathwayLinks] = await Promise.all([
          ctx.loaders.programRequirements.complete.load(node.id),
          node.pathwayId === null ? [] : ctx.loaders.pathwayRequirements.load(node.pathwayId),
        ]);
        return { cursor, node: evaluate(node, programLinks, pathwayLinks, resolved) };
      }),
    );
    return {
      edges,
      pageInfo: page.pageInfo,
      get totalCount() {
        return page.totalCount;
      },
    };
  }
}
