import { Chip } from "@mui/material";
import { SelectField, useRecordContext, useTranslate, type SelectFieldProps } from "react-admin";
import { choices, type EnumName } from "../choices";

/** An enum value shown with its English label. */
export function EnumField({ enumName, ...props }: Omit<SelectFieldProps, "choices"> & { enumName: EnumName }) {
  return <SelectField choices={choices(enumName)} {...props} />;
}

const STATUS_COLOR: Record<string, "default" | "success" | "warning"> = {
  PUBLISHED: "success",
  DRAFT: "warning",
  ARCHIVED: "default",
};

/** A listing status as a coloured chip: published green, draft amber, archived grey. */
export function StatusField(_props: { source?: string; label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[record.status] ?? "default"}
      label={translate(`directory.enums.ListingStatus.${record.status}`, { _: record.status })}
      data-testid="status"
    />
  );
}

/** A list of enum values, labelled and joined; "—" for an empty list. */
export function EnumArrayField({ source, enumName }: { source: string; enumName: EnumName; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const values: unknown = record?.[source];
  if (!Array.isArray(values) || values.length === 0) return <span>—</span>;
  return (
    <span>{values.map((v) => translate(`directory.enums.${enumName}.${String(v)}`, { _: String(v) })).join(", ")}</span>
  );
}
