import { Link } from "@mui/material";
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
  useCreatePath,
  useRecordContext,
} from "react-admin";
import { Link as RouterLink } from "react-router-dom";
import { ChangesField } from "../../components/ChangesField";
import { EnumField } from "../../components/EnumField";
import { EnumArrayInput } from "../../components/inputs";
import { LocalDateField } from "../../components/LocalDateField";
import { EmptyState } from "../../components/EmptyState";
import { ENTITY_RESOURCES, entityTypeChoices } from "../../choices";

/** A link from a history entry to the record it changed. */
function EntityLink(_props: { label?: string }) {
  const entry = useRecordContext();
  const createPath = useCreatePath();
  if (!entry) return null;
  const resource = ENTITY_RESOURCES[entry.entityType];
  const text = `${entry.entityType} ${entry.entityId}`;
  if (!resource) return <span>{text}</span>;
  return (
    <Link component={RouterLink} to={createPath({ resource, id: entry.entityId, type: "show" })} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  );
}

/** Until: the whole chosen day counts. */
const endOfDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T23:59:59.999`).toISOString() : v);
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
      <Datagrid bulkActionButtons={false} rowClick={false} sx={{ "& td": { verticalAlign: "top" } }} data-testid="audit">
        <LocalDateField source="at" showTime sortable={false} />
        <EnumField source="action" enumName="AuditAction" sortable={false} />
        <EntityLink label="resources.audit.fields.entityId" />
        <TextField source="actor.email" label="resources.audit.fields.actor" sortable={false} emptyText="—" />
        <ChangesField source="changes" label="resources.audit.fields.changes" />
      </Datagrid>
    </List>
  );
}
