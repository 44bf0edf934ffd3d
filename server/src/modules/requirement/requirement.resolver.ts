import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { answerIn, Locale, LOCALE_ARG, type PathInfo } from "../../core/locale";
import { lookupKey } from "../../core/lookup";
import { CodeLookupArgs, RequirementsArgs } from "./requirement.args";
import { Requirement } from "./requirement.entity";

const RequirementConnection = Connection(Requirement, "Requirement");

@Resolver(() => Requirement)
export class RequirementResolver {
  @Query(() => RequirementConnection, { description: "The requirement catalogue, by code" })
  requirements(
    @Args() args: RequirementsArgs,
    @Ctx() ctx: Context,
    @Info() info: PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Page<Requirement>> {
    answerIn(ctx.locale, info, locale);
    return ctx.services.requirements.list(args, ctx.viewer.includeDrafts);
  }

  @Query(() => Requirement, {
    nullable: true,
    description: "One catalogue entry by id or code; null when there is none",
  })
  requirement(
    @Args() args: CodeLookupArgs,
    @Ctx() ctx: Context,
    @Info() info: PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Requirement | null> {
    answerIn(ctx.locale, info, locale);
    const key = lookupKey({ id: args.id, slug: args.code }, "code");
    return ctx.services.requirements.findOne("id" in key ? key : { code: key.slug }, ctx.viewer.includeDrafts);
  }

  @FieldResolver(() => [Requirement], {
    description:
      "Entries that holding this one counts as holding too, directly (ECFMG certification implies USMLE Step 1 and Step 2 CK); eligibility follows them transitively",
  })
  async implies(@Root() requirement: Requirement, @Ctx() ctx: Context): Promise<Requirement[]> {
    const ids = await ctx.loaders.impliedIds.load(requirement.id);
    const found = await ctx.loaders.requirementById.loadMany(ids);
    return found.filter((r): r is Requirement => r !== null && !(r instanceof Error));
  }
}
