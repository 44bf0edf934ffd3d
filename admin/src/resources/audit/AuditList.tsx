import {
  AutocompleteInput,
  Datagrid,
  DateInput,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  useCanAccess,
} from "react-admin";
import { ChangesField, EntryDetails } from "../../components/ChangesField";
import { EnumField } from "../../components/EnumField";
import { EnumArrayInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { EmptyState } from "../../components/EmptyState";
import { EntityLink } from "../../components/EntityLink";
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
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        sx={{ "& td": { verticalAlign: "top" } }}
        data-testid="audit"
      >
        <LocalDateField source="at" showTime sortable={false} />
        <EnumField source="action" enumName="AuditAction" sortable={false} />
        <EntityLink label="resources.audit.fields.entityId" />
        <TextField
          source="actor.email"
          label="resources.audit.fields.actor"
          sortable={false}
          emptyText="directory.history.no_actor"
        />
        <ChangesField source="changes" label="resources.audit.fields.changes" />
        <EntryDetails label="resources.audit.fields.note" />
      </Datagrid>
    </List>
  );
}
