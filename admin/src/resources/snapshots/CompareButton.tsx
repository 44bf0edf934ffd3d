import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import { Box, Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from "@mui/material";
import { useState } from "react";
import { Button, useListContext, useNotify, useTranslate } from "react-admin";
import { useDirectory } from "../../components/useDirectory";

function summarize(diff: unknown): [string, string][] {
  if (!diff || typeof diff !== "object") return [];
  return Object.entries(diff as Record<string, unknown>)
    .filter(([k]) => k !== "__typename")
    .map(([k, v]) => [k, Array.isArray(v) ? `${v.length}` : v && typeof v === "object" ? `${Object.keys(v).length} entries` : String(v)]);
}

/** Compares two selected snapshots with `snapshotDiff(from, to)` (older → newer). */
export function CompareButton() {
  const { selectedIds, data = [] } = useListContext();
  const directory = useDirectory();
  const notify = useNotify();
  const translate = useTranslate();
  const [diff, setDiff] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const compare = async () => {
    const chosen = data.filter((r) => selectedIds.includes(r.id));
    const [from, to] = (chosen.length === 2 ? chosen : selectedIds.map((id) => ({ id, createdAt: "" })))
      .slice()
      .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    setPending(true);
    try {
      setDiff((await directory.snapshotDiff({ from: from.id, to: to.id })).data);
    } catch (e) {
      notify((e as Error).message, { type: "error" });
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button label="directory.actions.compare" onClick={compare} disabled={selectedIds.length !== 2 || pending} title={translate("directory.snapshots.compare_help")}>
        <CompareArrowsIcon />
      </Button>
      <Dialog open={diff != null} onClose={() => setDiff(null)} maxWidth="md" fullWidth>
        <DialogTitle>{translate("directory.snapshots.compare_title")}</DialogTitle>
        <DialogContent>
          <Table size="small">
            <TableBody>
              {summarize(diff).map(([k, v]) => (
                <TableRow key={k}>
                  <TableCell sx={{ fontWeight: 500 }}>{k}</TableCell>
                  <TableCell>{v}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box component="pre" sx={{ mt: 2, p: 1, bgcolor: "action.hover", maxHeight: 400, overflow: "auto", fontSize: 12 }}>
            {JSON.stringify(diff, null, 2)}
          </Box>
        </DialogContent>
      </Dialog>
    </>
  );
}
