import { Alert, AlertTitle, Link, List, ListItem, ListItemText } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useCanAccess, useCreatePath, useTranslate } from "react-admin";
import { Link as RouterLink } from "react-router-dom";
import { webhookActions } from "../data/webhook-resources";

/**
 * For ADMINs: the webhook endpoints the server disabled after an event failed every attempt, each a
 * link to its page (enable it there, then resend). Shows nothing when there are none.
 */
export function WebhookNotice() {
  const { canAccess } = useCanAccess({ resource: "webhooks", action: "list" });
  const translate = useTranslate();
  const createPath = useCreatePath();
  const disabled = useQuery({
    queryKey: ["directory", "disabledWebhooks"],
    queryFn: () => webhookActions.disabledByServer(),
    enabled: canAccess === true,
  });
  if (!canAccess || !disabled.data?.total) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="webhook-notice">
      <AlertTitle>{translate("directory.webhooks.notice_title")}</AlertTitle>
      {translate("directory.webhooks.notice", { smart_count: disabled.data.total })}.{" "}
      {translate("directory.webhooks.notice_help")}
      <List dense disablePadding>
        {disabled.data.endpoints.map((e) => (
          <ListItem key={e.id} disableGutters>
            <ListItemText
              primary={
                <Link component={RouterLink} to={createPath({ resource: "webhooks", id: e.id, type: "edit" })}>
                  {e.url}
                </Link>
              }
              secondary={e.disabledReason}
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
