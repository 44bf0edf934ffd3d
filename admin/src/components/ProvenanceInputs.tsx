import { TextField, TextInput, UrlField, type Validator } from "react-admin";
import { VerifyPanel } from "./RecordButtons";

/**
 * Where a record's facts come from and the "Mark verified" panel, for institutions, pathways and
 * requirements (programs have a tab of their own). The panel shows only on a saved record.
 */
export function provenanceInputs(rules: { sourceUrl: Validator[]; sourceNote: Validator[] }) {
  return [
    <TextInput key="sourceUrl" source="sourceUrl" validate={rules.sourceUrl} type="url" fullWidth />,
    <TextInput key="sourceNote" source="sourceNote" validate={rules.sourceNote} multiline minRows={2} fullWidth />,
    <VerifyPanel key="verify" />,
  ];
}

/** The same for read-only views: the source, and who verified the record when. */
export const provenanceFields = [
  <UrlField key="sourceUrl" source="sourceUrl" target="_blank" rel="noreferrer" emptyText="—" />,
  <TextField key="sourceNote" source="sourceNote" emptyText="—" />,
  <VerifyPanel key="verify" />,
];
