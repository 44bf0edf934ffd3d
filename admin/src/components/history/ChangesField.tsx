import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { useFeeCurrency } from "./currency";
import { describeChanges, SIGNS, summarize, type ChangeRow, type HistoryEntry, type ItemChange } from "./describe";

/** The entry's rows, its fee amounts in the currency they were in. */
function useChangeRows(entry: HistoryEntry | undefined): ChangeRow[] {
  const translate = useTranslate();
  const currency = useFeeCurrency(entry);
  return entry ? describeChanges(entry, { translate, currency }) : [];
}

/** The entry's changes in one line: "Requirements (+1 −1 ~1)", "Title: Old → New". */
export function useChangeSummary(entry: HistoryEntry | undefined): string {
  const translate = useTranslate();
  return summarize(useChangeRows(entry), translate);
}

/** The entry in one line (the collapsed history row); the full text is its tooltip. */
export function ChangeSummary(_props: { label?: string }) {
  const entry = useRecordContext<HistoryEntry>();
  const text = useChangeSummary(entry);
  return (
    <Typography
      variant="body2"
      noWrap
      title={text}
      sx={{ maxWidth: { xs: 220, md: 420, lg: 560 } }}
      data-testid="change-summary"
    >
      {text}
    </Typography>
  );
}

const ITEM_COLOR: Record<ItemChange["sign"], string> = {
  added: "success.dark",
  removed: "error.dark",
  changed: "warning.dark",
};

function ItemRows({ items }: { items: ItemChange[] }) {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: "none" }}>
      {items.map((item, i) => (
        <Box component="li" key={i} data-testid={`change-${item.sign}`} sx={{ display: "flex", gap: 1 }}>
          <Box
            component="span"
            aria-label={translate(`directory.history.${item.sign}`)}
            sx={{ color: ITEM_COLOR[item.sign], fontWeight: 700, width: "1ch", flex: "none" }}
          >
            {SIGNS[item.sign]}
          </Box>
          <span>{item.text}</span>
        </Box>
      ))}
    </Box>
  );
}

/** The expanded entry: each changed field with its label, before and after; lists item by item. */
export function ChangeDetails() {
  const entry = useRecordContext<HistoryEntry>();
  const translate = useTranslate();
  const rows = useChangeRows(entry);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
        {translate("directory.history.no_changes")}
      </Typography>
    );
  }
  // A creation has no "before": its fields are listed with their first values.
  const creation = entry?.action === "CREATE";
  return (
    <Box sx={{ maxWidth: 960, overflowX: "auto", py: 1 }} data-testid="change-details">
      <Table size="small" aria-label={translate("resources.audit.fields.changes")}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate("directory.history.field")}
            </TableCell>
            {creation ? null : (
              <TableCell component="th" scope="col">
                {translate("directory.history.from")}
              </TableCell>
            )}
            <TableCell component="th" scope="col">
              {translate(creation ? "directory.history.value" : "directory.history.to")}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.field} data-testid={`change-${row.field}`}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500, verticalAlign: "top", width: 200 }}>
                {row.label}
              </TableCell>
              {row.kind === "items" ? (
                <TableCell colSpan={creation ? 1 : 2}>
                  <ItemRows items={row.items} />
                </TableCell>
              ) : (
                <>
                  {creation ? null : (
                    <TableCell sx={{ color: "text.secondary", wordBreak: "break-word", verticalAlign: "top" }}>
                      {row.from}
                    </TableCell>
                  )}
                  <TableCell sx={{ wordBreak: "break-word", verticalAlign: "top" }}>{row.to}</TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** Whether an entry has anything to expand. */
export function hasDetails(entry: { changes?: unknown }): boolean {
  return !!entry.changes && typeof entry.changes === "object" && Object.keys(entry.changes).length > 0;
}

/** The version the entry made and its note (a verification note, the entry a revert went back to), in one line. */
export function EntryDetails(_props: { label?: string }) {
  const entry = useRecordContext();
  const translate = useTranslate();
  if (!entry) return null;
  const parts = [
    entry.entityVersion != null ? translate("directory.history.version", { version: entry.entityVersion }) : null,
    entry.note || null,
  ].filter(Boolean);
  const text = parts.join(" · ");
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      noWrap
      title={text}
      sx={{ maxWidth: 260 }}
      data-testid="history-note"
    >
      {text}
    </Typography>
  );
}

/** Who made the change: their name (email as the tooltip), or the command line. */
export function ActorField(_props: { label?: string }) {
  const entry = useRecordContext();
  const translate = useTranslate();
  const actor = entry?.actor as { name?: string; email?: string } | null | undefined;
  return (
    <Typography variant="body2" noWrap title={actor?.email} sx={{ maxWidth: 200 }}>
      {actor ? actor.name || actor.email : translate("directory.history.no_actor")}
    </Typography>
  );
}
