import {
  ArrayField,
  BooleanField,
  AutocompleteArrayInput,
  ChipField,
  NumberField,
  SingleFieldList,
  TextField,
  TextInput,
  useGetList,
  useRecordContext,
} from "react-admin";
import { EnumField } from "../../components/EnumField";
import { EnumInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { ScoreScaleInputs } from "../../components/ScoreInputs";
import { StaleTranslationNotice, TranslatedTextInput } from "../../components/TranslatedInput";
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
  <StaleTranslationNotice key="stale" />,
  <TranslatedTextInput
    key="name"
    source="name"
    validate={v.requirement.name}
    translationValidate={v.requirement.nameFr}
  />,
  <EnumInput key="kind" source="kind" enumName="RequirementKind" validate={v.requirement.kind} />,
  <EnumInput key="country" source="country" enumName="Country" emptyText="—" />,
  <EnumInput
    key="scoreKind"
    source="scoreKind"
    enumName="ScoreKind"
    validate={v.requiredChoice}
    helperText="directory.score_kind_help"
  />,
  <ScoreScaleInputs key="scale" validate={v.requirement} />,
  <EnumInput key="heldWhen" source="heldWhen" enumName="ProfileFact" emptyText="—" />,
  <ImpliesInput key="impliesCodes" />,
  <TranslatedTextInput
    key="description"
    source="description"
    validate={v.requirement.description}
    translationValidate={v.requirement.descriptionFr}
    multiline
  />,
  ...provenanceInputs(v.requirement),
];

export const requirementFields = [
  <TextField key="code" source="code" />,
  <TextField key="name" source="name" />,
  <EnumField key="kind" source="kind" enumName="RequirementKind" />,
  <EnumField key="country" source="country" enumName="Country" emptyText="—" />,
  <EnumField key="scoreKind" source="scoreKind" enumName="ScoreKind" />,
  <NumberField key="scoreMin" source="scoreMin" emptyText="—" />,
  <NumberField key="scoreMax" source="scoreMax" emptyText="—" />,
  <NumberField key="scoreStep" source="scoreStep" emptyText="—" />,
  <EnumField key="heldWhen" source="heldWhen" enumName="ProfileFact" emptyText="—" />,
  <ArrayField key="implies" source="implies">
    <SingleFieldList linkType={false}>
      <ChipField source="name" size="small" />
    </SingleFieldList>
  </ArrayField>,
  <TextField key="description" source="description" emptyText="—" />,
  <TextField key="nameFr" source="nameFr" emptyText="—" />,
  <TextField key="descriptionFr" source="descriptionFr" emptyText="—" />,
  <BooleanField key="translationStale" source="translationStale" />,
  <LocalDateField key="archivedAt" source="archivedAt" emptyText="—" />,
  ...provenanceFields,
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
