import ArchiveIcon from "@mui/icons-material/Archive";
import PublishIcon from "@mui/icons-material/Publish";
import UnpublishedIcon from "@mui/icons-material/Unpublished";
import { useState } from "react";
import { Button, Confirm, useCanAccess, useTranslate } from "react-admin";
import { useBulkAction } from "../../components/useBulkAction";

export function BulkPublishButton() {
  const { run, pending, resource } = useBulkAction("publish");
  const { canAccess } = useCanAccess({ resource, action: "publish" });
  if (!canAccess) return null;
  return (
    <Button label="directory.actions.publish" onClick={run} disabled={pending} data-testid="bulk-publish">
      <PublishIcon />
    </Button>
  );
}

export function BulkUnpublishButton() {
  const { run, pending, resource } = useBulkAction("unpublish");
  const { canAccess } = useCanAccess({ resource, action: "publish" });
  if (!canAccess) return null;
  return (
    <Button label="directory.actions.unpublish" onClick={run} disabled={pending} data-testid="bulk-unpublish">
      <UnpublishedIcon />
    </Button>
  );
}

export function BulkArchiveButton() {
  const { run, pending, count, resource } = useBulkAction("archive");
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
