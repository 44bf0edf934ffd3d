import { Alert, Stack } from "@mui/material";
import { BooleanInput, TextInput, useRecordContext, useTranslate, type Validator } from "react-admin";

/**
 * An English text and its French translation, side by side (stacked on narrow screens), so that a
 * curator edits the translation while reading the source. Each keeps its own label
 * (`resources.<name>.fields.titleFr`…) and the server's rules for its field.
 */
export function TranslatedTextInput({
  source,
  validate,
  translationValidate,
  multiline = false,
}: {
  source: string;
  validate?: Validator[];
  translationValidate?: Validator[];
  multiline?: boolean;
}) {
  const lines = multiline ? { multiline: true, minRows: 3 } : {};
  return (
    <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ width: "100%" }}>
      <TextInput source={source} validate={validate} fullWidth {...lines} />
      <TextInput source={`${source}Fr`} validate={translationValidate} fullWidth {...lines} />
    </Stack>
  );
}

/**
 * Shown on a record whose French text is older than its English text (the lists' "French
 * translation older than the English" filter), with the box that marks it checked on saving.
 */
export function StaleTranslationNotice() {
  const record = useRecordContext<{ translationStale?: boolean }>();
  const translate = useTranslate();
  if (!record?.translationStale) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2, width: "100%" }} data-testid="stale-translation">
      {translate("directory.translation.stale")}
      <BooleanInput source="translationChecked" helperText={false} />
    </Alert>
  );
}
