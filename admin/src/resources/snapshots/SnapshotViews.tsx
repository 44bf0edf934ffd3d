import {
  BooleanInput,
  Create,
  Datagrid,
  List,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  useCanAccess,
} from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { ListPagination } from "../../components/ListPagination";
import { LocalDateField } from "../../components/LocalDateField";
import { validators as v } from "../../validators";
import { CompareButton } from "./CompareButton";
import { CountsField, DownloadLinks, HashField, ScopeField, SizesField } from "./SnapshotFields";

/** Snapshots: immutable exports of the directory, newest first; select two to compare them. */
export function SnapshotList() {
  const { canAccess } = useCanAccess({ resource: "snapshots", action: "list" });
  return (
    <List perPage={25} empty={<EmptyState />} pagination={<ListPagination />}>
      <Datagrid rowClick="show" bulkActionButtons={canAccess ? <CompareButton /> : false} data-testid="snapshots">
        <TextField source="label" sortable={false} />
        <LocalDateField source="createdAt" showTime sortable={false} />
        <ScopeField label="resources.snapshots.fields.includeDrafts" />
        <CountsField label="resources.snapshots.fields.counts" />
        <HashField label="resources.snapshots.fields.sha256" />
        <DownloadLinks label="resources.snapshots.fields.download" />
      </Datagrid>
    </List>
  );
}

export function SnapshotCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ includeDrafts: false }}>
        <TextInput
          source="label"
          validate={v.snapshot.label}
          helperText="directory.snapshots.label_help"
          sx={{ minWidth: 420 }}
        />
        <BooleanInput
          source="includeDrafts"
          label="directory.snapshots.include_drafts"
          helperText="directory.snapshots.include_drafts_help"
        />
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
        <TextField source="createdBy.email" label="resources.snapshots.fields.createdBy" emptyText="—" />
        <ScopeField label="resources.snapshots.fields.includeDrafts" />
        <CountsField label="resources.snapshots.fields.counts" />
        <TextField source="sha256" sx={{ fontFamily: "monospace" }} />
        <SizesField label="resources.snapshots.fields.sizes" />
        <DownloadLinks label="resources.snapshots.fields.download" />
      </SimpleShowLayout>
    </Show>
  );
}
