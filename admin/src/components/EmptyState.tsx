import InboxIcon from "@mui/icons-material/Inbox";
import { Box, Typography } from "@mui/material";
import { CreateButton, useCanAccess, useResourceContext, useTranslate } from "react-admin";

/** What an empty list shows: what the list is for and what to do next. */
export function EmptyState({ canCreate = true }: { canCreate?: boolean }) {
  const resource = useResourceContext() ?? "";
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: "create" });
  const allowed = canCreate && canAccess;
  return (
    <Box sx={{ textAlign: "center", m: 4, color: "text.secondary" }} data-testid="empty-state">
      <InboxIcon sx={{ fontSize: 64, opacity: 0.5 }} />
      <Typography variant="h6" sx={{ mt: 1 }}>
        {translate(`resources.${resource}.name`, { smart_count: 2 })}
      </Typography>
      <Typography variant="body1" sx={{ mt: 1, mb: 2 }}>
        {translate(`directory.empty.${resource}`)}
        {!allowed && canCreate ? ` ${translate("directory.empty.read_only")}` : ""}
      </Typography>
      {allowed && <CreateButton variant="contained" />}
    </Box>
  );
}
