import { Link } from "@mui/material";
import { useCreatePath, useRecordContext, useResourceDefinitions, useTranslate, type RaRecord } from "react-admin";
import { Link as RouterLink } from "react-router-dom";
import { ENTITY_RESOURCES } from "../choices";

/** A history entry's record as words ("Program 12 · Mayo Clinic fellowships") and where it is shown, if anywhere. */
export function useEntityTarget(entry: RaRecord | undefined): { text: string; to: string | null } {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const definitions = useResourceDefinitions();
  if (!entry) return { text: "", to: null };
  const resource = ENTITY_RESOURCES[entry.entityType];
  const kind = resource
    ? translate(`resources.${resource}.name`, { smart_count: 1, _: entry.entityType })
    : entry.entityType;
  // A creation names the record; other entries name it when they change its name.
  const changes = (entry.changes ?? {}) as Record<string, { to?: unknown }>;
  const name = ["title", "name", "label", "email", "code"]
    .map((f) => changes[f]?.to)
    .find((v) => typeof v === "string");
  const text = `${kind} ${entry.entityId}${name ? ` · ${name}` : ""}`;
  // Only resources this curator has (curators: ADMIN), on a view they have.
  const definition = resource ? definitions[resource] : undefined;
  const type = definition?.hasShow ? "show" : definition?.hasEdit ? "edit" : null;
  return { text, to: definition && type ? createPath({ resource, id: entry.entityId, type }) : null };
}

/** A link from a history entry to the record it changed. */
export function EntityLink(_props: { label?: string }) {
  const entry = useRecordContext();
  const { text, to } = useEntityTarget(entry);
  if (!entry) return null;
  if (!to) return <span>{text}</span>;
  return (
    <Link component={RouterLink} to={to} onClick={(e) => e.stopPropagation()}>
      {text}
    </Link>
  );
}
