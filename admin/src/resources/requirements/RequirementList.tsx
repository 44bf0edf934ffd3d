import { Datagrid, List, NullableBooleanInput, SearchInput, TextField, useCanAccess } from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { ListPagination } from "../../components/ListPagination";
import { EnumField } from "../../components/EnumField";
import { EnumArrayInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumArrayInput key="kind" source="kind" enumName="RequirementKind" />,
  <NullableBooleanInput key="translationStale" source="translationStale" />,
];

export default function RequirementList() {
  const { canAccess: canEdit } = useCanAccess({ resource: "requirements", action: "edit" });
  return (
    <List filters={filters} perPage={50} empty={<EmptyState />} pagination={<ListPagination />}>
      <Datagrid rowClick={canEdit ? "edit" : "show"} bulkActionButtons={false}>
        <TextField source="code" sortable={false} />
        <TextField source="name" sortable={false} />
        <EnumField source="kind" enumName="RequirementKind" sortable={false} />
        <EnumField source="country" enumName="Country" sortable={false} emptyText="—" />
        <LocalDateField source="archivedAt" sortable={false} emptyText="" />
      </Datagrid>
    </List>
  );
}
