import { provenanceFields } from "../../components/ProvenanceInputs";
import {
  BooleanField,
  EditButton,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  UrlField,
  useRecordContext,
} from "react-admin";
import { EnumField } from "../../components/EnumField";
import { HistoryPanel } from "../../components/HistoryPanel";
import { LocalDateField } from "../../components/LocalDateField";
import { InstitutionPrograms } from "./InstitutionFields";

function Title() {
  const record = useRecordContext();
  return <span>{record?.name ?? ""}</span>;
}

export default function InstitutionShow() {
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.institutions.tabs.details">
          <TextField source="name" />
          <TextField source="slug" />
          <EnumField source="kind" enumName="InstitutionKind" />
          <TextField source="city" />
          <TextField source="region" />
          <EnumField source="country" enumName="Country" />
          <UrlField source="website" target="_blank" rel="noreferrer" emptyText="—" />
          <TextField source="description" emptyText="—" />
          <TextField source="nameFr" emptyText="—" />
          <TextField source="descriptionFr" emptyText="—" />
          <BooleanField source="translationStale" />
          <LocalDateField source="archivedAt" emptyText="—" />
          {provenanceFields}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.institutions.tabs.programs" path="programs">
          <InstitutionPrograms />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="directory.history.tab" path="history">
          <HistoryPanel resource="institutions" />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
