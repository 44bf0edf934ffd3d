import { Alert } from "@mui/material";
import { useState } from "react";
import {
  BooleanField,
  BooleanInput,
  Button,
  Confirm,
  Create,
  Datagrid,
  DeleteButton,
  Edit,
  List,
  SaveButton,
  SelectArrayInput,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  useRecordContext,
  useRedirect,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { EmptyState } from "../../components/EmptyState";
import { choices } from "../../choices";
import { LocalDateField } from "../../components/LocalDateField";
import { useAction } from "../../components/useDirectory";
import { webhookActions } from "../../data/webhook-resources";
import { formatDateTime } from "../../components/formats";
import { validators as v } from "../../validators";
import { EventTypesField } from "./EventTypesField";
import { SecretDialog } from "./SecretDialog";
import { WebhookDeliveries } from "./WebhookDeliveries";

/** Webhook endpoints (ADMIN only): where the directory POSTs its public changes, signed. */
export function WebhookList() {
  return (
    <List perPage={50} empty={<EmptyState />}>
      <Datagrid rowClick="edit" bulkActionButtons={false} data-testid="webhooks">
        <TextField source="url" sortable={false} />
        <EventTypesField source="eventTypes" sortable={false} />
        <BooleanField source="enabled" sortable={false} />
        <LocalDateField source="disabledAt" showTime sortable={false} emptyText="—" />
      </Datagrid>
    </List>
  );
}

function EndpointFields({ creating }: { creating?: boolean }) {
  const rules = v.webhook;
  return (
    <>
      <TextInput source="url" validate={rules.url} helperText="directory.webhooks.url_help" sx={{ minWidth: 480 }} />
      <TextInput source="description" validate={rules.description} sx={{ minWidth: 480 }} />
      <SelectArrayInput
        source="eventTypes"
        choices={choices("WebhookEventType")}
        validate={rules.eventTypes}
        helperText="directory.webhooks.event_types_help"
        sx={{ minWidth: 480 }}
      />
      <BooleanInput source="enabled" defaultValue={creating ? true : undefined} />
    </>
  );
}

/** Creating answers the secret once: it is shown in a dialog before going to the list. */
export function WebhookCreate() {
  const [secret, setSecret] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create
        redirect={false}
        mutationOptions={{ onSuccess: (data: RaRecord) => setSecret(String(data.secret ?? "")) }}
      >
        <SimpleForm defaultValues={{ enabled: true, eventTypes: [] }}>
          <EndpointFields creating />
        </SimpleForm>
      </Create>
      <SecretDialog secret={secret} onClose={() => redirect("list", "webhooks")} />
    </>
  );
}

function RotateSecretButton() {
  const record = useRecordContext();
  const { perform, pending } = useAction();
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  if (!record) return null;
  const rotate = () =>
    perform(
      () => webhookActions.rotateSecret(String(record.id), Number(record.version)),
      "ra.notification.updated",
      (s) => setSecret(s),
    );
  return (
    <>
      <Button label="directory.webhooks.rotate" disabled={pending} onClick={() => setConfirming(true)} />
      <Confirm
        isOpen={confirming}
        title="directory.webhooks.rotate_confirm_title"
        content="directory.webhooks.rotate_confirm_content"
        onConfirm={() => {
          setConfirming(false);
          void rotate();
        }}
        onClose={() => setConfirming(false)}
      />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

function DisabledByServer() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.disabledAt) return null;
  const at = formatDateTime(record.disabledAt);
  return (
    <Alert severity="warning" sx={{ m: 2, mb: 0 }} data-testid="webhook-disabled">
      {translate("directory.webhooks.disabled_by_server", { at, reason: record.disabledReason ?? "" })}
    </Alert>
  );
}

export function WebhookEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          <RotateSecretButton />
          <DeleteButton mutationMode="pessimistic" successMessage="directory.webhooks.deleted" />
        </TopToolbar>
      }
    >
      <DisabledByServer />
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <EndpointFields />
      </SimpleForm>
      <WebhookDeliveries />
    </Edit>
  );
}
