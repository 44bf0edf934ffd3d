import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import { Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import { useState } from "react";
import { Button, useListContext, useNotify, useTranslate } from "react-admin";
import { useDirectory } from "../../components/useDirectory";
import { SnapshotDiffView, type SnapshotDiff } from "./SnapshotDiffView";

/** Compares the two selected snapshots with `snapshotDiff(from, to)`, older → newer. */
export function CompareButton() {
  const { selectedIds, data = [] } = useListContext();
  const directory = useDirectory();
  const notify = useNotify();
  const translate = useTranslate();
  const [diff, setDiff] = useState<SnapshotDiff | null>(null);
  const [pending, setPending] = useState(false);
  const compare = async () => {
    const chosen = data.filter((r) => selectedIds.includes(r.id));
    const [from, to] = (chosen.length === 2 ? chosen : selectedIds.map((id) => ({ id, createdAt: "" })))
      .slice()
      .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) || Number(a.id) - Number(b.id));
    setPending(true);
    try {
      setDiff((await directory.snapshotDiff({ from: from.id, to: to.id })).data as SnapshotDiff);
    } catch (e) {
      notify((e as Error).message, { type: "error" });
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button
        label="directory.actions.compare"
        onClick={compare}
        disabled={selectedIds.length !== 2 || pending}
        title={translate("directory.snapshots.compare_help")}
        data-testid="compare"
      >
        <CompareArrowsIcon />
      </Button>
      <Dialog open={diff != null} onClose={() => setDiff(null)} maxWidth="lg" fullWidth>
        <DialogTitle>{translate("directory.snapshots.compare_title")}</DialogTitle>
        <DialogContent>{diff && <SnapshotDiffView diff={diff} />}</DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setDiff(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
}
