import { Arg, Args, Ctx, Extensions, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { answerIn, Locale, LOCALE_ARG, type PathInfo } from "../../core/locale";
import { heavyWork } from "../../core/heavy-fields";
import {
  columnsSelected,
  onlyTotalCount,
  requestedFields,
  subtree,
  type SelectionInfo,
} from "../../core/field-selection";
import { noonUtcOf } from "../../core/local-date";
import { lookupKey } from "../../core/lookup";
import { Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { ProgramsArgs } from "./program.args";
import { SlugLookupArgs } from "../../core/args";
import { ProgramRequirement } from "./program-requirement.entity";
import { PROGRAM_COLUMNS, Program } from "./program.entity";
import { detailPlan, loadProgramDetail, loadProgramPage } from "./program.detail";
import { relationsRead } from "./program.relations";

export const ProgramConnection = Connection(Program, "Program");

@Resolver(() => Program)
export class ProgramResolver {
  // A search ranks every match before it can page: ~1.5 page queries at 3,000 programs, ~8 at 100,000.
  @Extensions(heavyWork({ cost: 500, onlyWithArgument: "search" }))
  @Query(() => ProgramConnection, {
    description: "Programs, a page at a time (published ones unless you are a curator)",
  })
  programs(
    @Args() args: ProgramsArgs,
    @Ctx() ctx: Context,
    @Info() info: SelectionInfo & PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Page<Program>> {
    answerIn(ctx.locale, info, locale);
    if (onlyTotalCount(info)) return ctx.services.programs.countOnly(args, ctx.viewer.includeDrafts);
    const columns = columnsSelected(ctx.dataSource, Program, PROGRAM_COLUMNS, info, "edges", "node");
    const plan = detailPlan(ctx.dataSource, subtree(requestedFields(info), "edges", "node"));
    if (plan) return loadProgramPage(ctx, args, columns, plan);
    return ctx.services.programs.list(args, ctx.viewer.includeDrafts, columns);
  }

  @Query(() => Program, {
    nullable: true,
    description: "One program by id or slug; null when there is none you may see",
  })
  program(
    @Args() args: SlugLookupArgs,
    @Ctx() ctx: Context,
    @Info() info: SelectionInfo & PathInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<Program | null> {
    answerIn(ctx.locale, info, locale);
    const key = lookupKey(args);
    const columns = columnsSelected(ctx.dataSource, Program, PROGRAM_COLUMNS, info);
    const plan = detailPlan(ctx.dataSource, requestedFields(info));
    if (!plan) return ctx.services.programs.findOne(key, ctx.viewer.includeDrafts, columns);
    return loadProgramDetail(ctx, key, columns, plan);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    deprecationReason: "Use applicationOpensOn (a day). This gives noon UTC of that day (docs/API.md, Dates).",
  })
  applicationOpensAt(@Root() program: Program): Date | null {
    return noonUtcOf(program.applicationOpensOn);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    deprecationReason: "Use applicationClosesOn (a day). This gives noon UTC of that day (docs/API.md, Dates).",
  })
  applicationClosesAt(@Root() program: Program): Date | null {
    return noonUtcOf(program.applicationClosesOn);
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description:
      "Null for a listing that spans many institutions (and, for anonymous readers, when the institution is archived)",
  })
  institution(
    @Root() program: Program,
    @Ctx() ctx: Context,
    @Info() info: SelectionInfo,
  ): Institution | null | Promise<Institution | null> {
    if (program.institutionId === null) return null;
    const read = relationsRead(program)?.institution;
    if (read !== undefined) return read;
    return ctx.loaders.institutionById.selecting(info).load(program.institutionId);
  }

  @FieldResolver(() => Pathway, {
    nullable: true,
    description: "How one applies (null for anonymous readers when the pathway is archived)",
  })
  pathway(@Root() program: Program, @Ctx() ctx: Context): Promise<Pathway | null> | null {
    return program.pathwayId === null ? null : ctx.loaders.pathwayById.load(program.pathwayId);
  }

  @FieldResolver(() => [Specialty], { description: "Archived specialties: curators only" })
  specialties(
    @Root() program: Program,
    @Ctx() ctx: Context,
    @Info() info: SelectionInfo,
  ): Specialty[] | Promise<Specialty[]> {
    return relationsRead(program)?.specialties ?? ctx.loaders.programSpecialties.selecting(info).load(program.id);
  }

  @FieldResolver(() => [ProgramRequirement], {
    description: "What the program asks for, REQUIRED first (archived catalogue entries: curators only)",
  })
  requirements(
    @Root() program: Program,
    @Ctx() ctx: Context,
    @Info() info: SelectionInfo,
  ): ProgramRequirement[] | Promise<ProgramRequirement[]> {
    return relationsRead(program)?.requirements ?? ctx.loaders.programRequirements.selecting(info).load(program.id);
  }
}

@Resolver(() => ProgramRequirement)
export class ProgramRequirementResolver {
  // Not async: links arrive with their catalogue entry, and a plain value spares graphql-js a
  // promise per link (hundreds per page of programs).
  @FieldResolver(() => Requirement)
  requirement(@Root() link: ProgramRequirement, @Ctx() ctx: Context): Requirement | Promise<Requirement> {
    if (link.requirement) return link.requirement;
    return ctx.loaders.requirementById.load(link.requirementId).then((found) => {
      if (!found) throw new Error(`requirement ${link.requirementId} of a program link is missing`);
      return found;
    });
  }
}
