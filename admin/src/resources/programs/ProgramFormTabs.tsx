import { listingRuleInputs } from "../../components/ListingRuleInputs";
import { ArrayInput, DateInput, NullableBooleanInput, NumberInput, TabbedForm, TextInput } from "react-admin";
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
import { PlaceFromInstitution } from "../../components/PlaceFromInstitution";
import { VerifyPanel } from "../../components/RecordButtons";
import { RowsIterator } from "../../components/RowsIterator";
import { MinimumScoreInput } from "../../components/ScoreInputs";
import { StaleTranslationNotice, TranslatedTextInput } from "../../components/TranslatedInput";
import { inputLimits } from "../../gql/input-limits";
import { validators as v } from "../../validators";

/**
 * The program form's tabs, shared by create and edit. Functions, not components: TabbedForm reads
 * each tab's label from its direct children.
 */
export function programFormTabs({ editing }: { editing: boolean }) {
  return [
    <TabbedForm.Tab key="overview" label="resources.programs.tabs.overview">
      <StaleTranslationNotice />
      <TranslatedTextInput source="title" validate={v.program.title} translationValidate={v.program.titleFr} />
      <TextInput
        source="slug"
        validate={v.program.slug}
        helperText="directory.validation.slug"
        sx={{ minWidth: 320 }}
      />
      {!editing && <SlugFromTitle maxLength={inputLimits.ProgramInput.slug.maxLength} />}
      <EnumInput source="type" enumName="ProgramType" validate={v.program.type} />
      <EnumInput source="audience" enumName="Audience" validate={v.program.audience} />
      <EnumInput source="status" enumName="ListingStatus" validate={v.requiredChoice} />
      <InstitutionInput />
      <PlaceFromInstitution />
      <EnumInput
        source="country"
        enumName="Country"
        validate={v.requiredChoice}
        helperText="directory.place_from_institution"
      />
      <TextInput source="region" validate={v.program.region} parse={upper} helperText="directory.validation.region" />
      <SpecialtiesInput validate={v.program.specialtyIds} />
      <NumberInput source="durationMonths" validate={v.program.durationMonths} />
      <NullableBooleanInput source="handsOnPatientCare" />
      <NumberInput source="positions" validate={v.program.positions} />
      <NumberInput source="imgPositions" validate={v.program.imgPositions} />
      <TextInput source="websiteUrl" validate={v.program.websiteUrl} fullWidth type="url" />
      <TranslatedTextInput
        source="description"
        validate={v.program.description}
        translationValidate={v.program.descriptionFr}
        multiline
      />
    </TabbedForm.Tab>,
    <TabbedForm.Tab key="requirements" label="resources.programs.tabs.requirements" path="requirements">
      <ArrayInput
        source="requirements"
        label="resources.programs.fields.requirements"
        validate={v.program.requirements}
      >
        <RowsIterator inline disableReordering>
          <RequirementInput source="requirementId" validate={v.programRequirement.requirementId} />
          <EnumInput
            source="level"
            enumName="RequirementLevel"
            validate={v.programRequirement.level}
            defaultValue="REQUIRED"
            sx={{ width: 170 }}
          />
          <MinimumScoreInput validate={v.programRequirement.minimumScore} />
          <TextInput source="note" validate={v.programRequirement.note} sx={{ width: 280 }} />
        </RowsIterator>
      </ArrayInput>
    </TabbedForm.Tab>,
    <TabbedForm.Tab key="rules" label="resources.programs.tabs.rules" path="rules">
      {listingRuleInputs()}
    </TabbedForm.Tab>,
    <TabbedForm.Tab key="application" label="resources.programs.tabs.application" path="application">
      <PathwayInput />
      <TextInput source="applicationUrl" validate={v.program.applicationUrl} fullWidth type="url" />
      <DateInput source="applicationOpensOn" />
      <DateInput source="applicationClosesOn" validate={v.program.applicationClosesOn} />
      <NumberInput
        source="applicationFeeCents"
        format={feeFormat}
        parse={feeParse}
        validate={v.program.applicationFeeCents}
        helperText="directory.fee_help"
      />
      <EnumInput source="feeCurrency" enumName="Currency" validate={v.program.feeCurrency} />
      <NullableBooleanInput source="visaSponsorship" />
    </TabbedForm.Tab>,
    <TabbedForm.Tab key="provenance" label="resources.programs.tabs.provenance" path="provenance">
      <TextInput source="sourceUrl" validate={v.program.sourceUrl} fullWidth type="url" />
      <TextInput source="sourceNote" validate={v.program.sourceNote} multiline minRows={2} fullWidth />
      {editing && <VerifyPanel />}
    </TabbedForm.Tab>,
  ];
}
