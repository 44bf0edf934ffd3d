import { Datagrid, List, NullableBooleanInput, TextField, useCanAccess } from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { ListPagination } from "../../components/ListPagination";
import { EnumField } from "../../components/EnumField";
import { EnumArrayInput } from "../../components/inputs";
import { RecordCreate, RecordEdit, RecordShow } from "../../components/RecordViews";
import { pathwayFields, pathwayInputs } from "./PathwayFields";

const filters = [
  <EnumArrayInput key="kind" source="kind" enumName="PathwayKind" />,
  <EnumArrayInput key="country" source="country" enumName="Country" />,
  <NullableBooleanInput key="translationStale" source="translationStale" />,
];

export function PathwayList() {
  const { canAccess: canEdit } = useCanAccess({ resource: "pathways", action: "edit" });
  return (
    <List filters={filters} perPage={25} empty={<EmptyState />} pagination={<ListPagination />}>
      <Datagrid rowClick={canEdit ? "edit" : "show"} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <EnumField source="kind" enumName="PathwayKind" sortable={false} />
        <EnumField source="country" enumName="Country" sortable={false} emptyText="—" />
        <TextField source="region" sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

export const PathwayEdit = () => (
  <RecordEdit resource="pathways" titleSource="name">
    {pathwayInputs({ editing: true })}
  </RecordEdit>
);
export const PathwayCreate = () => (
  <RecordCreate defaultValues={{ kind: "DIRECT", requirements: [] }}>{pathwayInputs({ editing: false })}</RecordCreate>
);
export const PathwayShow = () => (
  <RecordShow resource="pathways" titleSource="name">
    {pathwayFields}
  </RecordShow>
);
