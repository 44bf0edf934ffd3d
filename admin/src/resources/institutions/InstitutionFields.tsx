import { Datagrid, ReferenceManyField, TextInput, TextField, useTranslate } from "react-admin";
import { ListPagination } from "../../components/ListPagination";
import { Typography } from "@mui/material";
import { EnumField, StatusField } from "../../components/EnumField";
import { EnumInput, SlugFromTitle, upper } from "../../components/inputs";
import { StaleTranslationNotice, TranslatedTextInput } from "../../components/TranslatedInput";
import { provenanceInputs } from "../../components/ProvenanceInputs";
import { inputLimits } from "../../gql/input-limits";
import { validators as v } from "../../validators";

/** The institution's editable fields, shared by create and edit. */
export function institutionInputs({ editing }: { editing: boolean }) {
  return [
    <StaleTranslationNotice key="stale" />,
    <TranslatedTextInput
      key="name"
      source="name"
      validate={v.institution.name}
      translationValidate={v.institution.nameFr}
    />,
    <TextInput
      key="slug"
      source="slug"
      validate={v.institution.slug}
      helperText="directory.validation.slug"
      sx={{ minWidth: 320 }}
    />,
    editing ? null : (
      <SlugFromTitle key="slugFrom" from="name" maxLength={inputLimits.InstitutionInput.slug.maxLength} />
    ),
    <EnumInput key="kind" source="kind" enumName="InstitutionKind" validate={v.institution.kind} />,
    <EnumInput key="country" source="country" enumName="Country" validate={v.institution.country} />,
    <TextInput
      key="region"
      source="region"
      validate={v.institution.region}
      parse={upper}
      helperText="directory.validation.region"
    />,
    <TextInput key="city" source="city" validate={v.institution.city} />,
    <TextInput key="website" source="website" validate={v.institution.website} type="url" fullWidth />,
    <TranslatedTextInput
      key="description"
      source="description"
      validate={v.institution.description}
      translationValidate={v.institution.descriptionFr}
      multiline
    />,
    ...provenanceInputs(v.institution),
  ].filter(Boolean);
}

/** The institution's programs (ProgramFilter.institution takes slugs, hence source="slug"). */
export function InstitutionPrograms() {
  const translate = useTranslate();
  return (
    <ReferenceManyField
      reference="programs"
      target="institution"
      source="slug"
      sort={{ field: "title", order: "ASC" }}
      filter={{ status: ["DRAFT", "PUBLISHED", "ARCHIVED"] }}
      perPage={25}
      pagination={<ListPagination />}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick="edit"
        data-testid="institution-programs"
        empty={
          <Typography color="text.secondary" sx={{ p: 2 }}>
            {translate("directory.empty.institution_programs")}
          </Typography>
        }
      >
        <TextField source="title" />
        <EnumField source="type" enumName="ProgramType" />
        <StatusField source="status" label="resources.programs.fields.status" />
      </Datagrid>
    </ReferenceManyField>
  );
}
