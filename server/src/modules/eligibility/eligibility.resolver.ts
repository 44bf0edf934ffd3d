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
    const requirements = await requirementsOf(
      ctx,
      result.edges.map((e) => e.node),
      result.requirements,
    );
    const edges = result.edges.map(({ node, cursor }) => ({
      cursor,
      node: toOutput(node, requirements, programs.get(node.programId) as Program),
    }));
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

/**
 * The requirements the page's decisions name, by id: from the catalogue the check read (every one,
 * when it read the catalogue whole), else from the request's loader. The page is then built
 * without a promise per reason.
 */
async function requirementsOf(
  ctx: Context,
  decisions: readonly Decision[],
  known: ReadonlyMap<number, Requirement>,
): Promise<ReadonlyMap<number, Requirement>> {
  const missing = new Set<number>();
  const note = (id: number | null) => {
    if (id !== null && !known.has(id)) missing.add(id);
  };
  for (const d of decisions) {
    for (const r of d.reasons) note(r.requirementId);
    for (const m of d.missing) note(m.requirementId);
    for (const id of d.recommendedMissing) note(id);
  }
  if (missing.size === 0) return known;
  const all = new Map(known);
  const ids = [...missing];
  const loaded = await ctx.loaders.requirementById.loadMany(ids);
  ids.forEach((id, i) => {
    const found = loaded[i];
    if (found instanceof Error) throw found;
    if (found) all.set(id, found);
  });
  return all;
}

function toOutput(d: Decision, requirements: ReadonlyMap<number, Requirement>, program: Program): ProgramEligibility {
  const requirement = (id: number) => requirements.get(id) as Requirement;
  const missingDetails = d.missing.map((m) => ({ ...m, requirement: requirement(m.requirementId) }));
  return {
    program,
    verdict: d.verdict,
    verdictReasons: d.reasons.map((r): EligibilityReason => ({
      kind: r.kind,
      message: r.message,
      rule: r.rule,
      requirement: r.requirementId === null ? null : requirement(r.requirementId),
    })),
    eligible: d.verdict === EligibilityVerdict.ELIGIBLE,
    missing: missingDetails.map((m) => m.requirement),
    missingDetails,
    recommendedMissing: d.recommendedMissing.map(requirement),
    reasons: d.reasons.map((r) => r.legacy),
  };
}
