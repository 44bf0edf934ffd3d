/**
 * Rules of a catalogue entry's scores, shared by the API's writes (requirement.writes.ts,
 * requirement-links.ts) and snapshot import (snapshot/record-rules.ts).
 */
import type { RuleBreach } from "../../core/problems";

export interface ScoreRange {
  scoreMin: number | null;
  scoreMax: number | null;
}

/** scoreMin ≤ scoreMax; `sent` says which field the write gives (the one blamed). */
export function scoreRangeBreaches(range: ScoreRange, sent: (field: keyof ScoreRange) => boolean): RuleBreach[] {
  const { scoreMin: min, scoreMax: max } = range;
  if (min === null || max === null || min <= max) return [];
  return [
    {
      field: sent("scoreMax") ? "scoreMax" : "scoreMin",
      rule: "scoreMinAtMostScoreMax",
      message: `scoreMin (${min}) must not be above scoreMax (${max})`,
    },
  ];
}

/** A link's minimum score lies within the exam's scoreMin..scoreMax. */
export function minimumScoreBreach(
  requirement: ScoreRange & { code: string },
  score: number | null | undefined,
): RuleBreach | null {
  if (score === undefined || score === null) return null;
  const { scoreMin: min, scoreMax: max } = requirement;
  if ((min === null || score >= min) && (max === null || score <= max)) return null;
  return {
    field: "minimumScore",
    rule: "minimumScoreInRange",
    message: `${requirement.code} scores run from ${min ?? "…"} to ${max ?? "…"}; ${score} is outside that`,
  };
}
