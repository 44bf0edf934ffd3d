import {
  Datagrid,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  TextInput,
  useCanAccess,
  UrlField,
} from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { ListPagination } from "../../components/ListPagination";
import { EnumField } from "../../components/EnumField";
import { EnumArrayInput, upper } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <EnumArrayInput key="country" source="country" enumName="Country" />,
  <TextInput key="region" source="region" parse={upper} />,
  <EnumArrayInput key="kind" source="kind" enumName="InstitutionKind" />,
  <NullableBooleanInput key="archived" source="archived" />,
  <NullableBooleanInput key="translationStale" source="translationStale" />,
];

export default function InstitutionList() {
  const { canAccess: canEdit } = useCanAccess({ resource: "institutions", action: "edit" });
  return (
    <List
      filters={filters}
      sort={{ field: "name", order: "ASC" }}
      perPage={25}
      empty={<EmptyState />}
      pagination={<ListPagination />}
    >
      <Datagrid rowClick={canEdit ? "edit" : "show"} bulkActionButtons={false}>
        <TextField source="name" />
        <EnumField source="kind" enumName="InstitutionKind" sortable={false} />
        <TextField source="city" sortable={false} />
        <TextField source="region" sortable={false} />
        <EnumField source="country" enumName="Country" sortable={false} />
        <UrlField
          source="website"
          sortable={false}
          target="_blank"
          rel="noreferrer"
          emptyText="—"
          onClick={(e) => e.stopPropagation()}
        />
        <LocalDateField source="archivedAt" sortable={false} emptyText="" />
      </Datagrid>
    </List>
  );
}
