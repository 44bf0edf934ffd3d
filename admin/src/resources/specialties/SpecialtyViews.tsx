import { Datagrid, List, SearchInput, TextField, TextInput, useCanAccess } from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { ListPagination } from "../../components/ListPagination";
import { SlugFromTitle } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { RecordCreate, RecordEdit, RecordShow } from "../../components/RecordViews";
import { inputLimits } from "../../gql/input-limits";
import { validators as v } from "../../validators";

const inputs = (editing: boolean) =>
  [
    <TextInput key="name" source="name" validate={v.specialty.name} fullWidth />,
    <TextInput
      key="slug"
      source="slug"
      validate={v.specialty.slug}
      helperText="directory.validation.slug"
      sx={{ minWidth: 320 }}
    />,
    editing ? null : <SlugFromTitle key="slugFrom" from="name" maxLength={inputLimits.SpecialtyInput.slug.maxLength} />,
  ].filter(Boolean);

export function SpecialtyList() {
  const { canAccess: canEdit } = useCanAccess({ resource: "specialties", action: "edit" });
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      perPage={50}
      empty={<EmptyState />}
      pagination={<ListPagination />}
    >
      <Datagrid rowClick={canEdit ? "edit" : "show"} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="slug" sortable={false} />
        <LocalDateField source="archivedAt" sortable={false} emptyText="" />
      </Datagrid>
    </List>
  );
}

export const SpecialtyEdit = () => (
  <RecordEdit resource="specialties" titleSource="name">
    {inputs(true)}
  </RecordEdit>
);
export const SpecialtyCreate = () => <RecordCreate>{inputs(false)}</RecordCreate>;
export const SpecialtyShow = () => (
  <RecordShow resource="specialties" titleSource="name">
    <TextField source="name" />
    <TextField source="slug" />
    <LocalDateField source="archivedAt" emptyText="—" />
  </RecordShow>
);
