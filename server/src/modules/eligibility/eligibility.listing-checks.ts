/**
 * The listing rules (visas, citizenship, years since graduation, clinical experience), each
 * checked against what the profile states. A rule the program and its pathway both leave null
 * gives UNKNOWN, never nothing, unless the profile shows it cannot apply (a candidate who needs no
 * visa, a citizen of the program's country, a student and years since graduation): saying less
 * about oneself never makes an answer more certain. A rule one of them states is decided, and
 * UNKNOWN while the profile is silent on the fact it is about.
 */
import { CitizenshipRule, Country, VisaType } from "../../core/enums";
import type { ListingRules } from "../../core/listing-rules";
import { EligibilityReasonKind } from "./eligibility.types";
import type { ResolvedProfile } from "./eligibility.records";

export interface RuleReason {
  kind: EligibilityReasonKind;
  message: string;
  rule: keyof ListingRules;
}

/** The program's rules and, when it has one, its pathway's: each must hold. */
export interface RuleSources {
  country: Country;
  program: ListingRules;
  pathway: ListingRules | null;
  visaSponsorship: boolean | null;
}

const { UNMET, BLOCKING, UNKNOWN } = EligibilityReasonKind;
const COUNTRY_NAME: Record<Country, string> = { [Country.US]: "the United States", [Country.CA]: "Canada" };
const VISA_NAME: Record<VisaType, string> = {
  [VisaType.NONE]: "no visa",
  [VisaType.J1]: "J-1",
  [VisaType.H1B]: "H-1B",
  [VisaType.CA_WORK_PERMIT]: "Canadian work permit",
  [VisaType.OTHER]: "other visa",
};
/** Visas that belong to one country's system; a candidate needing one needs "some visa" elsewhere. */
const VISA_COUNTRY: Partial<Record<VisaType, Country>> = {
  [VisaType.J1]: Country.US,
  [VisaType.H1B]: Country.US,
  [VisaType.CA_WORK_PERMIT]: Country.CA,
};
const ANY = "ANY";

function stated<K extends keyof ListingRules>(s: RuleSources, key: K): NonNullable<ListingRules[K]>[] {
  return [s.program[key], s.pathway?.[key] ?? null].filter((v) => v !== null) as NonNullable<ListingRules[K]>[];
}

function isCitizen(p: ResolvedProfile, c: Country): boolean {
  return p.citizenships?.has(c) ?? false;
}
function isResident(p: ResolvedProfile, c: Country): boolean {
  return isCitizen(p, c) || (p.permanentResidencies?.has(c) ?? false);
}

/** Which visa the candidate needs for a program in `country`: none, one, "some visa", or not said. */
function visaFor(p: ResolvedProfile, country: Country): string | null | undefined {
  if (isResident(p, country)) return null;
  if (p.visaNeeded === null) return undefined;
  if (p.visaNeeded === VisaType.NONE) return null;
  const home = VISA_COUNTRY[p.visaNeeded as VisaType];
  return home === undefined || home === country ? p.visaNeeded : ANY;
}

/** Whether a list sponsors whatever visa a candidate could need for `country` (a silent profile is then decided). */
function coversEveryNeed(list: readonly VisaType[], country: Country): boolean {
  const own = (Object.keys(VISA_COUNTRY) as VisaType[]).filter((v) => VISA_COUNTRY[v] === country);
  return list.includes(VisaType.OTHER) && own.every((v) => list.includes(v));
}

function visaCheck(s: RuleSources, p: ResolvedProfile): RuleReason[] {
  const needed = visaFor(p, s.country);
  if (needed === null) return [];
  const rule = "visaTypesSponsored";
  const lists = stated(s, rule);
  // The deprecated flag: false is an empty list; true answers "some visa" but not which.
  if (s.program.visaTypesSponsored === null && s.visaSponsorship === false) lists.push([]);
  if (needed === undefined) {
    if (lists.length > 0 && lists.every((l) => coversEveryNeed(l, s.country))) return [];
    const said =
      lists.length === 0 && s.visaSponsorship !== true
        ? "The listing does not say whether it sponsors visas"
        : lists.some((l) => l.length === 0)
          ? "This program does not sponsor visas"
          : "This program sponsors some visas";
    return [{ kind: UNKNOWN, rule, message: `${said}; your profile does not say whether you need one` }];
  }
  const name = needed === ANY ? "a visa" : `a ${VISA_NAME[needed as VisaType]}`;
  if (lists.length === 0) {
    if (s.visaSponsorship === true) {
      return needed === ANY
        ? []
        : [{ kind: UNKNOWN, rule, message: `The listing says it sponsors visas but not whether it sponsors ${name}` }];
    }
    return [{ kind: UNKNOWN, rule, message: "The listing does not say whether it sponsors visas" }];
  }
  for (const list of lists) {
    if (list.length === 0) return [{ kind: BLOCKING, rule, message: "This program does not sponsor visas" }];
    if (needed !== ANY && !list.includes(needed as VisaType)) {
      const sponsored = list.map((v) => VISA_NAME[v]).join(", ");
      return [{ kind: BLOCKING, rule, message: `This program sponsors ${sponsored} only; you need ${name}` }];
    }
  }
  return [];
}

function citizenshipCheck(s: RuleSources, p: ResolvedProfile): RuleReason[] {
  const rule = "citizenshipRequired";
  const where = COUNTRY_NAME[s.country];
  const said = p.citizenships !== null || p.permanentResidencies !== null;
  const rules = stated(s, rule);
  if (rules.length === 0) {
    if (isCitizen(p, s.country)) return [];
    return [
      {
        kind: UNKNOWN,
        rule,
        message: `The listing does not say whether it is open to applicants who are not citizens of ${where}`,
      },
    ];
  }
  for (const r of rules) {
    if (r === CitizenshipRule.NONE) continue;
    const ok = r === CitizenshipRule.CITIZEN ? isCitizen(p, s.country) : isResident(p, s.country);
    if (ok) continue;
    const whom =
      r === CitizenshipRule.CITIZEN ? `citizens of ${where}` : `citizens and permanent residents of ${where}`;
    return [
      said
        ? { kind: BLOCKING, rule, message: `This program is open only to ${whom}` }
        : {
            kind: UNKNOWN,
            rule,
            message: `This program is open only to ${whom}; your profile does not say your citizenship`,
          },
    ];
  }
  return [];
}

function graduationCheck(s: RuleSources, p: ResolvedProfile, isGraduate: boolean): RuleReason[] {
  if (!isGraduate) return [];
  const rule = "maxYearsSinceGraduation";
  const limits = stated(s, rule);
  if (limits.length === 0) {
    if (s.program.graduatesOfAnyYear === true || s.pathway?.graduatesOfAnyYear === true) return [];
    return [{ kind: UNKNOWN, rule, message: "The listing does not say whether it limits the years since graduation" }];
  }
  const max = Math.min(...limits);
  if (p.yearsSinceGraduation === null) {
    return [
      {
        kind: UNKNOWN,
        rule,
        message: `This program takes graduates of the last ${max} years; your profile does not give your graduation year`,
      },
    ];
  }
  if (p.yearsSinceGraduation <= max) return [];
  return [
    {
      kind: BLOCKING,
      rule,
      message: `This program takes graduates of the last ${max} years; you graduated in ${p.graduationYear}`,
    },
  ];
}

function clinicalCheck(s: RuleSources, p: ResolvedProfile): RuleReason[] {
  const rule = "minimumClinicalExperienceMonths";
  const byCountry = p.clinicalMonthsByCountry;
  const anywhere = p.clinicalMonths ?? (byCountry ? [...byCountry.values()].reduce((a, b) => a + b, 0) : null);
  const sources = [s.program, s.pathway].filter(
    (r): r is ListingRules => r !== null && r.minimumClinicalExperienceMonths !== null,
  );
  if (sources.length === 0) {
    return [{ kind: UNKNOWN, rule, message: "The listing does not say how much clinical experience it asks for" }];
  }
  for (const r of sources) {
    const min = r.minimumClinicalExperienceMonths!;
    if (min === 0) continue; // the source says it asks for none
    const inCountry = r.clinicalExperienceInCountry === true;
    const where = inCountry ? ` in ${COUNTRY_NAME[s.country]}` : "";
    const months = inCountry ? (byCountry ? (byCountry.get(s.country) ?? 0) : null) : anywhere;
    if (months === null) {
      return [
        {
          kind: UNKNOWN,
          rule,
          message: `This program asks for at least ${min} months of clinical experience${where}; your profile does not say how much you have`,
        },
      ];
    }
    if (months < min) {
      return [
        {
          kind: UNMET,
          rule,
          message: `Gain ${min - months} more months of clinical experience${where}: this program asks for at least ${min}`,
        },
      ];
    }
  }
  return [];
}

/** Every listing rule's reasons for one program. */
export function listingReasons(s: RuleSources, p: ResolvedProfile, isGraduate: boolean): RuleReason[] {
  return [...visaCheck(s, p), ...citizenshipCheck(s, p), ...graduationCheck(s, p, isGraduate), ...clinicalCheck(s, p)];
}
