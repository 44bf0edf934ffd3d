import { Arg, Args, Ctx, Extensions, Info, Query, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../core/context";
import { columnsFor, requestedFields, subtree } from "../../core/field-selection";
import { detailPlan, loadProgramsByIds } from "../program/program.detail";
import { heavyWork } from "../../core/heavy-fields";
import { answerIn, Locale, LOCALE_ARG } from "../../core/locale";
import { Program, PROGRAM_COLUMNS } from "../program/program.entity";
import type { Requirement } from "../requirement/requirement.entity";
import { CandidateProfile, EligibilityArgs } from "./eligibility.args";
import type { Decision } from "./eligibility.rules";
import {
  EligibilityVerdict,
  ProgramEligibility,
  ProgramEligibilityConnection,
  type EligibilityReason,
} from "./eligibility.types";

@Resolver(() => ProgramEligibility)
export class EligibilityResolver {
  // Weighs every matching program before it can page: about one page query's CPU at 3,000 programs from the
  // in-process index (anonymous readers), about three from SQL (curators, filters the index cannot evaluate).
  @Extensions(heavyWork({ cost: 2000 }))
  @Query(() => ProgramEligibilityConnection, {
    description:
      "Every program (matching the filter) checked against a candidate, with a verdict: ELIGIBLE first, then UNKNOWN " +
      "by fewest unknowns, then INELIGIBLE by fewest unmet reasons (title, id within each)",
  })
  async eligibility(
    @Arg("profile", () => CandidateProfile) profile: CandidateProfile,
    @Args() args: EligibilityArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("locale", () => Locale, LOCALE_ARG) locale: Locale | null,
  ): Promise<ProgramEligibilityConnection> {
    answerIn(ctx.locale, info, locale);
    const result = await ctx.services.eligibility.check(profile, args, ctx.viewer.includeDrafts);
    // The catalogue was read whole: its entries answer the reasons' requirements without another statement.
    for (const [id, entity] of result.requirements) ctx.loaders.requirementById.prime(id, entity);
    const programs = await pagePrograms(
      ctx,
      info,
      result.edges.map((e) => e.node.programId),
    );
    const edges = await Promise.all(
      result.edges.map(async ({ node, cursor }) => ({
        cursor,
        node: await toOutput(node, ctx, programs.get(node.programId) as Program),
      })),
    );
    return { edges, pageInfo: result.pageInfo, totalCount: result.totalCount, verdictCounts: result.verdictCounts };
  }
}

/**
 * The page's programs in one statement, with the columns their selected fields need and the
 * relations they select (program.detail.ts), as a page of programs reads them.
 */
async function pagePrograms(ctx: Context, info: GraphQLResolveInfo, ids: number[]): Promise<Map<number, Program>> {
  if (ids.length === 0) return new Map();
  const fields = subtree(requestedFields(info), "edges", "node", "program");
  const columns = columnsFor(ctx.dataSource, Program, fields, PROGRAM_COLUMNS);
  const read = await loadProgramsByIds(ctx, ids, columns, detailPlan(ctx.dataSource, fields));
  return new Map(read.map((p) => [p.id, p]));
}

async function toOutput(d: Decision, ctx: Context, program: Program): Promise<ProgramEligibility> {
  const requirement = async (id: number) => (await ctx.loaders.requirementById.load(id)) as Requirement;
  const [verdictReasons, missingDetails, recommendedMissing] = await Promise.all([
    Promise.all(
      d.reasons.map(async (r): Promise<EligibilityReason> => ({
        kind: r.kind,
        message: r.message,
        rule: r.rule,
        requirement: r.requirementId === null ? null : await requirement(r.requirementId),
      })),
    ),
    Promise.all(d.missing.map(async (m) => ({ ...m, requirement: await requirement(m.requirementId) }))),
    Promise.all(d.recommendedMissing.map(requirement)),
  ]);
  return {
    program,
    verdict: d.verdict,
    verdictReasons,
    eligible: d.verdict === EligibilityVerdict.ELIGIBLE,
    missing: missingDetails.map((m) => m.requirement),
    missingDetails,
    recommendedMissing,
    reasons: d.reasons.map((r) => r.legacy),
  };
}
