import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { COLUMNS_ONLY, columnsFor, requestedFields, subtree, type ColumnMap, type SelectionInfo } from "../../core/field-selection";
import { lookupKey } from "../../core/lookup";
import { INSTITUTION_COLUMNS, Institution } from "../institution/institution.entity";
import { Pathway } from "../pathway/pathway.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import { ProgramsArgs, SlugLookupArgs } from "./program.args";
import { ProgramRequirement } from "./program-requirement.entity";
import { Program } from "./program.entity";

export const ProgramConnection = Connection(Program, "Program");

/** What Program's non-column fields read of the row (core/field-selection.ts). */
export const PROGRAM_COLUMNS: ColumnMap = {
  fields: { institution: ["institutionId"], pathway: ["pathwayId"], specialties: ["id"], requirements: ["id"], verifiedBy: ["verifiedById"] },
  always: ["id"],
};

const PROGRAM_REQUIREMENT_COLUMNS: ColumnMap = { fields: { requirement: ["requirementId"] }, always: ["id", "programId", "requirementId"] };

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => ProgramConnection, { description: "Programs, a page at a time (published ones unless you are a curator)" })
  programs(@Args() args: ProgramsArgs, @Ctx() ctx: Context, @Info() info: SelectionInfo): Promise<Page<Program>> {
    const columns = columnsFor(ctx.dataSource, Program, subtree(requestedFields(info), "edges", "node"), PROGRAM_COLUMNS);
    return ctx.services.programs.list(args, ctx.viewer.includeDrafts, columns);
  }

  @Query(() => Program, { nullable: true, description: "One program by id or slug; null when there is none you may see" })
  program(@Args() args: SlugLookupArgs, @Ctx() ctx: Context): Promise<Program | null> {
    const key = lookupKey(args);
    return ctx.services.programs.findOne(key, ctx.viewer.includeDrafts);
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description: "Null for a listing that spans many institutions (and, for anonymous readers, when the institution is archived)",
  })
  institution(@Root() program: Program, @Ctx() ctx: Context, @Info() info: SelectionInfo): Promise<Institution | null> | null {
    if (program.institutionId === null) return null;
    const columns = columnsFor(ctx.dataSource, Institution, requestedFields(info), INSTITUTION_COLUMNS);
    return ctx.loaders.institutionByIdSelecting(columns).load(program.institutionId);
  }

  @FieldResolver(() => Pathway, { nullable: true, description: "How one applies (null for anonymous readers when the pathway is archived)" })
  pathway(@Root() program: Program, @Ctx() ctx: Context): Promise<Pathway | null> | null {
    return program.pathwayId === null ? null : ctx.loaders.pathwayById.load(program.pathwayId);
  }

  @FieldResolver(() => [Specialty], { description: "Archived specialties: curators only" })
  specialties(@Root() program: Program, @Ctx() ctx: Context, @Info() info: SelectionInfo): Promise<Specialty[]> {
    const columns = columnsFor(ctx.dataSource, Specialty, requestedFields(info), COLUMNS_ONLY);
    return ctx.loaders.programSpecialtiesSelecting(columns).load(program.id);
  }

  @FieldResolver(() => [ProgramRequirement], { description: "What the program asks for, REQUIRED first (archived catalogue entries: curators only)" })
  requirements(@Root() program: Program, @Ctx() ctx: Context, @Info() info: SelectionInfo): Promise<ProgramRequirement[]> {
    const fields = requestedFields(info);
    return ctx.loaders
      .programRequirementsSelecting({
        link: columnsFor(ctx.dataSource, ProgramRequirement, fields, PROGRAM_REQUIREMENT_COLUMNS),
        requirement: columnsFor(ctx.dataSource, Requirement, subtree(fields, "requirement"), COLUMNS_ONLY),
      })
      .load(program.id);
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
