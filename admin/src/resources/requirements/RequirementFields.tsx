import {
  ArrayField,
  AutocompleteArrayInput,
  ChipField,
  NumberField,
  NumberInput,
  SingleFieldList,
  TextField,
  TextInput,
  useGetList,
  useRecordContext,
} from "react-admin";
import { EnumField } from "../../components/EnumField";
import { EnumInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
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
  <EnumInput key="heldWhen" source="heldWhen" enumName="ProfileFact" emptyText="—" />,
  <ImpliesInput key="impliesCodes" />,
  <TextInput
    key="description"
    source="description"
    validate={v.requirement.description}
    multiline
    minRows={3}
    fullWidth
  />,
];

export const requirementFields = [
  <TextField key="code" source="code" />,
  <TextField key="name" source="name" />,
  <EnumField key="kind" source="kind" enumName="RequirementKind" />,
  <EnumField key="country" source="country" enumName="Country" emptyText="—" />,
  <NumberField key="scoreMin" source="scoreMin" emptyText="—" />,
  <NumberField key="scoreMax" source="scoreMax" emptyText="—" />,
  <EnumField key="heldWhen" source="heldWhen" enumName="ProfileFact" emptyText="—" />,
  <ArrayField key="implies" source="implies">
    <SingleFieldList linkType={false}>
      <ChipField source="name" size="small" />
    </SingleFieldList>
  </ArrayField>,
  <TextField key="description" source="description" emptyText="—" />,
  <LocalDateField key="archivedAt" source="archivedAt" emptyText="—" />,
];

/** The codes this entry implies, picked from the catalogue by name (never itself). */
function ImpliesInput() {
  const record = useRecordContext();
  const { data = [] } = useGetList("requirements", {
    pagination: { page: 1, perPage: 500 },
    sort: { field: "code", order: "ASC" },
  });
  const options = data
    .filter((r) => r.id !== record?.id)
    .map((r) => ({ id: String(r.code), name: `${String(r.name)} (${String(r.code)})` }));
  return <AutocompleteArrayInput source="impliesCodes" choices={options} sx={{ minWidth: 420 }} />;
}
