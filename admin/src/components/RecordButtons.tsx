import PublishIcon from "@mui/icons-material/Publish";
import UnpublishedIcon from "@mui/icons-material/Unpublished";
import RestoreFromTrashIcon from "@mui/icons-material/RestoreFromTrash";
import VerifiedIcon from "@mui/icons-material/Verified";
import ArchiveIcon from "@mui/icons-material/Archive";
import { Box, Stack, TextField, Typography } from "@mui/material";
import { useState } from "react";
import {
  Button,
  DeleteButton,
  SaveButton,
  Toolbar,
  useCanAccess,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from "react-admin";
import { inputLimits } from "../gql/input-limits";
import { formatDateTime } from "./formats";
import { ConflictBanner } from "./ConflictBanner";
import { useAction, useDirectory } from "./useDirectory";

const isArchived = (record: { status?: string; archivedAt?: unknown; [key: string]: unknown } | undefined) =>
  !!record && (record.status === "ARCHIVED" || !!record.archivedAt);

/** Archive = the API's soft delete (`deleteX(id, version)`); an archived record offers Restore instead. */
export function ArchiveOrRestoreButton() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? "";
  const directory = useDirectory();
  const { perform, pending } = useAction();
  const { canAccess } = useCanAccess({ resource, action: "delete", record });
  if (!record || !canAccess) return null;
  if (isArchived(record)) {
    return (
      <Button
        label="directory.actions.restore"
        disabled={pending}
        onClick={() =>
          perform(
            () => directory.restore(resource, { id: record.id, version: record.version }),
            "directory.notifications.restored",
          )
        }
      >
        <RestoreFromTrashIcon />
      </Button>
    );
  }
  return (
    <DeleteButton
      mutationMode="pessimistic"
      label="directory.actions.archive"
      icon={<ArchiveIcon />}
      confirmTitle="directory.confirm.archive_title"
      confirmContent="directory.confirm.archive_content"
      successMessage="directory.notifications.archived"
    />
  );
}

/** Publish a draft, or take a published listing back to draft. */
export function PublishButton() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? "programs";
  const directory = useDirectory();
  const { perform, pending } = useAction();
  const { canAccess } = useCanAccess({ resource, action: "publish", record });
  if (!record || !canAccess || record.status === "ARCHIVED") return null;
  const ref = { id: record.id, version: record.version };
  return record.status === "PUBLISHED" ? (
    <Button
      label="directory.actions.unpublish"
      disabled={pending}
      data-testid="unpublish"
      onClick={() => perform(() => directory.unpublish(resource, ref), "directory.notifications.unpublished")}
    >
      <UnpublishedIcon />
    </Button>
  ) : (
    <Button
      label="directory.actions.publish"
      disabled={pending}
      data-testid="publish"
      onClick={() => perform(() => directory.publish(resource, ref), "directory.notifications.published")}
    >
      <PublishIcon />
    </Button>
  );
}

/** "Mark verified": `verifyX(id, version, note)` after checking the record against its source. */
export function VerifyPanel() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? "programs";
  const translate = useTranslate();
  const directory = useDirectory();
  const { perform, pending } = useAction();
  const [note, setNote] = useState("");
  const { canAccess } = useCanAccess({ resource, action: "verify", record });
  if (!record) return null;
  const last = record.lastVerifiedAt
    ? translate("directory.verify.last", { at: formatDateTime(record.lastVerifiedAt) })
    : translate("directory.verify.never");
  const by = record.verifiedBy ? ` — ${record.verifiedBy.name || record.verifiedBy.email}` : "";
  return (
    <Box
      sx={{ mt: 2, p: 2, border: 1, borderColor: "divider", borderRadius: 1, maxWidth: 640 }}
      data-testid="verify-panel"
    >
      <Typography variant="subtitle2" data-testid="last-verified">
        {last}
        {by}
      </Typography>
      {record.changedSinceVerified && (
        <Typography variant="body2" color="warning.main" data-testid="changed-since-verified">
          {translate("directory.verify.changed")}
        </Typography>
      )}
      {canAccess && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
            {translate("directory.verify.help")}
          </Typography>
          <Stack direction="row" spacing={2} alignItems="center">
            <TextField
              size="small"
              label={translate("directory.verify.note")}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              sx={{ flex: 1 }}
              inputProps={{ "data-testid": "verify-note", maxLength: inputLimits.VerifyArgs.note.maxLength }}
            />
            <Button
              label="directory.actions.verify"
              variant="contained"
              disabled={pending}
              data-testid="verify"
              onClick={() =>
                perform(
                  () => directory.verify(resource, { id: record.id, version: record.version, note }),
                  "directory.notifications.verified",
                  () => setNote(""),
                )
              }
            >
              <VerifiedIcon />
            </Button>
          </Stack>
        </>
      )}
    </Box>
  );
}

/** Edit forms' toolbar: the conflict notice (when a save met CONFLICT), Save, and Archive/Restore. */
export function EditFormToolbar({ archive = true }: { archive?: boolean }) {
  return (
    <Toolbar sx={{ flexWrap: "wrap", gap: 1 }}>
      <ConflictBanner />
      <SaveButton />
      <Box sx={{ flex: 1 }} />
      {archive && <ArchiveOrRestoreButton />}
    </Toolbar>
  );
}
