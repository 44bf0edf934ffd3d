import { Typography } from "@mui/material";
import {
  Button,
  Datagrid,
  NumberField,
  Pagination,
  ReferenceManyField,
  TextField,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { EnumField } from "../../components/EnumField";
import { LocalDateField } from "../../components/LocalDateField";
import { useAction } from "../../components/useDirectory";
import { webhookActions } from "../../data/webhook-resources";

function ResendButton() {
  const attempt = useRecordContext();
  const { perform, pending } = useAction();
  if (!attempt) return null;
  return (
    <Button
      label="directory.webhooks.resend"
      disabled={pending}
      onClick={() => perform(() => webhookActions.resend(String(attempt.id)), "directory.webhooks.resent")}
    />
  );
}

/** An endpoint's delivery log, newest attempt first, each with "Resend". */
export function WebhookDeliveries() {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="h6" sx={{ px: 2, pt: 2 }}>
        {translate("directory.webhooks.deliveries")}
      </Typography>
      <ReferenceManyField
        reference="webhookDeliveries"
        target="endpointId"
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          data-testid="webhook-deliveries"
          empty={
            <Typography color="text.secondary" sx={{ p: 2 }}>
              {translate("directory.webhooks.deliveries_empty")}
            </Typography>
          }
        >
          <LocalDateField source="attemptedAt" showTime sortable={false} />
          <TextField source="eventType" sortable={false} />
          <TextField source="messageId" sortable={false} sx={{ fontFamily: "monospace" }} />
          <NumberField source="attempt" sortable={false} />
          <EnumField source="status" enumName="WebhookDeliveryStatus" sortable={false} />
          <NumberField source="responseStatus" sortable={false} emptyText="—" />
          <NumberField source="durationMs" sortable={false} />
          <TextField source="error" sortable={false} emptyText="—" />
          <ResendButton />
        </Datagrid>
      </ReferenceManyField>
    </>
  );
}
