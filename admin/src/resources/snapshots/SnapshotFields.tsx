import DownloadIcon from "@mui/icons-material/Download";
import LockIcon from "@mui/icons-material/Lock";
import { Button, Chip, Stack, Tooltip, Typography } from "@mui/material";
import { useNotify, useRecordContext, useTranslate } from "react-admin";
import { downloadWithToken } from "../../data/download";
import { curatorLocale } from "../../i18n";

export const COUNTED = ["programs", "institutions", "requirements", "pathways", "specialties"] as const;

/** 1234567 → "1.2 MB", in the curator's locale. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return "—";
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(curatorLocale(), {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
}

/** The content hash (SHA-256): the first 12 digits, the whole of it on hover. Equal hashes, equal data. */
export function HashField(_props: { label?: string }) {
  const r = useRecordContext();
  const hash: string | undefined = r?.sha256;
  if (!hash) return <span>—</span>;
  return (
    <Tooltip title={hash}>
      <Typography variant="body2" component="code" sx={{ fontFamily: "monospace" }} data-testid="sha256">
        {hash.slice(0, 12)}…
      </Typography>
    </Tooltip>
  );
}

/** How many records of each kind the snapshot holds. */
export function CountsField(_props: { label?: string }) {
  const r = useRecordContext();
  const translate = useTranslate();
  const counts = r?.counts as Record<string, number> | undefined;
  if (!counts) return <span>—</span>;
  return (
    <Stack direction="row" flexWrap="wrap" gap={0.5} data-testid="snapshot-counts">
      {COUNTED.map((k) => (
        <Chip
          key={k}
          size="small"
          variant="outlined"
          label={`${translate(`resources.${k}.name`, { smart_count: 2 })}: ${counts[k] ?? 0}`}
        />
      ))}
    </Stack>
  );
}

/** Published listings only, or drafts and archived ones too (downloads then need a curator). */
export function ScopeField(_props: { label?: string }) {
  const r = useRecordContext();
  const translate = useTranslate();
  if (!r) return null;
  return r.includeDrafts ? (
    <Chip size="small" color="warning" icon={<LockIcon />} label={translate("directory.snapshots.with_drafts")} />
  ) : (
    <Chip size="small" color="success" label={translate("directory.snapshots.published_only")} />
  );
}

/** The files' sizes. */
export function SizesField(_props: { label?: string }) {
  const r = useRecordContext();
  if (!r) return null;
  return (
    <Typography variant="body2">
      JSON {formatBytes(r.jsonBytes)} · NDJSON {formatBytes(r.ndjsonBytes)}
    </Typography>
  );
}

/**
 * The JSON and NDJSON files (`jsonUrl`, `ndjsonUrl`). A snapshot of published listings is a plain
 * link; one with drafts is fetched with the curator's token.
 */
export function DownloadLinks(_props: { label?: string }) {
  const r = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  if (!r) return null;
  const file = (format: string) => `directory-snapshot-${r.id}.${format}`;
  const link = (format: "json" | "ndjson", url: string | undefined) => {
    if (!url) return null;
    const label = translate(`directory.snapshots.download_${format}`);
    const props = { size: "small" as const, startIcon: <DownloadIcon />, "data-testid": `download-${format}` };
    if (!r.includeDrafts)
      return (
        <Button {...props} href={url} download={file(format)}>
          {label}
        </Button>
      );
    const download = () =>
      downloadWithToken(url, file(format)).catch((e: Error) => notify(e.message, { type: "error" }));
    return (
      <Button {...props} onClick={download}>
        {label}
      </Button>
    );
  };
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      {link("json", r.jsonUrl)}
      {link("ndjson", r.ndjsonUrl)}
    </Stack>
  );
}
