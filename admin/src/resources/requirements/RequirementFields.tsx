import { NumberField, NumberInput, TextField, TextInput } from "react-admin";
import { EnumField } from "../../components/EnumField";
import { EnumInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { validators as v } from "../../validators";

export const requirementInputs = [
  <TextInput key="code" source="code" validate={v.code} helperText="directory.validation.code" sx={{ minWidth: 320 }} />,
  <TextInput key="name" source="name" validate={v.name} fullWidth />,
  <EnumInput key="kind" source="kind" enumName="RequirementKind" validate={v.requiredChoice} />,
  <EnumInput key="country" source="country" enumName="Country" emptyText="—" />,
  <NumberInput key="scoreMin" source="scoreMin" validate={v.score} />,
  <NumberInput key="scoreMax" source="scoreMax" validate={v.scoreMax} />,
  <TextInput key="description" source="description" validate={v.text} multiline minRows={3} fullWidth />,
];

export const requirementFields = [
  <TextField key="code" source="code" />,
  <TextField key="name" source="name" />,
  <EnumField key="kind" source="kind" enumName="RequirementKind" />,
  <EnumField key="country" source="country" enumName="Country" emptyText="—" />,
  <NumberField key="scoreMin" source="scoreMin" emptyText="—" />,
  <NumberField key="scoreMax" source="scoreMax" emptyText="—" />,
  <TextField key="description" source="description" emptyText="—" />,
  <LocalDateField key="archivedAt" source="archivedAt" emptyText="—" />,
];
