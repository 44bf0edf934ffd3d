import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { columnsSelected, type SelectionInfo } from "../../core/field-selection";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { answerIn, Locale, LOCALE_ARG, type PathInfo } from "../../core/locale";
import { lookupKey } from "../../core/lookup";
import { SlugLookupArgs } from "../../core/args";
import { PROGRAM_COLUMNS, Program } from "../program/program.entity";
import { ProgramConnection } from "../program/program.resolver";
import { InstitutionProgramsArgs, InstitutionsArgs } from "./institution.args";
import { INSTITUTION_COLUMNS, Institution } from "./institution.entity";
import { institutionsWithPrograms } from "./institution.with-programs";
import type { GraphQLResolveInfo } from "graphql";

const InstitutionConnection = Connection(Institution, "Institution");

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => InstitutionConnection, {
    description: "Institutions, a page at a time (archived ones for curators only)",
  })
  institutions(
    @Args() args: InstitutionsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Page<Institution>> {
    answerIn(ctx.locale, info, locale);
    const columns = columnsSelected(ctx.dataSource, Institution, INSTITUTION_COLUMNS, info, "edges", "node");
    return ctx.services.institutions.list(args, ctx.viewer.includeDrafts, columns, institutionsWithPrograms(ctx, info));
  }

  @Query(() => Institution, { nullable: true, description: "One institution by id or slug; null when there is none" })
  institution(
    @Args() args: SlugLookupArgs,
    @Ctx() ctx: Context,
    @Info() info: PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Institution | null> {
    answerIn(ctx.locale, info, locale);
    return ctx.services.institutions.findOne(lookupKey(args), ctx.viewer.includeDrafts);
  }

  @FieldResolver(() => ProgramConnection, { description: "This institution's programs, a page at a time" })
  programs(
    @Root() institution: Institution,
    @Args() args: InstitutionProgramsArgs,
    @Ctx() ctx: Context,
    @Info() info: SelectionInfo,
  ): Promise<Page<Program>> {
    const columns = columnsSelected(ctx.dataSource, Program, PROGRAM_COLUMNS, info, "edges", "node");
    return ctx.loaders.institutionPrograms({ args, columns }).load(institution.id);
  }
}
