/**
 * How each exam of the sample catalogue reports a result: plain public facts, not the article's
 * (which gives no scores). The ScoreKinds migration set the same on existing databases
 * (migrations/score-kind-facts.ts); `basis` says what each rests on, for the entry's source note.
 */
import type { ScoreScale } from "../modules/requirement/requirement.rules";
import { ScoreKind } from "../modules/requirement/score-kind";

export interface SampleScoreScale extends ScoreScale {
  basis: string | null;
}

const NONE: SampleScoreScale = {
  scoreKind: ScoreKind.NONE,
  scoreMin: null,
  scoreMax: null,
  scoreStep: null,
  basis: null,
};
const THREE_DIGIT = { scoreKind: ScoreKind.SCORED, scoreMin: 1, scoreMax: 300, scoreStep: 1 } as const;

export const SAMPLE_SCORE_SCALES: Record<string, SampleScoreScale> = {
  USMLE_STEP_1: {
    ...NONE,
    scoreKind: ScoreKind.PASS_FAIL,
    basis: "Public fact: USMLE Step 1 is reported as pass or fail for exams taken from 26 January 2022.",
  },
  USMLE_STEP_2_CK: {
    ...THREE_DIGIT,
    basis: "Public fact: USMLE Step 2 CK reports a three-digit score from 1 to 300.",
  },
  USMLE_STEP_3: {
    ...THREE_DIGIT,
    basis: "Public fact: USMLE Step 3 reports a three-digit score from 1 to 300.",
  },
  MCCQE_PART_1: {
    ...NONE,
    scoreKind: ScoreKind.SCORED,
    basis:
      "Public fact: MCCQE Part I reports a numeric score, but its scale has changed (most recently in 2025), so no one range is recorded.",
  },
  NAC_EXAM: {
    ...NONE,
    scoreKind: ScoreKind.SCORED,
    basis:
      "Public fact: the NAC examination reports a numeric score, but its scale has changed between sessions, so no one range is recorded.",
  },
};

/** An entry's scale: its public facts, or NONE (held or not) for one that is not an exam. */
export function sampleScoreScale(code: string): ScoreScale {
  const { basis: _basis, ...scale } = SAMPLE_SCORE_SCALES[code] ?? NONE;
  return scale;
}
