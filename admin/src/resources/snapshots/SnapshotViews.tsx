import { Create, Datagrid, List, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, useCanAccess } from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { LocalDateField } from "../../components/LocalDateField";
import { validators as v } from "../../validators";
import { CompareButton } from "./CompareButton";
import { CountsField, DownloadLinks, HashField } from "./SnapshotFields";

/** Snapshots: immutable exports of the published directory; select two to compare them. */
export function SnapshotList() {
  const { canAccess } = useCanAccess({ resource: "snapshots", action: "list" });
  return (
    <List perPage={25} empty={<EmptyState />}>
      <Datagrid rowClick="show" bulkActionButtons={canAccess ? <CompareButton /> : false}>
        <TextField source="label" sortable={false} />
        <LocalDateField source="createdAt" showTime sortable={false} />
        <HashField label="resources.snapshots.fields.sha256" />
        <CountsField label="resources.snapshots.fields.counts" />
        <DownloadLinks label="resources.snapshots.fields.download" />
      </Datagrid>
    </List>
  );
}

export function SnapshotCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="label" validate={v.snapshotLabel} sx={{ minWidth: 360 }} />
      </SimpleForm>
    </Create>
  );
}

export function SnapshotShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="label" />
        <LocalDateField source="createdAt" showTime />
        <HashField label="resources.snapshots.fields.sha256" />
        <CountsField label="resources.snapshots.fields.counts" />
        <TextField source="createdBy.email" label="resources.snapshots.fields.createdBy" emptyText="—" />
        <DownloadLinks label="resources.snapshots.fields.download" />
      </SimpleShowLayout>
    </Show>
  );
}
