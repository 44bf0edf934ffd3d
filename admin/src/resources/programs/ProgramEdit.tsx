import { Edit, ShowButton, TabbedForm, TopToolbar, useRecordContext } from "react-admin";
import { HistoryPanel } from "../../components/HistoryPanel";
import { EditFormToolbar, PublishButton } from "../../components/RecordButtons";
import { programFormTabs } from "./ProgramFormTabs";
import { KEEP_EDITS } from "../../components/keep-edits";
import { useReturnAfterSave } from "../../components/RouteTrail";

function ProgramTitle() {
  const record = useRecordContext();
  return <span>{record ? record.title : ""}</span>;
}

/**
 * Pessimistic saves: the form stays as typed until the server answers. A conflict keeps the input
 * (see ConflictBanner); the form resets with keepDirtyValues so reloads never drop edits.
 */
export default function ProgramEdit() {
  const returnAfterSave = useReturnAfterSave();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={returnAfterSave}
      title={<ProgramTitle />}
      actions={
        <TopToolbar>
          <PublishButton />
          <ShowButton />
        </TopToolbar>
      }
    >
      <TabbedForm warnWhenUnsavedChanges resetOptions={KEEP_EDITS} toolbar={<EditFormToolbar />} noValidate>
        {programFormTabs({ editing: true })}
        <TabbedForm.Tab label="directory.history.tab" path="history">
          <HistoryPanel resource="programs" />
        </TabbedForm.Tab>
      </TabbedForm>
    </Edit>
  );
}
