import { Edit, ShowButton, TabbedForm, TopToolbar, useRecordContext } from "react-admin";
import { HistoryPanel } from "../../components/HistoryPanel";
import { EditFormToolbar } from "../../components/RecordButtons";
import { InstitutionPrograms, institutionInputs } from "./InstitutionFields";
import { KEEP_EDITS } from "../../components/keep-edits";
import { useReturnAfterSave } from "../../components/RouteTrail";

function Title() {
  const record = useRecordContext();
  return <span>{record?.name ?? ""}</span>;
}

export default function InstitutionEdit() {
  const returnAfterSave = useReturnAfterSave();
  return (
    <Edit
      mutationMode="pessimistic"
      redirect={returnAfterSave}
      title={<Title />}
      actions={
        <TopToolbar>
          <ShowButton />
        </TopToolbar>
      }
    >
      <TabbedForm warnWhenUnsavedChanges resetOptions={KEEP_EDITS} toolbar={<EditFormToolbar />}>
        <TabbedForm.Tab label="resources.institutions.tabs.details">
          {institutionInputs({ editing: true })}
        </TabbedForm.Tab>
        <TabbedForm.Tab label="resources.institutions.tabs.programs" path="programs">
          <InstitutionPrograms />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="directory.history.tab" path="history">
          <HistoryPanel resource="institutions" />
        </TabbedForm.Tab>
      </TabbedForm>
    </Edit>
  );
}
