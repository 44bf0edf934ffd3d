/**
 * Rules of a catalogue entry's score scale, and of the scores measured on it, shared by every way
 * in: the API's writes (requirement.writes.ts, requirement-links.ts), the eligibility profile
 * (eligibility.service.ts) and snapshot import (snapshot/record-rules.ts).
 */
import { Problems, type RuleBreach } from "../../core/problems";
import { ScoreKind } from "./score-kind";

/** How a requirement reports a result: its kind and, for SCORED ones, the range and step (null: not stated). */
export interface ScoreScale {
  scoreKind: ScoreKind;
  scoreMin: number | null;
  scoreMax: number | null;
  scoreStep: number | null;
}

export type ScoreScaleField = keyof ScoreScale;

/** What a snapshot written before score kinds existed meant: any requirement could carry a minimum in its range. */
export const LEGACY_SCORE_KIND = ScoreKind.SCORED;

const RANGE_FIELDS = ["scoreMin", "scoreMax", "scoreStep"] as const;

/** Two decimals are all the columns keep: compare with room for binary floating point. */
const EPSILON = 1e-6;

/**
 * The scale's own rules: range and step belong to SCORED requirements only; scoreMin ≤ scoreMax;
 * scoreMax is scoreMin plus a whole number of steps. `sent` says which fields the write gives,
 * so that the field blamed is one the client sent (an import gives every field).
 */
export function scoreScaleBreaches(scale: ScoreScale, sent: (field: ScoreScaleField) => boolean): RuleBreach[] {
  const { scoreKind: kind, scoreMin: min, scoreMax: max, scoreStep: step } = scale;
  if (kind !== ScoreKind.SCORED) {
    return RANGE_FIELDS.filter((f) => scale[f] !== null).map((field) => ({
      field: sent(field) || !sent("scoreKind") ? field : "scoreKind",
      rule: "scoreRangeNeedsScored",
      message: `${field} applies only to a SCORED requirement; this one is ${kind} (clear ${field}, or make it SCORED)`,
    }));
  }
  if (min !== null && max !== null && min > max) {
    return [
      {
        field: sent("scoreMax") ? "scoreMax" : "scoreMin",
        rule: "scoreMinAtMostScoreMax",
        message: `scoreMin (${min}) must not be above scoreMax (${max})`,
      },
    ];
  }
  if (min !== null && max !== null && step !== null && !onStep(max - min, step)) {
    return [
      {
        field: sent("scoreStep") ? "scoreStep" : "scoreMax",
        rule: "scoreMaxOnStep",
        message: `scoreMax (${max}) must be scoreMin (${min}) plus a whole number of steps of ${step}`,
      },
    ];
  }
  return [];
}

function onStep(distance: number, step: number): boolean {
  const steps = distance / step;
  return Math.abs(steps - Math.round(steps)) < EPSILON;
}

/** The range in words: "1 to 300", "… to 120", "any score". */
export function rangeInWords({ scoreMin: min, scoreMax: max }: Pick<ScoreScale, "scoreMin" | "scoreMax">): string {
  if (min === null && max === null) return "any score";
  return `${min ?? "…"} to ${max ?? "…"}`;
}

/**
 * A score measured on the requirement's scale (a program's minimumScore, a candidate's score):
 * the requirement must be SCORED, and the score within its range and on its step (counted from
 * scoreMin, or from 0 when the range has no lower end). The breach names `field`; its rule is
 * `scoredRequirementOnly`, `<field>InRange` or `<field>OnStep`.
 */
export function scoreBreach(
  requirement: ScoreScale & { code: string },
  score: number | null | undefined,
  field: "minimumScore" | "score",
): RuleBreach | null {
  if (score === undefined || score === null) return null;
  const { code, scoreKind: kind, scoreMin: min, scoreMax: max, scoreStep: step } = requirement;
  const what = field === "minimumScore" ? "a minimum score" : "a score";
  if (kind === ScoreKind.PASS_FAIL)
    return {
      field,
      rule: "scoredRequirementOnly",
      message: `${code} is reported as pass or fail, so it takes no ${field === "minimumScore" ? "minimum score" : "score"}${field === "score" ? ": list it in holds" : ""}`,
    };
  if (kind !== ScoreKind.SCORED)
    return {
      field,
      rule: "scoredRequirementOnly",
      message: `${code} is not an exam with a score (its score kind is ${kind}), so it takes no ${field === "minimumScore" ? "minimum score" : "score"}${field === "score" ? ": list it in holds" : ""}`,
    };
  if ((min !== null && score < min - EPSILON) || (max !== null && score > max + EPSILON))
    return {
      field,
      rule: `${field}InRange`,
      message: `${code} scores run from ${rangeInWords(requirement)}; ${score} is outside that`,
    };
  if (step !== null && !onStep(score - (min ?? 0), step))
    return {
      field,
      rule: `${field}OnStep`,
      message: `${code} scores go in steps of ${step} from ${min ?? 0}; ${score} is not one, so it cannot be ${what}`,
    };
  return null;
}

/**
 * A candidate's scores checked against their exams (each code already known): a Problems naming
 * `path`, index and `score` for each one that is not a score of its exam.
 */
export function scoresOffScale(
  scores: readonly { code: string; score: number }[],
  requirements: readonly (ScoreScale & { code: string })[],
  path: string[],
): Problems {
  const byCode = new Map(requirements.map((r) => [r.code, r]));
  const problems = new Problems();
  scores.forEach((s, i) => {
    const requirement = byCode.get(s.code);
    const breach = requirement ? scoreBreach(requirement, s.score, "score") : null;
    if (breach) problems.addBreaches([...path, String(i)], [breach]);
  });
  return problems;
}
