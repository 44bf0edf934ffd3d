import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { formatDateTime } from "../../components/formats";

interface SnapshotRef {
  id: string;
  label: string;
  createdAt: string;
  sha256: string;
}

/** `snapshotDiff(from, to)` as the API answers it. */
export interface SnapshotDiff {
  from: SnapshotRef;
  to: SnapshotRef;
  identical: boolean;
  addedCount: number;
  removedCount: number;
  changedCount: number;
  entities: {
    entity: string;
    added: string[];
    removed: string[];
    changed: { key: string; changes: { field: string; from: unknown; to: unknown }[] }[];
  }[];
}

/** Rows shown per entity: a diff of two very different directories stays readable (the counts say the rest). */
const MAX_ROWS = 200;

const show = (v: unknown) =>
  v === null || v === undefined || v === "" ? "—" : typeof v === "string" ? v : JSON.stringify(v);
const when = (s: SnapshotRef) => `${s.label} (${formatDateTime(s.createdAt)})`;

function Keys({ title, keys, color }: { title: string; keys: string[]; color: "success" | "error" }) {
  if (keys.length === 0) return null;
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="subtitle2">{title}</Typography>
      <Stack direction="row" flexWrap="wrap" gap={0.5}>
        {keys.slice(0, MAX_ROWS).map((k) => (
          <Chip key={k} size="small" color={color} variant="outlined" label={k} />
        ))}
        {keys.length > MAX_ROWS && <Chip size="small" label={`+${keys.length - MAX_ROWS}`} />}
      </Stack>
    </Box>
  );
}

/** What changed between two snapshots: totals, then per kind of record the added, removed and changed ones, field by field. */
export function SnapshotDiffView({ diff }: { diff: SnapshotDiff }) {
  const translate = useTranslate();
  return (
    <Box data-testid="snapshot-diff">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate("directory.snapshots.from_to", { from: when(diff.from), to: when(diff.to) })}
      </Typography>
      {diff.identical ? (
        <Alert severity="success">{translate("directory.snapshots.identical")}</Alert>
      ) : (
        <Stack direction="row" gap={1} sx={{ mb: 2 }}>
          <Chip color="success" label={translate("directory.snapshots.added", { count: diff.addedCount })} />
          <Chip color="error" label={translate("directory.snapshots.removed", { count: diff.removedCount })} />
          <Chip color="info" label={translate("directory.snapshots.changed", { count: diff.changedCount })} />
        </Stack>
      )}
      {diff.entities
        .filter((e) => e.added.length || e.removed.length || e.changed.length)
        .map((e) => (
          <Box key={e.entity} sx={{ mb: 2 }} data-testid={`diff-${e.entity}`}>
            <Typography variant="h6" sx={{ fontSize: "1rem", mb: 1 }}>
              {translate(`resources.${e.entity}.name`, { smart_count: 2, _: e.entity })}
            </Typography>
            <Keys title={translate("directory.snapshots.added_keys")} keys={e.added} color="success" />
            <Keys title={translate("directory.snapshots.removed_keys")} keys={e.removed} color="error" />
            {e.changed.length > 0 && (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate("directory.snapshots.key")}</TableCell>
                    <TableCell>{translate("directory.history.field")}</TableCell>
                    <TableCell>{translate("directory.history.from")}</TableCell>
                    <TableCell>{translate("directory.history.to")}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {e.changed.slice(0, MAX_ROWS).flatMap((record) =>
                    record.changes.map((c, i) => (
                      <TableRow key={`${record.key}.${c.field}`}>
                        <TableCell sx={{ fontWeight: 500 }}>{i === 0 ? record.key : ""}</TableCell>
                        <TableCell>{c.field}</TableCell>
                        <TableCell sx={{ color: "text.secondary", wordBreak: "break-word" }}>{show(c.from)}</TableCell>
                        <TableCell sx={{ wordBreak: "break-word" }}>{show(c.to)}</TableCell>
                      </TableRow>
                    )),
                  )}
                </TableBody>
              </Table>
            )}
          </Box>
        ))}
    </Box>
  );
}
