import {
  ArrayInput,
  DateInput,
  NullableBooleanInput,
  NumberInput,
  SimpleFormIterator,
  TabbedForm,
  TextInput,
} from "react-admin";
import {
  EnumInput,
  InstitutionInput,
  PathwayInput,
  RequirementInput,
  SlugFromTitle,
  SpecialtiesInput,
  feeFormat,
  feeParse,
  upper,
} from "../../components/inputs";
import { VerifyPanel } from "../../components/RecordButtons";
import { validators as v } from "../../validators";

/**
 * The program form's tabs, shared by create and edit. Functions, not components: TabbedForm reads
 * each tab's label from its direct children.
 */
export function programFormTabs({ editing }: { editing: boolean }) {
  return [
    <TabbedForm.Tab key="overview" label="resources.programs.tabs.overview">
      <TextInput source="title" validate={v.title} fullWidth />
      <TextInput source="slug" validate={v.slug} helperText="directory.validation.slug" sx={{ minWidth: 320 }} />
      {!editing && <SlugFromTitle />}
      <EnumInput source="type" enumName="ProgramType" validate={v.requiredChoice} />
      <EnumInput source="audience" enumName="Audience" validate={v.requiredChoice} />
      <EnumInput source="status" enumName="ListingStatus" validate={v.requiredChoice} />
      <InstitutionInput />
      <EnumInput source="country" enumName="Country" validate={v.requiredChoice} />
      <TextInput source="region" validate={v.region} parse={upper} helperText="directory.validation.region" />
      <SpecialtiesInput />
      <NumberInput source="durationMonths" validate={v.months} />
      <NullableBooleanInput source="handsOnPatientCare" />
      <NumberInput source="positions" validate={v.count} />
      <NumberInput source="imgPositions" validate={v.imgPositions} />
      <TextInput source="websiteUrl" validate={v.url} fullWidth type="url" />
      <TextInput source="description" validate={v.text} multiline minRows={3} fullWidth />
    </TabbedForm.Tab>,
    <TabbedForm.Tab key="requirements" label="resources.programs.tabs.requirements" path="requirements">
      <ArrayInput source="requirements" label="resources.programs.fields.requirements">
        <SimpleFormIterator inline disableReordering data-testid="requirements">
          <RequirementInput source="requirementId" validate={v.requiredChoice} />
          <EnumInput
            source="level"
            enumName="RequirementLevel"
            validate={v.requiredChoice}
            defaultValue="REQUIRED"
            sx={{ width: 170 }}
          />
          <NumberInput source="minimumScore" validate={v.score} sx={{ width: 150, minWidth: 150 }} />
          <TextInput source="note" validate={v.note} sx={{ width: 280 }} />
        </SimpleFormIterator>
      </ArrayInput>
    </TabbedForm.Tab>,
    <TabbedForm.Tab key="application" label="resources.programs.tabs.application" path="application">
      <PathwayInput />
      <TextInput source="applicationUrl" validate={v.url} fullWidth type="url" />
      <DateInput source="applicationOpensAt" />
      <DateInput source="applicationClosesAt" validate={v.closesAt} />
      <NumberInput
        source="applicationFeeCents"
        format={feeFormat}
        parse={feeParse}
        validate={v.fee}
        helperText="directory.fee_help"
      />
      <EnumInput source="feeCurrency" enumName="Currency" />
      <NullableBooleanInput source="visaSponsorship" />
    </TabbedForm.Tab>,
    <TabbedForm.Tab key="provenance" label="resources.programs.tabs.provenance" path="provenance">
      <TextInput source="sourceUrl" validate={v.url} fullWidth type="url" />
      <TextInput source="sourceNote" validate={v.note} multiline minRows={2} fullWidth />
      {editing && <VerifyPanel />}
    </TabbedForm.Tab>,
  ];
}
