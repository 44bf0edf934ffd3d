import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { ENTITY_RESOURCES, type EnumName } from "../choices";

type Change = { from?: unknown; to?: unknown };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value))
    return (
      value.map((v) => (typeof v === "object" && v ? compact(v as Record<string, unknown>) : String(v))).join("; ") ||
      "—"
    );
  if (typeof value === "object") return compact(value as Record<string, unknown>);
  return String(value);
}

function compact(o: Record<string, unknown>): string {
  return Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

/** Fields whose values are one of the API's enums, shown with their English labels. */
const ENUM_FIELDS: Record<string, EnumName> = {
  type: "ProgramType",
  audience: "Audience",
  status: "ListingStatus",
  country: "Country",
  role: "CuratorRole",
  level: "RequirementLevel",
};
const KIND_ENUM: Record<string, EnumName> = {
  Institution: "InstitutionKind",
  Requirement: "RequirementKind",
  Pathway: "PathwayKind",
};

/** `changes` of an audit entry (`{ field: { from, to } }`) as a field-by-field table. */
export function ChangesField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const changes = (record?.changes ?? null) as Record<string, Change> | null;
  // A field that went from nothing to nothing (a creation listing every column) says nothing.
  const entries = (changes && typeof changes === "object" ? Object.entries(changes) : []).filter(
    ([, c]) => show(c?.from) !== "—" || show(c?.to) !== "—",
  );
  const resource = ENTITY_RESOURCES[String(record?.entityType)];
  // The form's label for the field where there is one ("Source note"), else the API's name.
  const fieldLabel = (field: string) =>
    resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;
  const value = (field: string, v: unknown) => {
    const enumName = field === "kind" ? KIND_ENUM[String(record?.entityType)] : ENUM_FIELDS[field];
    return enumName && typeof v === "string" ? translate(`directory.enums.${enumName}.${v}`, { _: v }) : show(v);
  };
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate("directory.history.no_changes")}
      </Typography>
    );
  }
  return (
    <Box sx={{ maxWidth: 640, overflowX: "auto" }}>
      <Table size="small" aria-label={translate("resources.audit.fields.changes")}>
        <TableHead>
          <TableRow>
            <TableCell>{translate("directory.history.field")}</TableCell>
            <TableCell>{translate("directory.history.from")}</TableCell>
            <TableCell>{translate("directory.history.to")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map(([field, change]) => (
            <TableRow key={field}>
              <TableCell sx={{ fontWeight: 500 }} title={field}>
                {fieldLabel(field)}
              </TableCell>
              <TableCell sx={{ color: "text.secondary", wordBreak: "break-word" }}>
                {value(field, change?.from)}
              </TableCell>
              <TableCell sx={{ wordBreak: "break-word" }}>{value(field, change?.to)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** The entry's note (a verification note, the entry a revert went back to) and the version it made. */
export function EntryDetails(_props: { label?: string }) {
  const entry = useRecordContext();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Stack spacing={0.5}>
      {entry.entityVersion != null && (
        <Typography variant="caption" color="text.secondary">
          {translate("directory.history.version", { version: entry.entityVersion })}
        </Typography>
      )}
      {entry.note ? (
        <Typography variant="body2" data-testid="history-note">
          {entry.note}
        </Typography>
      ) : null}
    </Stack>
  );
}
