import { listingRuleFields } from "../../components/ListingRuleInputs";
import {
  ArrayField,
  BooleanField,
  Datagrid,
  EditButton,
  FunctionField,
  NumberField,
  ReferenceArrayField,
  Show,
  SingleFieldList,
  ChipField,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  UrlField,
  useRecordContext,
} from "react-admin";
import { EnumField, StatusField } from "../../components/EnumField";
import { HistoryPanel } from "../../components/HistoryPanel";
import { formatMoney } from "../../components/formats";
import { LocalDateField } from "../../components/LocalDateField";
import { PublishButton, VerifyPanel } from "../../components/RecordButtons";

function Title() {
  const record = useRecordContext();
  return <span>{record?.title ?? ""}</span>;
}

const money = (r: { applicationFeeCents?: number | null; feeCurrency?: string | null }) =>
  r.applicationFeeCents == null ? "—" : formatMoney(r.applicationFeeCents, r.feeCurrency);

/** Read-only view (what viewers see): every field, the requirements, provenance and history. */
export default function ProgramShow() {
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          <PublishButton />
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.programs.tabs.overview">
          <TextField source="title" />
          <TextField source="slug" />
          <EnumField source="type" enumName="ProgramType" />
          <EnumField source="audience" enumName="Audience" />
          <StatusField source="status" label="resources.programs.fields.status" />
          <TextField source="institution.name" label="resources.programs.fields.institution" emptyText="—" />
          <EnumField source="country" enumName="Country" />
          <TextField source="region" emptyText="—" />
          <ReferenceArrayField source="specialtyIds" reference="specialties">
            <SingleFieldList linkType={false}>
              <ChipField source="name" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
          <NumberField source="durationMonths" emptyText="—" />
          <BooleanField source="handsOnPatientCare" emptyText="directory.values.unknown" />
          <NumberField source="positions" emptyText="—" />
          <NumberField source="imgPositions" emptyText="—" />
          <UrlField source="websiteUrl" target="_blank" rel="noreferrer" emptyText="—" />
          <TextField source="description" emptyText="—" />
          <TextField source="titleFr" emptyText="—" />
          <TextField source="descriptionFr" emptyText="—" />
          <BooleanField source="translationStale" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.programs.tabs.requirements" path="requirements">
          <ArrayField source="requirements">
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <TextField source="requirement.name" label="resources.programs.fields.requirements.requirementId" />
              <TextField source="requirement.code" label="resources.requirements.fields.code" />
              <EnumField
                source="level"
                enumName="RequirementLevel"
                label="resources.programs.fields.requirements.level"
              />
              <NumberField
                source="minimumScore"
                emptyText="—"
                label="resources.programs.fields.requirements.minimumScore"
              />
              <TextField source="note" emptyText="—" label="resources.programs.fields.requirements.note" />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.programs.tabs.application" path="application">
          <TextField source="pathway.name" label="resources.programs.fields.pathway" emptyText="—" />
          <UrlField source="applicationUrl" target="_blank" rel="noreferrer" emptyText="—" />
          <LocalDateField source="applicationOpensOn" day emptyText="—" />
          <LocalDateField source="applicationClosesOn" day emptyText="—" />
          <FunctionField source="applicationFeeCents" render={money} />
          <BooleanField source="visaSponsorship" emptyText="directory.values.unknown" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.programs.tabs.rules" path="rules">
          {listingRuleFields()}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.programs.tabs.provenance" path="provenance">
          <UrlField source="sourceUrl" target="_blank" rel="noreferrer" emptyText="—" />
          <TextField source="sourceNote" emptyText="—" />
          <LocalDateField source="updatedAt" showTime />
          <VerifyPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="directory.history.tab" path="history">
          <HistoryPanel resource="programs" />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
