import { BooleanField, ArrayField, ArrayInput, Datagrid, TextField, TextInput, UrlField } from "react-admin";
import { EnumField } from "../../components/EnumField";
import { EnumInput, RequirementInput, SlugFromTitle, upper } from "../../components/inputs";
import { listingRuleFields, listingRuleInputs } from "../../components/ListingRuleInputs";
import { LocalDateField } from "../../components/LocalDateField";
import { provenanceFields, provenanceInputs } from "../../components/ProvenanceInputs";
import { RowsIterator } from "../../components/RowsIterator";
import { inputLimits } from "../../gql/input-limits";
import { StaleTranslationNotice, TranslatedTextInput } from "../../components/TranslatedInput";
import { validators as v } from "../../validators";

export function pathwayInputs({ editing }: { editing: boolean }) {
  return [
    <StaleTranslationNotice key="stale" />,
    <TranslatedTextInput key="name" source="name" validate={v.pathway.name} translationValidate={v.pathway.nameFr} />,
    <TextInput
      key="slug"
      source="slug"
      validate={v.pathway.slug}
      helperText="directory.validation.slug"
      sx={{ minWidth: 320 }}
    />,
    editing ? null : <SlugFromTitle key="slugFrom" from="name" maxLength={inputLimits.PathwayInput.slug.maxLength} />,
    <EnumInput key="kind" source="kind" enumName="PathwayKind" validate={v.pathway.kind} />,
    <EnumInput key="country" source="country" enumName="Country" emptyText="—" />,
    <TextInput key="region" source="region" validate={v.pathway.region} parse={upper} />,
    <TextInput key="website" source="website" validate={v.pathway.website} type="url" fullWidth />,
    <TranslatedTextInput
      key="description"
      source="description"
      validate={v.pathway.description}
      translationValidate={v.pathway.descriptionFr}
      multiline
    />,
    <ArrayInput key="requirements" source="requirements" validate={v.pathway.requirements}>
      <RowsIterator inline disableReordering>
        <RequirementInput source="requirementId" validate={v.pathwayRequirement.requirementId} />
        <EnumInput
          source="level"
          enumName="RequirementLevel"
          validate={v.pathwayRequirement.level}
          defaultValue="REQUIRED"
          sx={{ width: 170 }}
        />
        <TextInput source="note" validate={v.pathwayRequirement.note} sx={{ width: 280 }} />
      </RowsIterator>
    </ArrayInput>,
    ...listingRuleInputs(),
    ...provenanceInputs(v.pathway),
  ].filter(Boolean);
}

export const pathwayFields = [
  <TextField key="name" source="name" />,
  <TextField key="slug" source="slug" />,
  <EnumField key="kind" source="kind" enumName="PathwayKind" />,
  <EnumField key="country" source="country" enumName="Country" emptyText="—" />,
  <TextField key="region" source="region" emptyText="—" />,
  <UrlField key="website" source="website" target="_blank" rel="noreferrer" emptyText="—" />,
  <TextField key="description" source="description" emptyText="—" />,
  <TextField key="nameFr" source="nameFr" emptyText="—" />,
  <TextField key="descriptionFr" source="descriptionFr" emptyText="—" />,
  <BooleanField key="translationStale" source="translationStale" />,
  <ArrayField key="requirements" source="requirements">
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="requirement.name" label="resources.pathways.fields.requirements.requirementId" />
      <EnumField source="level" enumName="RequirementLevel" label="resources.pathways.fields.requirements.level" />
      <TextField source="note" emptyText="—" label="resources.pathways.fields.requirements.note" />
    </Datagrid>
  </ArrayField>,
  ...listingRuleFields(),
  <LocalDateField key="archivedAt" source="archivedAt" emptyText="—" />,
  ...provenanceFields,
];
