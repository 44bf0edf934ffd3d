import { registerEnumType } from "type-graphql";

/** How a requirement reports a result, and so whether a program can ask for a minimum score on it. */
export enum ScoreKind {
  /** Not an exam: a certification, licence, training or document one holds or not. No score, no minimum. */
  NONE = "NONE",
  /** An exam reported only as pass or fail (USMLE Step 1 since 2022). No score, no minimum. */
  PASS_FAIL = "PASS_FAIL",
  /** An exam with a numeric score on scoreMin..scoreMax in steps of scoreStep (each null when not stated). */
  SCORED = "SCORED",
}
registerEnumType(ScoreKind, {
  name: "ScoreKind",
  description: "How a requirement reports a result; only SCORED ones take scores and minimum scores",
  valuesConfig: {
    NONE: { description: "Not an exam (a certification, licence, training or document): held or not" },
    PASS_FAIL: { description: "An exam reported only as pass or fail, e.g. USMLE Step 1 since 2022" },
    SCORED: { description: "An exam with a numeric score within scoreMin..scoreMax, in steps of scoreStep" },
  },
});
