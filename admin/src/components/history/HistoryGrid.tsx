import type { ReactNode } from "react";
import { Datagrid, type DatagridProps } from "react-admin";
import { EntityLink } from "../EntityLink";
import { EnumField } from "../EnumField";
import { LocalDateField } from "../LocalDateField";
import { ActorField, ChangeDetails, ChangeSummary, EntryDetails, hasDetails } from "./ChangesField";

/**
 * History entries one line each (when, what, who, a summary of the changes, version and note);
 * a click or the arrow expands an entry to its field-by-field changes. `showRecord` adds the
 * record each entry changed (the whole-directory history); `children` are extra columns (undo).
 */
export function HistoryGrid({
  showRecord = false,
  children,
  ...props
}: Omit<DatagridProps, "children"> & { showRecord?: boolean; children?: ReactNode }) {
  return (
    <Datagrid
      bulkActionButtons={false}
      rowClick="expand"
      expand={<ChangeDetails />}
      isRowExpandable={hasDetails}
      sx={{ "& td": { whiteSpace: "nowrap" }, "& .RaDatagrid-expandedPanel td": { whiteSpace: "normal" } }}
      {...props}
    >
      <LocalDateField source="at" showTime sortable={false} />
      <EnumField source="action" enumName="AuditAction" sortable={false} />
      {showRecord ? <EntityLink label="resources.audit.fields.entityId" /> : null}
      <ActorField label="resources.audit.fields.actor" />
      <ChangeSummary label="resources.audit.fields.changes" />
      <EntryDetails label="resources.audit.fields.note" />
      {children}
    </Datagrid>
  );
}
