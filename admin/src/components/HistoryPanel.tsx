import UndoIcon from "@mui/icons-material/Undo";
import { Typography } from "@mui/material";
import { useState } from "react";
import {
  Button,
  Confirm,
  Datagrid,
  Pagination,
  ReferenceManyField,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { RESOURCES } from "../data/resources";
import { curatorLocale } from "../i18n";
import { ChangesField, EntryDetails } from "./ChangesField";
import { EnumField } from "./EnumField";
import { LocalDateField } from "./LocalDateField";
import { useAction, useDirectory } from "./useDirectory";

/**
 * "Undo this change and later ones": `revertX(id, version, toEntry)` puts the record back as it was
 * just BEFORE the entry (the server undoes that entry and every later one, and records a REVERT).
 * A creation cannot be undone this way (before it the record did not exist): archive instead.
 */
function RevertButton({ resource, target }: { resource: string; target: RaRecord }) {
  const entry = useRecordContext();
  const translate = useTranslate();
  const directory = useDirectory();
  const { perform, pending } = useAction();
  const [open, setOpen] = useState(false);
  const { canAccess } = useCanAccess({ resource, action: "revert", record: target });
  if (!entry || !canAccess || !RESOURCES[resource]?.revert || entry.action === "CREATE") return null;
  const at = entry.at ? new Date(entry.at).toLocaleString(curatorLocale()) : "";
  return (
    <>
      <Button label="directory.actions.revert" onClick={() => setOpen(true)} disabled={pending} data-testid="revert">
        <UndoIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="directory.confirm.revert_title"
        content={translate("directory.confirm.revert_content", { at })}
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

/** The History tab of every record: its audit entries, field by field, newest first, each undoable. */
export function HistoryPanel({ resource }: { resource: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const config = RESOURCES[resource];
  if (!record || !config) return null;
  return (
    <ReferenceManyField
      reference="audit"
      target="entityId"
      filter={{ entityType: config.type }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    >
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        data-testid="history"
        sx={{ "& td": { verticalAlign: "top" } }}
        empty={
          <Typography sx={{ p: 2 }} color="text.secondary" data-testid="history-empty">
            {translate("directory.history.empty")}
          </Typography>
        }
      >
        <LocalDateField source="at" showTime sortable={false} />
        <EnumField source="action" enumName="AuditAction" sortable={false} />
        <TextField
          source="actor.email"
          label="resources.audit.fields.actor"
          sortable={false}
          emptyText="directory.history.no_actor"
        />
        <ChangesField source="changes" label="resources.audit.fields.changes" />
        <EntryDetails label="resources.audit.fields.note" />
        <RevertButton resource={resource} target={record} />
      </Datagrid>
    </ReferenceManyField>
  );
}
