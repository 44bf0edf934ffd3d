import { Chip, Stack } from "@mui/material";
import { useRecordContext } from "react-admin";

/** The event types an endpoint wants, as chips with their wire names (program.changed…). */
export function EventTypesField(_props: { source: string; sortable?: boolean; label?: string }) {
  const record = useRecordContext();
  const types: string[] = Array.isArray(record?.eventTypes) ? record.eventTypes : [];
  return (
    <Stack direction="row" flexWrap="wrap" gap={0.5}>
      {types.map((t) => (
        <Chip key={t} size="small" label={t.toLowerCase().replace("_", ".")} />
      ))}
    </Stack>
  );
}
