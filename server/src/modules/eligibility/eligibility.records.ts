/**
 * The compact records eligibility is decided from, and where they come from. The evaluation
 * (eligibility.rules.ts) is a pure function of these records and a resolved profile, so any
 * source that supplies the same records (the database today, an in-process read index later)
 * gives the same answers.
 */
import type { ScoreScale } from "../requirement/requirement.rules";
import type { CandidateStage, Country, ProfileFact, RequirementLevel } from "../../core/enums";
import type { ListingRules } from "../../core/listing-rules";
import type { Audience } from "../program/program.enums";
import type { Requirement, RequirementKind } from "../requirement/requirement.entity";
import type { ProgramFilter } from "../program/program.filter-input";

export interface RuleLink {
  requirementId: number;
  level: RequirementLevel;
  minimumScore: number | null;
}

/** What deciding needs of a program: no text but its rules, in the directory's order (title, id). */
export interface ProgramRuleRecord {
  id: number;
  audience: Audience;
  country: Country;
  pathwayId: number | null;
  /** The deprecated flag: true says some visa is sponsored, without saying which. */
  visaSponsorship: boolean | null;
  rules: ListingRules;
  links: RuleLink[];
}

export interface PathwayRuleRecord {
  id: number;
  rules: ListingRules;
  links: RuleLink[];
}

export interface CatalogueEntry extends ScoreScale {
  id: number;
  code: string;
  name: string;
  kind: RequirementKind;
  heldWhen: ProfileFact | null;
}

/** The whole requirement catalogue (tens of entries, archived ones too) and what implies what. */
export interface Catalogue {
  entries: Map<number, CatalogueEntry>;
  /** Direct implications: requirement id → ids it implies. */
  implies: Map<number, number[]>;
  /** The entries as entities, when the source has read them: output then needs no further read. */
  entities?: ReadonlyMap<number, Requirement>;
}

/** Where the records come from. */
export interface EligibilityRecordSource {
  catalogue(): Promise<Catalogue>;
  /** Every program the filter matches, in title, id order. */
  programs(filter: ProgramFilter | null | undefined, includeDrafts: boolean): Promise<ProgramRuleRecord[]>;
  pathways(ids: readonly number[]): Promise<PathwayRuleRecord[]>;
}

/** A profile with its codes resolved to catalogue ids and its facts normalised. */
export interface ResolvedProfile {
  stage: CandidateStage;
  /** Requirement ids held: listed, scored, implied (transitively) or held by a profile fact. */
  held: Set<number>;
  /** Best score per requirement id. */
  scores: Map<number, number>;
  /** null: the profile does not say; "ANY": it needs some visa (the deprecated needsVisa). */
  visaNeeded: string | null;
  citizenships: Set<string> | null;
  permanentResidencies: Set<string> | null;
  /** Whole years since graduation (0 for this year or later); null when not given. */
  yearsSinceGraduation: number | null;
  graduationYear: number | null;
  clinicalMonths: number | null;
  clinicalMonthsByCountry: Map<string, number> | null;
}
