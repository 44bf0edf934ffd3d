import { Country } from "../../core/enums";
import { Audience, ProgramType } from "./program.enums";

/** Human-readable names for facet values (what a filter sidebar shows). */
export const PROGRAM_TYPE_LABELS: Record<ProgramType, string> = {
  [ProgramType.RESIDENCY]: "Residency",
  [ProgramType.FELLOWSHIP]: "Fellowship",
  [ProgramType.CLINICAL_ELECTIVE]: "Clinical elective",
  [ProgramType.OBSERVERSHIP]: "Observership",
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  [Audience.GRADUATE]: "International medical graduates (IMGs)",
  [Audience.STUDENT]: "International medical students (IMS)",
  [Audience.BOTH]: "Graduates and students",
};

export const COUNTRY_LABELS: Record<Country, string> = {
  [Country.US]: "United States",
  [Country.CA]: "Canada",
};

/** US states, DC and territories; Canadian provinces and territories. */
export const REGION_LABELS: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut",
  DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois",
  IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland",
  MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi", MO: "Missouri", MT: "Montana",
  NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey", NM: "New Mexico", NY: "New York",
  NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon", PA: "Pennsylvania",
  RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  PR: "Puerto Rico", GU: "Guam", VI: "U.S. Virgin Islands", AS: "American Samoa", MP: "Northern Mariana Islands",
  AB: "Alberta", BC: "British Columbia", MB: "Manitoba", NB: "New Brunswick", NL: "Newfoundland and Labrador",
  NS: "Nova Scotia", NT: "Northwest Territories", NU: "Nunavut", ON: "Ontario", PE: "Prince Edward Island",
  QC: "Quebec", SK: "Saskatchewan", YT: "Yukon",
};
