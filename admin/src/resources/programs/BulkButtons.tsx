import ArchiveIcon from "@mui/icons-material/Archive";
import PublishIcon from "@mui/icons-material/Publish";
import { useState } from "react";
import {
  Button,
  Confirm,
  useCanAccess,
  useListContext,
  useNotify,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUnselectAll,
} from "react-admin";
import { useDirectory } from "../../components/useDirectory";
import type { BulkResult } from "../../data/provider-types";

/** Reads the selected records' current versions, runs the bulk action, and says what failed. */
function useBulk(action: "publish" | "archive") {
  const resource = useResourceContext() ?? "programs";
  const { selectedIds } = useListContext();
  const directory = useDirectory();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll(resource);
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const run = async () => {
    setPending(true);
    try {
      const { data } = await directory.getMany(resource, { ids: selectedIds });
      const records = data.map((r) => ({ id: r.id, version: r.version }));
      const result: BulkResult =
        action === "publish"
          ? await directory.publishMany(resource, { records })
          : await directory.archiveMany(resource, { records });
      const label = translate(`directory.actions.${action}`);
      if (result.failures.length) {
        notify("directory.notifications.bulk_failed", {
          type: "warning",
          autoHideDuration: 10000,
          messageArgs: {
            action: label,
            count: result.data.length,
            failed: result.failures.length,
            reason: result.failures[0].message,
          },
        });
      } else {
        notify("directory.notifications.bulk_done", {
          type: "success",
          messageArgs: { action: label, count: result.data.length },
        });
      }
      unselectAll();
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: "error" });
    } finally {
      setPending(false);
    }
  };
  return { run, pending, count: selectedIds.length, resource };
}

export function BulkPublishButton() {
  const { run, pending, resource } = useBulk("publish");
  const { canAccess } = useCanAccess({ resource, action: "publish" });
  if (!canAccess) return null;
  return (
    <Button label="directory.actions.publish" onClick={run} disabled={pending} data-testid="bulk-publish">
      <PublishIcon />
    </Button>
  );
}

export function BulkArchiveButton() {
  const { run, pending, count, resource } = useBulk("archive");
  const { canAccess } = useCanAccess({ resource, action: "delete" });
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  return (
    <>
      <Button
        label="directory.actions.archive"
        onClick={() => setOpen(true)}
        disabled={pending}
        data-testid="bulk-archive"
      >
        <ArchiveIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={translate("directory.confirm.bulk_archive_title", { smart_count: count })}
        content="directory.confirm.bulk_archive_content"
        onConfirm={async () => {
          setOpen(false);
          await run();
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
