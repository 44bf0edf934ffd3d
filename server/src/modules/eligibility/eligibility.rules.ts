import { RequirementLevel } from "../../core/enums";
import type { PathwayRequirement } from "../pathway/pathway-requirement.entity";
import type { ProgramRequirement } from "../program/program-requirement.entity";
import type { Program } from "../program/program.entity";
import { Audience } from "../program/program.enums";
import type { Requirement } from "../requirement/requirement.entity";
import { CandidateStage } from "./eligibility.args";
import type { MissingRequirement, ProgramEligibility } from "./eligibility.types";

/** A profile with its codes resolved to catalogue ids. */
export interface ResolvedProfile {
  stage: CandidateStage;
  /** Requirement ids held: listed in `holds` or given a score. */
  held: Set<number>;
  /** Best score per requirement id. */
  scores: Map<number, number>;
  needsVisa: boolean;
}

/** The audience a candidate of this stage can never join. */
export function excludedAudience(stage: CandidateStage): Audience {
  return stage === CandidateStage.GRADUATE ? Audience.STUDENT : Audience.GRADUATE;
}

/**
 * Decides one program for one candidate. The SQL ordering in eligibility.service.ts counts the same
 * things (missing = REQUIRED links of the program, then of its pathway not already required by
 * the program, not held or scored below the program's minimum); keep the two in step.
 */
export function evaluate(
  program: Program,
  programLinks: ProgramRequirement[],
  pathwayLinks: PathwayRequirement[],
  profile: ResolvedProfile,
): ProgramEligibility {
  const required = new Map<number, { requirement: Requirement; minimumScore: number | null; fromPathway: boolean }>();
  const recommended = new Map<number, Requirement>();
  for (const link of programLinks) {
    if (link.level === RequirementLevel.REQUIRED) {
      required.set(link.requirementId, {
        requirement: link.requirement as Requirement,
        minimumScore: link.minimumScore,
        fromPathway: false,
      });
    } else recommended.set(link.requirementId, link.requirement as Requirement);
  }
  for (const link of pathwayLinks) {
    if (link.level === RequirementLevel.REQUIRED) {
      if (!required.has(link.requirementId)) {
        required.set(link.requirementId, {
          requirement: link.requirement as Requirement,
          minimumScore: null,
          fromPathway: true,
        });
      }
    } else if (!recommended.has(link.requirementId))
      recommended.set(link.requirementId, link.requirement as Requirement);
  }

  const reasons: string[] = [];
  if (program.audience === excludedAudience(profile.stage)) {
    reasons.push(
      profile.stage === CandidateStage.STUDENT
        ? "This program is for international medical graduates; you are a student"
        : "This program is for international medical students; you are a graduate",
    );
  }
  if (profile.needsVisa && program.visaSponsorship === false) reasons.push("This program does not sponsor visas");

  const missingDetails: MissingRequirement[] = [];
  for (const [id, { requirement, minimumScore, fromPathway }] of required) {
    const through = fromPathway ? " (a requirement of its pathway)" : "";
    if (!profile.held.has(id)) {
      missingDetails.push({
        requirement,
        reason: `You do not hold ${requirement.name}${through}`,
        minimumScore: null,
        score: null,
        fromPathway,
      });
      continue;
    }
    const score = profile.scores.get(id);
    if (minimumScore !== null && score !== undefined && score < minimumScore) {
      missingDetails.push({
        requirement,
        reason: `Your ${requirement.name} score ${score} is below this program's minimum of ${minimumScore}`,
        minimumScore,
        score,
        fromPathway,
      });
    }
  }
  reasons.push(...missingDetails.map((m) => m.reason));

  const recommendedMissing = [...recommended]
    .filter(([id]) => !required.has(id) && !profile.held.has(id))
    .map(([, r]) => r);
  return {
    program,
    eligible: reasons.length === 0,
    missing: missingDetails.map((m) => m.requirement),
    missingDetails,
    recommendedMissing,
    reasons,
  };
}
