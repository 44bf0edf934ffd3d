import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { NumberInput, useGetOne, useTranslate, useWrappedSource, type Validator } from "react-admin";

const SCORED = "SCORED";
const SCALE_FIELDS = ["scoreMin", "scoreMax", "scoreStep"] as const;

/**
 * A requirement's range and step, which only a SCORED requirement has (the server refuses them on
 * PASS_FAIL and NONE ones): emptied and turned off when the curator picks another score kind.
 * "Off" is `readOnly`, not `disabled`: react-hook-form leaves a disabled field out of what is
 * saved, and the emptied values must be sent to clear the stored range.
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
          readOnly={!scored}
          step={field === "scoreStep" ? 0.5 : 1}
          helperText={field === "scoreStep" ? "directory.score_step_help" : false}
          sx={{ "& .MuiFormHelperText-root.Mui-disabled": { color: "text.secondary" } }}
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
 * requirement with no numeric score unless it already holds a value to clear. The scale's rules are
 * the server's (requirement.rules.ts): a save it refuses shows its answer
 * (input.requirements[i].minimumScore) beside the field. The program form is `noValidate`, so that
 * the browser's own check of min/max/step does not block the save with a passing bubble instead.
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
      readOnly={!scored && current == null}
      min={scoreMin ?? undefined}
      max={scoreMax ?? undefined}
      step={scoreStep ?? "any"}
      helperText={help}
      // The words under a turned-off input say why it is off: readable, not greyed out with it.
      sx={{ width: 190, minWidth: 190, "& .MuiFormHelperText-root.Mui-disabled": { color: "text.secondary" } }}
    />
  );
}
