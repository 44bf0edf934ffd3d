import { NumberField, NumberInput, TextField, TextInput } from "react-admin";
import { EnumField } from "../../components/EnumField";
import { EnumInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { provenanceFields, provenanceInputs } from "../../components/ProvenanceInputs";
import { validators as v } from "../../validators";

export const requirementInputs = [
  <TextInput
    key="code"
    source="code"
    validate={v.requirement.code}
    helperText="directory.validation.code"
    sx={{ minWidth: 320 }}
  />,
  <TextInput key="name" source="name" validate={v.requirement.name} fullWidth />,
  <EnumInput key="kind" source="kind" enumName="RequirementKind" validate={v.requirement.kind} />,
  <EnumInput key="country" source="country" enumName="Country" emptyText="—" />,
  <NumberInput key="scoreMin" source="scoreMin" validate={v.requirement.scoreMin} />,
  <NumberInput key="scoreMax" source="scoreMax" validate={v.requirement.scoreMax} />,
  <TextInput
    key="description"
    source="description"
    validate={v.requirement.description}
    multiline
    minRows={3}
    fullWidth
  />,
  ...provenanceInputs(v.requirement),
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
  ...provenanceFields,
];
