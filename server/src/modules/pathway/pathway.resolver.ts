import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { answerIn, Locale, LOCALE_ARG, type PathInfo } from "../../core/locale";
import { lookupKey } from "../../core/lookup";
import { SlugLookupArgs } from "../../core/args";
import { Requirement } from "../requirement/requirement.entity";
import { PathwaysArgs } from "./pathway.args";
import { PathwayRequirement } from "./pathway-requirement.entity";
import { Pathway } from "./pathway.entity";

const PathwayConnection = Connection(Pathway, "Pathway");

@Resolver(() => Pathway)
export class PathwayResolver {
  @Query(() => PathwayConnection, { description: "Application pathways, by name" })
  pathways(
    @Args() args: PathwaysArgs,
    @Ctx() ctx: Context,
    @Info() info: PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Page<Pathway>> {
    answerIn(ctx.locale, info, locale);
    return ctx.services.pathways.list(args, ctx.viewer.includeDrafts);
  }

  @Query(() => Pathway, { nullable: true, description: "One pathway by id or slug; null when there is none" })
  pathway(
    @Args() args: SlugLookupArgs,
    @Ctx() ctx: Context,
    @Info() info: PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Pathway | null> {
    answerIn(ctx.locale, info, locale);
    return ctx.services.pathways.findOne(lookupKey(args), ctx.viewer.includeDrafts);
  }

  @FieldResolver(() => [PathwayRequirement], {
    description: "What every applicant through this pathway must meet (archived catalogue entries: curators only)",
  })
  requirements(@Root() pathway: Pathway, @Ctx() ctx: Context): Promise<PathwayRequirement[]> {
    return ctx.loaders.pathwayRequirementsShown.load(pathway.id);
  }
}

@Resolver(() => PathwayRequirement)
export class PathwayRequirementResolver {
  @FieldResolver(() => Requirement)
  async requirement(@Root() link: PathwayRequirement, @Ctx() ctx: Context): Promise<Requirement> {
    if (link.requirement) return link.requirement;
    const found = await ctx.loaders.requirementById.load(link.requirementId);
    if (!found) throw new Error(`requirement ${link.requirementId} of a pathway link is missing`);
    return found;
  }
}
