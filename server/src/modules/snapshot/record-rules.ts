/**
 * The directory's rules for snapshot records: the API's own, not a copy. Each record is turned
 * into the input of its entity's create/update mutation and checked with that class's
 * class-validator decorators (lengths, URL schemes, slug and code forms, ranges), the check
 * against NUL characters every argument gets, and the cross-field functions the writes call
 * (imgPositions ≤ positions…). A rule added to the API therefore applies to import with no change
 * here, and an import cannot store what no edit could (which would also make every later edit of
 * the record fail).
 *
 * Each function looks at one record (and, for rules between records, the records it names), so a
 * reader that streams records can call it record by record.
 */
import type { ListingStatus, VisaType } from "../../core/enums";
import { listingRuleBreaches } from "../../core/listing-rules";
import type { RuleBreach } from "../../core/problems";
import { inputRuleBreaches, textBreach } from "../../core/validation";
import { InstitutionInput } from "../institution/institution.input";
import { PathwayInput, PathwayRequirementInput } from "../pathway/pathway.input";
import { pathwayFieldBreaches } from "../pathway/pathway.rules";
import { ProgramInput, ProgramRequirementInput } from "../program/program.input";
import { institutionCountryBreach, programFieldBreaches } from "../program/program.rules";
import { RequirementInput } from "../requirement/requirement.input";
import { scoreBreach, scoreScaleBreaches, type ScoreScale } from "../requirement/requirement.rules";
import type { ScoreKind } from "../requirement/score-kind";
import { SpecialtyInput } from "../specialty/specialty.input";
import { DATE_FIELDS, scalarFields, withFormatDefaults, type EntityName, type SnapshotRecord } from "./snapshot.format";

type InputClass = new () => object;

interface EntityRules {
  /** The input class of the entity's create/update mutation. */
  input: InputClass;
  /** The input class of one requirement link, for entities that have them. */
  link?: InputClass;
  /** The writes' cross-field rules; an import gives every field, so the field blamed is the one a full edit would be. */
  crossField(record: SnapshotRecord): RuleBreach[];
}

const ALL_SENT = () => true;
const numberOrNull = (v: unknown): number | null => (typeof v === "number" ? v : null);
const stringOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** A requirement record's scale, with the format's default kind for files written before kinds. */
function scaleOf(record: SnapshotRecord): ScoreScale {
  const r = withFormatDefaults("requirements", record);
  return {
    scoreKind: r.scoreKind as ScoreKind,
    scoreMin: numberOrNull(r.scoreMin),
    scoreMax: numberOrNull(r.scoreMax),
    scoreStep: numberOrNull(r.scoreStep),
  };
}

const listingRules = (r: SnapshotRecord) => ({
  visaTypesSponsored: Array.isArray(r.visaTypesSponsored) ? (r.visaTypesSponsored as VisaType[]) : null,
  minimumClinicalExperienceMonths: numberOrNull(r.minimumClinicalExperienceMonths),
  clinicalExperienceInCountry:
    typeof r.clinicalExperienceInCountry === "boolean" ? r.clinicalExperienceInCountry : null,
  maxYearsSinceGraduation: numberOrNull(r.maxYearsSinceGraduation),
  graduatesOfAnyYear: typeof r.graduatesOfAnyYear === "boolean" ? r.graduatesOfAnyYear : null,
});

const RULES: Record<EntityName, EntityRules> = {
  institutions: { input: InstitutionInput, crossField: () => [] },
  specialties: { input: SpecialtyInput, crossField: () => [] },
  requirements: {
    input: RequirementInput,
    crossField: (r) => scoreScaleBreaches(scaleOf(r), ALL_SENT),
  },
  pathways: {
    input: PathwayInput,
    link: PathwayRequirementInput,
    crossField: (r) => [
      ...pathwayFieldBreaches({ country: stringOrNull(r.country), region: stringOrNull(r.region) }, ALL_SENT),
      ...listingRuleBreaches(listingRules(r), null, ALL_SENT),
    ],
  },
  programs: {
    input: ProgramInput,
    link: ProgramRequirementInput,
    crossField: (r) => [
      ...programFieldBreaches(
        {
          positions: numberOrNull(r.positions),
          imgPositions: numberOrNull(r.imgPositions),
          applicationOpensOn: stringOrNull(r.applicationOpensOn),
          applicationClosesOn: stringOrNull(r.applicationClosesOn),
          applicationFeeCents: numberOrNull(r.applicationFeeCents),
          feeCurrency: stringOrNull(r.feeCurrency),
          status: stringOrNull(r.status) as ListingStatus | null,
          sourceUrl: stringOrNull(r.sourceUrl),
          sourceNote: stringOrNull(r.sourceNote),
        },
        ALL_SENT,
      ),
      ...listingRuleBreaches(
        listingRules(r),
        typeof r.visaSponsorship === "boolean" ? r.visaSponsorship : null,
        ALL_SENT,
      ),
    ],
  },
};

/**
 * The record as its entity's API input: its own fields (instants as Date, as GraphQL would give
 * them; days stay strings, as the LocalDate scalar gives them) and its requirement links without ids (the file names requirements by code, and
 * references are checked apart). Fields the input does not have (archivedAt…) carry no rule.
 */
function asInput(entity: EntityName, record: SnapshotRecord): object {
  const rules = RULES[entity];
  const input = new rules.input() as Record<string, unknown>;
  for (const field of scalarFields(entity)) {
    const value = record[field];
    if (value === undefined || value === null) continue;
    input[field] = DATE_FIELDS.has(field) && typeof value === "string" ? new Date(value) : value;
  }
  const Link = rules.link;
  if (Link && Array.isArray(record.requirements)) {
    input.requirements = (record.requirements as Record<string, unknown>[]).map(({ code: _code, ...fields }) =>
      Object.assign(new Link(), fields),
    );
  }
  return input;
}

/**
 * The rules one record breaks, as the API would report them for a create with the same values:
 * a NUL character anywhere first, then the input class's rules, then (when those pass) the
 * cross-field rules. The record must already match the snapshot schema (types are right).
 */
export function recordRuleBreaches(entity: EntityName, record: SnapshotRecord): RuleBreach[] {
  const nul = textBreach(record);
  if (nul) return [nul];
  const own = inputRuleBreaches(asInput(entity, record));
  return own.length ? own : RULES[entity].crossField(record);
}

/** The records a record names, looked up by slug/code (undefined when the file has none). */
export interface ReferencedRecords {
  institution(slug: string): SnapshotRecord | undefined;
  requirement(code: string): SnapshotRecord | undefined;
}

/**
 * Rules between records, which the writes check against the database: a program is in its
 * institution's country, and a program's minimum score is a score of its requirement's scale.
 */
export function crossRecordBreaches(entity: EntityName, record: SnapshotRecord, refs: ReferencedRecords): RuleBreach[] {
  if (entity !== "programs") return [];
  const breaches: RuleBreach[] = [];
  const institution = typeof record.institution === "string" ? refs.institution(record.institution) : undefined;
  if (institution && typeof record.country === "string") {
    const breach = institutionCountryBreach(
      { name: String(institution.name), country: String(institution.country) },
      record.country,
      "country",
    );
    if (breach) breaches.push(breach);
  }
  const links = Array.isArray(record.requirements)
    ? (record.requirements as { code: string; minimumScore?: number | null }[])
    : [];
  links.forEach((link, i) => {
    const requirement = refs.requirement(link.code);
    if (!requirement) return;
    const breach = scoreBreach({ code: link.code, ...scaleOf(requirement) }, link.minimumScore, "minimumScore");
    if (breach) breaches.push({ ...breach, field: `requirements.${i}.${breach.field}` });
  });
  return breaches;
}
