import UndoIcon from "@mui/icons-material/Undo";
import { IconButton, Tooltip, Typography } from "@mui/material";
import { useState } from "react";
import {
  Confirm,
  Pagination,
  ReferenceManyField,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { RESOURCES } from "../data/resources";
import { formatDateTime } from "./formats";
import { RecordCurrencyProvider } from "./history/currency";
import { HistoryGrid } from "./history/HistoryGrid";
import { useAction, useDirectory } from "./useDirectory";

/**
 * "Undo this change and later ones": `revertX(id, version, toEntry)` puts the record back as it was
 * just BEFORE the entry (the server undoes that entry and every later one, and records a REVERT).
 * A creation cannot be undone this way (before it the record did not exist): archive instead.
 */
function RevertButton({ resource, target }: { resource: string; target: RaRecord; label?: string }) {
  const entry = useRecordContext();
  const translate = useTranslate();
  const directory = useDirectory();
  const { perform, pending } = useAction();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource, action: "revert", record: target });
  if (!entry || !canAccess || !RESOURCES[resource]?.revert || entry.action === "CREATE") return null;
  const label = translate("directory.actions.revert");
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          size="small"
          aria-label={label}
          onClick={(e) => {
            // The row's own click expands it.
            e.stopPropagation();
            setOpen(true);
          }}
          disabled={pending}
          data-testid="revert"
        >
          <UndoIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Confirm
        isOpen={open}
        loading={pending}
        title="directory.confirm.revert_title"
        content={translate("directory.confirm.revert_content", { at: formatDateTime(entry.at) ?? "" })}
        confirm="directory.actions.revert_confirm"
        onConfirm={async () => {
          setOpen(false);
          await perform(
            () => directory.revert(resource, { id: target.id, version: target.version, toEntry: entry.id }),
            "directory.notifications.reverted",
          );
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/**
 * The History tab of every record: its audit entries newest first, one line each, expanding to
 * the field-by-field changes; each undoable.
 */
export function HistoryPanel({ resource }: { resource: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const config = RESOURCES[resource];
  if (!record || !config) return null;
  return (
    <RecordCurrencyProvider value={(record.feeCurrency as string | null | undefined) ?? null}>
      <ReferenceManyField
        reference="audit"
        target="entityId"
        filter={{ entityType: config.type }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        <HistoryGrid
          data-testid="history"
          empty={
            <Typography sx={{ p: 2 }} color="text.secondary" data-testid="history-empty">
              {translate("directory.history.empty")}
            </Typography>
          }
        >
          <RevertButton resource={resource} target={record} label="" />
        </HistoryGrid>
      </ReferenceManyField>
    </RecordCurrencyProvider>
  );
}
