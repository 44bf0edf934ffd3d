import { Link, Typography } from "@mui/material";
import { useCreatePath, useRecordContext, useResourceDefinitions, useTranslate, type RaRecord } from "react-admin";
import { Link as RouterLink } from "react-router-dom";
import { ENTITY_RESOURCES } from "../choices";
import { kindLabel, recordTitle, type HistoryEntry } from "./history/describe";

/**
 * A history entry's record by name ("Internal Medicine Residency — Mayo Clinic", or "Program 6
 * (deleted)"), its kind ("Program"), and where it is shown, if anywhere this curator may go.
 */
export function useEntityTarget(entry: RaRecord | undefined): { text: string; kind: string; to: string | null } {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const definitions = useResourceDefinitions();
  if (!entry) return { text: "", kind: "", to: null };
  const resource = ENTITY_RESOURCES[entry.entityType];
  const text = recordTitle(entry as unknown as HistoryEntry, translate);
  // Only resources this curator has (curators: ADMIN), on a view they have.
  const definition = resource ? definitions[resource] : undefined;
  const type = definition?.hasShow ? "show" : definition?.hasEdit ? "edit" : null;
  return {
    text,
    kind: kindLabel(entry.entityType, translate),
    to: definition && type && entry.recordName ? createPath({ resource, id: entry.entityId, type }) : null,
  };
}

/** A link from a history entry to the record it changed, after the record's kind. */
export function EntityLink(_props: { label?: string }) {
  const entry = useRecordContext();
  const { text, kind, to } = useEntityTarget(entry);
  if (!entry) return null;
  return (
    <Typography variant="body2" noWrap title={`${kind}: ${text}`} sx={{ maxWidth: 360 }}>
      <Typography component="span" variant="body2" color="text.secondary">
        {kind}:{" "}
      </Typography>
      {to ? (
        <Link component={RouterLink} to={to} onClick={(e) => e.stopPropagation()}>
          {text}
        </Link>
      ) : (
        text
      )}
    </Typography>
  );
}
