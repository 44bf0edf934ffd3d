import { registerEnumType } from "type-graphql";

export enum Country {
  US = "US",
  CA = "CA",
}
registerEnumType(Country, {
  name: "Country",
  description: "ISO 3166-1 alpha-2 code of a country the directory covers",
});

export enum ListingStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ListingStatus, {
  name: "ListingStatus",
  description: "Where a listing is in its life: the public API shows PUBLISHED listings only",
});

export enum RequirementLevel {
  REQUIRED = "REQUIRED",
  COMMONLY_REQUIRED = "COMMONLY_REQUIRED",
  RECOMMENDED = "RECOMMENDED",
}
registerEnumType(RequirementLevel, {
  name: "RequirementLevel",
  description:
    "How certain the source is that a program asks for a requirement. REQUIRED: it says so; COMMONLY_REQUIRED: it says " +
    "'often' or 'some programs' (a candidate without it gets UNKNOWN, not INELIGIBLE); RECOMMENDED: it helps, never decides",
  valuesConfig: {
    COMMONLY_REQUIRED: { description: "The source says many or some programs ask for it, not whether this one does" },
  },
});

export enum CandidateStage {
  GRADUATE = "GRADUATE",
  STUDENT = "STUDENT",
}
registerEnumType(CandidateStage, {
  name: "CandidateStage",
  description: "GRADUATE: an international medical graduate (IMG); STUDENT: an international medical student (IMS)",
});

/** A visa (or permit) a candidate needs to train in a program's country, and that a program may sponsor. */
export enum VisaType {
  NONE = "NONE",
  J1 = "J1",
  H1B = "H1B",
  CA_WORK_PERMIT = "CA_WORK_PERMIT",
  OTHER = "OTHER",
}
registerEnumType(VisaType, {
  name: "VisaType",
  description:
    "A visa or permit for training: J1 and H1B (United States), CA_WORK_PERMIT (Canada), OTHER; NONE: no visa needed",
  valuesConfig: {
    NONE: { description: "No visa is needed (a profile's visaNeeded only; never sponsored)" },
    J1: { description: "U.S. J-1 exchange visitor visa (ECFMG-sponsored for clinical training)" },
    H1B: { description: "U.S. H-1B temporary worker visa" },
    CA_WORK_PERMIT: { description: "A Canadian work permit" },
    OTHER: { description: "Any other visa or permit" },
  },
});

/** Who a program or pathway is open to by citizenship, as its source states it. */
export enum CitizenshipRule {
  NONE = "NONE",
  CITIZEN_OR_PERMANENT_RESIDENT = "CITIZEN_OR_PERMANENT_RESIDENT",
  CITIZEN = "CITIZEN",
}
registerEnumType(CitizenshipRule, {
  name: "CitizenshipRule",
  description:
    "Who may apply, by citizenship of the program's country. NONE: anyone; CITIZEN_OR_PERMANENT_RESIDENT: citizens and " +
    "permanent residents only; CITIZEN: citizens only. Null on a listing: the source does not say",
});

/** A fact a candidate profile states that counts as holding a catalogue entry. */
export enum ProfileFact {
  STUDENT = "STUDENT",
  COMPLETED_RESIDENCY = "COMPLETED_RESIDENCY",
  LICENSED = "LICENSED",
}
registerEnumType(ProfileFact, {
  name: "ProfileFact",
  description: "A fact of a candidate profile that counts as holding a requirement",
  valuesConfig: {
    STUDENT: { description: "The profile's stage is STUDENT" },
    COMPLETED_RESIDENCY: { description: "The profile says completedResidency: true" },
    LICENSED: { description: "The profile's licensedIn names at least one country" },
  },
});

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "ASC or DESC; applies to the ordering's key and its tie-breaks alike, so DESC is exactly ASC reversed",
});
