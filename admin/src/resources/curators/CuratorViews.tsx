import { BooleanField, BooleanInput, Datagrid, List, PasswordInput, TextField, TextInput } from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { ListPagination } from "../../components/ListPagination";
import { EnumField } from "../../components/EnumField";
import { EnumInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { RecordCreate, RecordEdit } from "../../components/RecordViews";
import { validators as v } from "../../validators";

/** Curator accounts (ADMIN only): create, change role, disable (active: false), reset a password. */
export function CuratorList() {
  return (
    <List perPage={50} empty={<EmptyState />} pagination={<ListPagination />}>
      <Datagrid rowClick="edit" bulkActionButtons={false} data-testid="curators">
        <TextField source="email" sortable={false} />
        <TextField source="name" sortable={false} />
        <EnumField source="role" enumName="CuratorRole" sortable={false} />
        <BooleanField source="active" sortable={false} />
        <LocalDateField source="lastLoginAt" showTime sortable={false} emptyText="directory.values.never" />
      </Datagrid>
    </List>
  );
}

export const CuratorCreate = () => (
  <RecordCreate defaultValues={{ role: "EDITOR" }}>
    <TextInput source="email" validate={v.curator.email} type="email" sx={{ minWidth: 320 }} />
    <TextInput source="name" validate={v.curator.name} sx={{ minWidth: 320 }} />
    <EnumInput source="role" enumName="CuratorRole" validate={v.curator.role} />
    <PasswordInput
      source="password"
      validate={v.curator.password}
      autoComplete="new-password"
      helperText="directory.curators.password_help"
    />
  </RecordCreate>
);

export const CuratorEdit = () => (
  <RecordEdit resource="curators" titleSource="email" archive={false}>
    <TextInput source="email" disabled sx={{ minWidth: 320 }} />
    <TextInput source="name" validate={v.curatorUpdate.name} sx={{ minWidth: 320 }} />
    <EnumInput source="role" enumName="CuratorRole" validate={v.requiredChoice} />
    <BooleanInput source="active" />
    <PasswordInput
      source="password"
      validate={v.curatorUpdate.password}
      autoComplete="new-password"
      helperText="directory.curators.keep_password"
    />
  </RecordEdit>
);
