import ArchiveIcon from "@mui/icons-material/Archive";
import PublishIcon from "@mui/icons-material/Publish";
import UnpublishedIcon from "@mui/icons-material/Unpublished";
import { useState, type ReactElement } from "react";
import { Button, Confirm, useCanAccess, useTranslate } from "react-admin";
import { useBulkAction } from "../../components/useBulkAction";

/** Publish or unpublish the selected rows (one click: both can be undone). */
function BulkStatusButton({ verb, icon }: { verb: "publish" | "unpublish"; icon: ReactElement }) {
  const { run, pending, resource } = useBulkAction(verb);
  const { canAccess } = useCanAccess({ resource, action: "publish" });
  if (!canAccess) return null;
  return (
    <Button label={`directory.actions.${verb}`} onClick={run} disabled={pending} data-testid={`bulk-${verb}`}>
      {icon}
    </Button>
  );
}

export const BulkPublishButton = () => <BulkStatusButton verb="publish" icon={<PublishIcon />} />;
export const BulkUnpublishButton = () => <BulkStatusButton verb="unpublish" icon={<UnpublishedIcon />} />;

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
