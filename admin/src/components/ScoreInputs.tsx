import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { NumberInput, useGetOne, useTranslate, useWrappedSource, type Validator } from "react-admin";

const SCORED = "SCORED";
const SCALE_FIELDS = ["scoreMin", "scoreMax", "scoreStep"] as const;

/**
 * A requirement's range and step, which only a SCORED requirement has (the server refuses them on
 * PASS_FAIL and NONE ones): turned off, and emptied, when the curator picks another score kind.
 */
export function ScoreScaleInputs({ validate }: { validate: Record<(typeof SCALE_FIELDS)[number], Validator[]> }) {
  const kind = useWatch({ name: "scoreKind" }) as string | null | undefined;
  const { getValues, setValue } = useFormContext();
  const scored = kind === SCORED;
  useEffect(() => {
    if (scored) return;
    for (const field of SCALE_FIELDS)
      if (getValues(field) != null) setValue(field, null, { shouldDirty: true, shouldValidate: true });
  }, [scored, getValues, setValue]);
  return (
    <>
      {SCALE_FIELDS.map((field) => (
        <NumberInput
          key={field}
          source={field}
          validate={validate[field]}
          disabled={!scored}
          step={field === "scoreStep" ? 0.5 : 1}
          helperText={field === "scoreStep" ? "directory.score_step_help" : false}
        />
      ))}
    </>
  );
}

interface ScaleRecord {
  scoreKind?: string | null;
  scoreMin?: number | null;
  scoreMax?: number | null;
  scoreStep?: number | null;
}

/**
 * A program's minimum score for the requirement picked on the same row: the input takes the
 * requirement's range and step (min, max, step, and words under the field), and is off for a
 * requirement with no numeric score unless it already holds a value to clear. The server's
 * answer (input.requirements[i].minimumScore) still shows beside it when a save is refused.
 */
export function MinimumScoreInput({ validate }: { validate?: Validator[] }) {
  const translate = useTranslate();
  const requirementId = useWatch({ name: useWrappedSource("requirementId") }) as string | null | undefined;
  const current = useWatch({ name: useWrappedSource("minimumScore") }) as number | null | undefined;
  const { data: requirement } = useGetOne<ScaleRecord & { id: string }>(
    "requirements",
    { id: requirementId ?? "" },
    { enabled: !!requirementId },
  );
  const known = !!requirement && String(requirement.id) === String(requirementId);
  const scored = !known || requirement.scoreKind === SCORED;
  const { scoreMin, scoreMax, scoreStep } = known ? requirement : ({} as ScaleRecord);
  const help = !known
    ? false
    : scored
      ? translate("directory.validation.score_scale", {
          min: scoreMin ?? "…",
          max: scoreMax ?? "…",
          step: scoreStep ?? "0.01",
        })
      : translate("directory.validation.no_minimum");
  return (
    <NumberInput
      source="minimumScore"
      validate={validate}
      disabled={!scored && current == null}
      min={scoreMin ?? undefined}
      max={scoreMax ?? undefined}
      step={scoreStep ?? "any"}
      helperText={help}
      sx={{ width: 190, minWidth: 190 }}
    />
  );
}
