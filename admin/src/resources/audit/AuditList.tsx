import { AutocompleteInput, DateInput, List, ReferenceInput, SelectInput, TextInput, useCanAccess } from "react-admin";
import { EnumArrayInput } from "../../components/inputs";
import { EmptyState } from "../../components/EmptyState";
import { HistoryGrid } from "../../components/history/HistoryGrid";
import { entityTypeChoices } from "../../choices";

/** Until: the whole chosen day counts. */
const endOfDay = (v: string | null) =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T23:59:59.999`).toISOString() : v;
const dayOf = (v: string | null | undefined) => (v ? new Date(v).toLocaleDateString("en-CA") : "");

export default function AuditList() {
  const { canAccess: seesCurators } = useCanAccess({ resource: "curators", action: "list" });
  const filters = [
    <SelectInput key="entityType" source="entityType" choices={entityTypeChoices} alwaysOn />,
    <EnumArrayInput key="action" source="action" enumName="AuditAction" alwaysOn />,
    <TextInput key="entityId" source="entityId" />,
    ...(seesCurators
      ? [
          <ReferenceInput key="actorId" source="actorId" reference="curators">
            <AutocompleteInput optionText="email" label="resources.audit.fields.actorId" />
          </ReferenceInput>,
        ]
      : []),
    <DateInput key="since" source="since" />,
    <DateInput key="until" source="until" parse={endOfDay} format={dayOf} />,
  ];
  return (
    <List filters={filters} perPage={25} empty={<EmptyState canCreate={false} />} sort={{ field: "at", order: "DESC" }}>
      <HistoryGrid showRecord data-testid="audit" />
    </List>
  );
}
