import { createHash } from "node:crypto";
import type { Page } from "../../core/connection";
import { BadUserInputError, type FieldProblem } from "../../core/errors";
import { paginate, type Ordering } from "../../core/pagination";
import { offMainThread } from "../../core/sqlite-readers";
import type { Program } from "../program/program.entity";
import type { ProgramService } from "../program/program.service";
import { scoresOffScale } from "../requirement/requirement.rules";
import type { RequirementService } from "../requirement/requirement.service";
import type { CandidateProfile, EligibilityArgs } from "./eligibility.args";
import { excludedAudience, type ResolvedProfile } from "./eligibility.rules";

/**
 * Orders programs for a candidate in SQL (eligible first, then fewest missing, then title, id),
 * so that keyset cursors work and a page costs the same statements whatever its size.
 */
export class EligibilityService {
  constructor(
    private readonly programs: ProgramService,
    private readonly requirements: RequirementService,
  ) {}

  /** Resolves the profile's codes in one statement; unknown codes are BAD_USER_INPUT naming each one. */
  async resolve(profile: CandidateProfile): Promise<ResolvedProfile> {
    const scores = profile.scores ?? [];
    const codes = [...new Set([...profile.holds, ...scores.map((s) => s.code)])];
    const requirements = await this.requirements.byCodes(codes);
    const byCode = new Map(requirements.map((r) => [r.code, r.id]));
    const problems: FieldProblem[] = [];
    profile.holds.forEach((code, i) => {
      if (!byCode.has(code))
        problems.push({ path: ["profile", "holds", String(i)], message: `unknown requirement code '${code}'` });
    });
    scores.forEach((s, i) => {
      if (!byCode.has(s.code))
        problems.push({
          path: ["profile", "scores", String(i), "code"],
          message: `unknown requirement code '${s.code}'`,
        });
    });
    if (problems.length) {
      throw new BadUserInputError(
        `Unknown requirement codes: ${problems.map((p) => p.message.split("'")[1]).join(", ")}; see the requirements query`,
        problems,
      );
    }
    // Each score must be one of its exam's scores, by the rule programs' minimums obey.
    scoresOffScale(scores, requirements, ["profile", "scores"]).throwIfAny();
    const best = new Map<number, number>();
    for (const s of scores) {
      const id = byCode.get(s.code)!;
      best.set(id, Math.max(best.get(id) ?? -Infinity, s.score));
    }
    const held = new Set([...profile.holds.map((c) => byCode.get(c)!), ...best.keys()]);
    return { stage: profile.stage, held, scores: best, needsVisa: profile.needsVisa === true };
  }

  async page(profile: ResolvedProfile, args: EligibilityArgs, includeDrafts: boolean): Promise<Page<Program>> {
    const { qb } = this.programs.matching({ includeDrafts, filter: args.filter });
    const held = [...profile.held];
    const notHeld = (column: string) => (held.length ? `${column} NOT IN (:...eligHeld)` : "1 = 1");
    // Ids are integers the database vouched for; scores finite numbers (at most two decimals) the
    // schema and validation vouched for: safe as literals.
    const scoreCases = [...profile.scores]
      .map(([id, score]) => `WHEN ${Math.trunc(id)} THEN ${Number.isFinite(score) ? score : 0}`)
      .join(" ");
    const belowMinimum = scoreCases
      ? ` OR (xer."minimumScore" IS NOT NULL AND (CASE xer."requirementId" ${scoreCases} END) < xer."minimumScore")`
      : "";
    const missing = `((SELECT COUNT(*) FROM program_requirements xer WHERE xer."programId" = p.id AND xer.level = 'REQUIRED'
        AND (${notHeld(`xer."requirementId"`)}${belowMinimum}))
      + (SELECT COUNT(*) FROM pathway_requirements xew WHERE xew."pathwayId" = p.pathwayId AND xew.level = 'REQUIRED'
        AND ${notHeld(`xew."requirementId"`)}
        AND NOT EXISTS (SELECT 1 FROM program_requirements xeo WHERE xeo."programId" = p.id
          AND xeo."requirementId" = xew."requirementId" AND xeo.level = 'REQUIRED')))`;
    const blocked = `p.audience = :eligExcluded${profile.needsVisa ? " OR p.visaSponsorship = :eligNoVisa" : ""}`;
    qb.setParameters({ eligHeld: held, eligExcluded: excludedAudience(profile.stage), eligNoVisa: false });

    const ordering: Ordering = {
      name: `ELIGIBILITY:${fingerprint(profile)}`,
      keys: [
        { expr: `CASE WHEN ${blocked} OR ${missing} > 0 THEN 1 ELSE 0 END`, direction: "ASC" },
        { expr: missing, direction: "ASC" },
        { expr: "p.title", direction: "ASC" },
        { expr: "p.id", direction: "ASC" },
      ],
    };
    // Ranking every matching program takes seconds over a large directory: off the event loop.
    offMainThread(qb);
    const countQb = qb.clone();
    return paginate(qb, ordering, args, () => countQb.getCount());
  }
}

/** Ties a cursor to the profile it was issued for: another profile orders programs differently. */
function fingerprint(p: ResolvedProfile): string {
  const canonical = JSON.stringify([
    p.stage,
    [...p.held].sort((a, b) => a - b),
    [...p.scores].sort((a, b) => a[0] - b[0]),
    p.needsVisa,
  ]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 10);
}
