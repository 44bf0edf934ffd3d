import { BooleanField, BooleanInput, NumberField, NumberInput, TextField, TextInput } from "react-admin";
import { EnumArrayField, EnumField } from "./EnumField";
import { EnumArrayInput, EnumInput } from "./inputs";

/**
 * The eligibility rules a program or a pathway states (core/listing-rules.ts on the server).
 * Empty means "the source does not say": candidates then get an UNKNOWN answer, never "eligible".
 */
export function listingRuleInputs() {
  return [
    <EnumArrayInput key="visaTypesSponsored" source="visaTypesSponsored" enumName="SponsoredVisa" />,
    <EnumInput key="citizenshipRequired" source="citizenshipRequired" enumName="CitizenshipRule" emptyText="—" />,
    <NumberInput key="maxYearsSinceGraduation" source="maxYearsSinceGraduation" min={0} max={80} />,
    <BooleanInput key="graduatesOfAnyYear" source="graduatesOfAnyYear" />,
    <NumberInput key="minimumClinicalExperienceMonths" source="minimumClinicalExperienceMonths" min={0} max={600} />,
    <BooleanInput key="clinicalExperienceInCountry" source="clinicalExperienceInCountry" />,
    <TextInput key="returnOfServiceNote" source="returnOfServiceNote" multiline minRows={2} fullWidth />,
  ];
}

export function listingRuleFields() {
  return [
    <EnumArrayField key="visaTypesSponsored" source="visaTypesSponsored" enumName="SponsoredVisa" />,
    <EnumField key="citizenshipRequired" source="citizenshipRequired" enumName="CitizenshipRule" emptyText="—" />,
    <NumberField key="maxYearsSinceGraduation" source="maxYearsSinceGraduation" emptyText="—" />,
    <BooleanField key="graduatesOfAnyYear" source="graduatesOfAnyYear" emptyText="—" />,
    <NumberField key="minimumClinicalExperienceMonths" source="minimumClinicalExperienceMonths" emptyText="—" />,
    <TextField key="returnOfServiceNote" source="returnOfServiceNote" emptyText="—" />,
  ];
}
