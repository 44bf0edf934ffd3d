import type { ReactNode } from "react";
import {
  Create,
  Edit,
  EditButton,
  Show,
  ShowButton,
  SimpleForm,
  TabbedForm,
  TabbedShowLayout,
  TopToolbar,
  useRecordContext,
  useResourceDefinition,
} from "react-admin";
import { HistoryPanel } from "./HistoryPanel";
import { EditFormToolbar } from "./RecordButtons";
import { KEEP_EDITS } from "./keep-edits";
import { useReturnAfterSave } from "./RouteTrail";

function RecordTitle({ source }: { source: string }) {
  const record = useRecordContext();
  return <span>{record ? String(record[source] ?? "") : ""}</span>;
}

function EditActions() {
  const { hasShow } = useResourceDefinition();
  return <TopToolbar>{hasShow && <ShowButton />}</TopToolbar>;
}

/**
 * The edit view of a catalogue record: its fields, then its History tab. Saves are pessimistic and
 * the form keeps edited fields when the record reloads (after a conflict, a verify, a revert).
 */
export function RecordEdit({
  resource,
  titleSource,
  children,
  archive = true,
}: {
  resource: string;
  titleSource: string;
  children: ReactNode;
  archive?: boolean;
}) {
  const returnAfterSave = useReturnAfterSave();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={returnAfterSave}
      title={<RecordTitle source={titleSource} />}
      actions={<EditActions />}
    >
      <TabbedForm warnWhenUnsavedChanges resetOptions={KEEP_EDITS} toolbar={<EditFormToolbar archive={archive} />}>
        <TabbedForm.Tab label="directory.details">{children}</TabbedForm.Tab>
        <TabbedForm.Tab label="directory.history.tab" path="history">
          <HistoryPanel resource={resource} />
        </TabbedForm.Tab>
      </TabbedForm>
    </Edit>
  );
}

export function RecordCreate({
  children,
  defaultValues,
}: {
  children: ReactNode;
  defaultValues?: Record<string, unknown>;
}) {
  return (
    <Create redirect="edit">
      <SimpleForm defaultValues={defaultValues} warnWhenUnsavedChanges>
        {children}
      </SimpleForm>
    </Create>
  );
}

export function RecordShow({
  resource,
  titleSource,
  children,
}: {
  resource: string;
  titleSource: string;
  children: ReactNode;
}) {
  return (
    <Show
      title={<RecordTitle source={titleSource} />}
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="directory.details">{children}</TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="directory.history.tab" path="history">
          <HistoryPanel resource={resource} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
