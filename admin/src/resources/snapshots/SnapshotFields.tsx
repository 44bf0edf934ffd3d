import DownloadIcon from "@mui/icons-material/Download";
import { Button, Stack, Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";

/** The snapshot's content hash, whatever the API calls it. */
export function HashField(_props: { label?: string }) {
  const r = useRecordContext();
  const hash: string | undefined = r?.sha256 ?? r?.contentHash ?? r?.hash;
  if (!hash) return <span>—</span>;
  return (
    <Typography variant="body2" component="code" title={hash} sx={{ fontFamily: "monospace" }}>
      {hash.slice(0, 12)}…
    </Typography>
  );
}

/** Record counts per entity (`counts` is an object or a JSON scalar). */
export function CountsField(_props: { label?: string }) {
  const r = useRecordContext();
  const counts = r?.counts;
  if (!counts || typeof counts !== "object") return <span>—</span>;
  return (
    <Typography variant="body2">
      {Object.entries(counts as Record<string, unknown>)
        .filter(([k]) => k !== "__typename")
        .map(([k, v]) => `${k}: ${v}`)
        .join(" · ")}
    </Typography>
  );
}

/** Download links served by the API: GET /snapshots/:id.json and .ndjson. */
export function DownloadLinks(_props: { label?: string }) {
  const r = useRecordContext();
  const translate = useTranslate();
  if (!r) return null;
  const id = encodeURIComponent(String(r.id));
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      <Button size="small" startIcon={<DownloadIcon />} href={`/snapshots/${id}.json`} download data-testid="download-json">
        {translate("directory.snapshots.download_json")}
      </Button>
      <Button size="small" startIcon={<DownloadIcon />} href={`/snapshots/${id}.ndjson`} download>
        {translate("directory.snapshots.download_ndjson")}
      </Button>
    </Stack>
  );
}
