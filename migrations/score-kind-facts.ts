/**
 * The score kind of each catalogue entry, set once by the ScoreKinds migration on both databases
 * (plain SQL that both dialects run alike). Frozen with that migration: later changes to the
 * catalogue are curators' edits or new migrations, never edits here.
 *
 * 1. Every entry: SCORED when it records a range, when a program asks for a minimum score on it,
 *    or when it is an exam or a language test (what the directory allowed so far); else NONE (a
 *    certification, licence, training or document is held or not).
 * 2. Plain public facts about the sample catalogue's exams:
 *    - USMLE Step 1 is reported pass/fail for exams taken from 26 January 2022: PASS_FAIL, unless a
 *      range or a program's minimum is already recorded on it. Then it stays SCORED, with 1 to 300
 *      (Step 1's scale before 2022) when no range is recorded, so that no stored minimum becomes
 *      invalid; a curator clears those minimums and then makes it PASS_FAIL.
 *    - USMLE Step 2 CK and Step 3 report three-digit scores from 1 to 300: that range where none is
 *      recorded and every program minimum lies in it; steps of 1 (whole points).
 *    - MCCQE Part I and the NAC examination report numeric scores, but on scales that changed
 *      between sessions (MCCQE Part I's most recently in 2025): SCORED with no range, since no one
 *      range holds for every result an applicant may have.
 */
const HAS_MINIMUM = `EXISTS (SELECT 1 FROM "program_requirements" pr WHERE pr."requirementId" = "requirements"."id" AND pr."minimumScore" IS NOT NULL)`;
const MINIMUM_OUTSIDE_1_300 = `EXISTS (SELECT 1 FROM "program_requirements" pr WHERE pr."requirementId" = "requirements"."id" AND (pr."minimumScore" < 1 OR pr."minimumScore" > 300))`;
const NO_RANGE = `"scoreMin" IS NULL AND "scoreMax" IS NULL`;
const USMLE_SCORED = `"code" IN ('USMLE_STEP_1', 'USMLE_STEP_2_CK', 'USMLE_STEP_3') AND "scoreKind" = 'SCORED'`;

export const SCORE_KIND_FACTS: readonly string[] = [
  `UPDATE "requirements" SET "scoreKind" = 'SCORED' WHERE "scoreMin" IS NOT NULL OR "scoreMax" IS NOT NULL OR "kind" IN ('EXAM', 'LANGUAGE') OR ${HAS_MINIMUM}`,
  `UPDATE "requirements" SET "scoreKind" = 'PASS_FAIL' WHERE "code" = 'USMLE_STEP_1' AND ${NO_RANGE} AND NOT ${HAS_MINIMUM}`,
  `UPDATE "requirements" SET "scoreMin" = 1, "scoreMax" = 300 WHERE ${USMLE_SCORED} AND ${NO_RANGE} AND NOT ${MINIMUM_OUTSIDE_1_300}`,
  // Every score and minimum stored so far is a whole number (the columns were integers).
  `UPDATE "requirements" SET "scoreStep" = 1 WHERE ${USMLE_SCORED} AND "scoreStep" IS NULL`,
];
