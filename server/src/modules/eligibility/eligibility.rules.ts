/**
 * Decides one program for one candidate: a pure function of compact records
 * (eligibility.records.ts), so that it can run over every program a filter matches and the
 * answers can be sorted and paged in memory.
 */
import { CandidateStage, RequirementLevel } from "../../core/enums";
import { Audience } from "../program/program.enums";
import { RequirementKind } from "../requirement/requirement.entity";
import { listingReasons, type RuleSources } from "./eligibility.listing-checks";
import type {
  Catalogue,
  CatalogueEntry,
  PathwayRuleRecord,
  ProgramRuleRecord,
  ResolvedProfile,
} from "./eligibility.records";
import { EligibilityReasonKind, EligibilityVerdict } from "./eligibility.types";

const { UNMET, BLOCKING, UNKNOWN } = EligibilityReasonKind;

export interface ReasonData {
  kind: EligibilityReasonKind;
  message: string;
  requirementId: number | null;
  rule: string | null;
  /** The words the deprecated `reasons` list has always used for it. */
  legacy: string;
}

export interface MissingData {
  requirementId: number;
  reason: string;
  minimumScore: number | null;
  score: number | null;
  fromPathway: boolean;
}

export interface Decision {
  programId: number;
  verdict: EligibilityVerdict;
  reasons: ReasonData[];
  missing: MissingData[];
  recommendedMissing: number[];
  /** The sort key within the verdict: UNKNOWN reasons for UNKNOWN, UNMET and BLOCKING ones for INELIGIBLE. */
  weight: number;
}

/** The audience a candidate of this stage can never join. */
export function excludedAudience(stage: CandidateStage): Audience {
  return stage === CandidateStage.GRADUATE ? Audience.STUDENT : Audience.GRADUATE;
}

const STRENGTH: Record<RequirementLevel, number> = {
  [RequirementLevel.REQUIRED]: 3,
  [RequirementLevel.COMMONLY_REQUIRED]: 2,
  [RequirementLevel.RECOMMENDED]: 1,
};

/** What to do to hold a catalogue entry, in the candidate's words. */
function action(r: CatalogueEntry): string {
  switch (r.kind) {
    case RequirementKind.EXAM:
    case RequirementKind.LANGUAGE:
      return `Take ${r.name}`;
    case RequirementKind.TRAINING:
      return `Complete the training asked for: ${r.name}`;
    default:
      return `Obtain ${r.name}`;
  }
}

interface Asked {
  level: RequirementLevel;
  minimumScore: number | null;
  fromPathway: boolean;
}

/** One requirement a program asks for (itself or through its pathway), with its catalogue entry. */
export interface AskedLink extends Asked {
  requirementId: number;
  entry: CatalogueEntry;
}

/**
 * A program ready to be decided against any profile: its rules beside its pathway's and its links
 * merged with its pathway's, resolved against the catalogue. Whatever does not depend on the
 * candidate is done here once, so that an index can prepare every program when it is built.
 */
export interface PreparedProgram {
  id: number;
  audience: Audience;
  sources: RuleSources;
  asked: AskedLink[];
}

/** The program's links and its pathway's, one per requirement at the strongest level either asks. */
function asked(program: ProgramRuleRecord, pathway: PathwayRuleRecord | null): Map<number, Asked> {
  const out = new Map<number, Asked>();
  for (const l of program.links)
    out.set(l.requirementId, { level: l.level, minimumScore: l.minimumScore, fromPathway: false });
  for (const l of pathway?.links ?? []) {
    const mine = out.get(l.requirementId);
    if (!mine) out.set(l.requirementId, { level: l.level, minimumScore: null, fromPathway: true });
    else if (STRENGTH[l.level] > STRENGTH[mine.level])
      out.set(l.requirementId, { ...mine, level: l.level, fromPathway: true });
  }
  return out;
}

export function prepare(
  program: ProgramRuleRecord,
  pathway: PathwayRuleRecord | null,
  catalogue: Catalogue,
): PreparedProgram {
  const links: AskedLink[] = [];
  for (const [requirementId, a] of asked(program, pathway)) {
    const entry = catalogue.entries.get(requirementId);
    if (entry) links.push({ requirementId, entry, ...a });
  }
  return {
    id: program.id,
    audience: program.audience,
    sources: {
      country: program.country,
      program: program.rules,
      pathway: pathway?.rules ?? null,
      visaSponsorship: program.visaSponsorship,
    },
    asked: links,
  };
}

const NONE: never[] = [];

function requirementReasons(
  links: AskedLink[],
  profile: ResolvedProfile,
  reasons: ReasonData[],
): { missing: MissingData[]; recommendedMissing: number[] } {
  // Most programs leave nothing missing: their lists stay the shared empty one.
  let missing: MissingData[] = NONE;
  let recommendedMissing: number[] = NONE;
  for (const { requirementId: id, entry: r, level, minimumScore, fromPathway } of links) {
    const held = profile.held.has(id);
    const score = profile.scores.get(id);
    const below = held && minimumScore !== null && score !== undefined && score < minimumScore;
    if (held && !below) continue;
    if (level === RequirementLevel.RECOMMENDED) {
      if (!held) (recommendedMissing === NONE ? (recommendedMissing = []) : recommendedMissing).push(id);
      continue;
    }
    if (level === RequirementLevel.COMMONLY_REQUIRED) {
      if (!held) (recommendedMissing === NONE ? (recommendedMissing = []) : recommendedMissing).push(id);
      const message = below
        ? `Many programs ask for ${r.name} with a minimum score; this listing does not say whether ${score} is enough`
        : `Many programs ask for ${r.name}; this listing does not say whether it does`;
      reasons.push({ kind: UNKNOWN, message, requirementId: id, rule: null, legacy: message });
      continue;
    }
    const through = fromPathway ? " (a requirement of its pathway)" : "";
    const legacy = below
      ? `Your ${r.name} score ${score} is below this program's minimum of ${minimumScore}`
      : `You do not hold ${r.name}${through}`;
    const message = below
      ? `Raise your ${r.name} score to at least ${minimumScore} (yours is ${score})`
      : `${action(r)}${through}`;
    reasons.push({ kind: UNMET, message, requirementId: id, rule: null, legacy });
    (missing === NONE ? (missing = []) : missing).push({
      requirementId: id,
      reason: legacy,
      minimumScore: below ? minimumScore : null,
      score: below ? score! : null,
      fromPathway,
    });
  }
  return { missing, recommendedMissing };
}

export function decide(
  program: ProgramRuleRecord,
  pathway: PathwayRuleRecord | null,
  profile: ResolvedProfile,
  catalogue: Catalogue,
): Decision {
  return decidePrepared(prepare(program, pathway, catalogue), profile);
}

export function decidePrepared(program: PreparedProgram, profile: ResolvedProfile): Decision {
  const reasons: ReasonData[] = [];
  if (program.audience === excludedAudience(profile.stage)) {
    const message =
      profile.stage === CandidateStage.STUDENT
        ? "This program is for international medical graduates; you are a student"
        : "This program is for international medical students; you are a graduate";
    reasons.push({ kind: BLOCKING, message, requirementId: null, rule: "audience", legacy: message });
  }
  for (const r of listingReasons(program.sources, profile, profile.stage === CandidateStage.GRADUATE))
    reasons.push({ ...r, requirementId: null, legacy: r.message });
  const links = requirementReasons(program.asked, profile, reasons);

  // Decided reasons first, in the order found; then the unknowns.
  let decided = 0;
  for (const r of reasons) if (r.kind !== UNKNOWN) decided++;
  const unknown = reasons.length - decided;
  const ordered =
    decided === 0 || unknown === 0
      ? reasons
      : [...reasons.filter((r) => r.kind !== UNKNOWN), ...reasons.filter((r) => r.kind === UNKNOWN)];
  return {
    programId: program.id,
    verdict: decided
      ? EligibilityVerdict.INELIGIBLE
      : unknown
        ? EligibilityVerdict.UNKNOWN
        : EligibilityVerdict.ELIGIBLE,
    reasons: ordered,
    missing: links.missing,
    recommendedMissing: links.recommendedMissing,
    weight: decided || unknown,
  };
}

/**
 * What decidePrepared answers of a program, its verdict's rank and its weight, as one number
 * (rank × 65536 + weight, so that keys sort as decisions do), without building a message: sorting
 * and counting need it of every program, the messages only the page's programs need.
 */
export function weigh(
  program: PreparedProgram,
  profile: ResolvedProfile,
  /** Listing checks' counts (decided × 256 + unknown) by rule sources, for programs that share them. */
  listing?: Map<RuleSources, number>,
): number {
  let counts = listing?.get(program.sources);
  if (counts === undefined) {
    counts = 0;
    for (const r of listingReasons(program.sources, profile, profile.stage === CandidateStage.GRADUATE))
      counts += r.kind === UNKNOWN ? 1 : 256;
    listing?.set(program.sources, counts);
  }
  let decided = (program.audience === excludedAudience(profile.stage) ? 1 : 0) + (counts >> 8);
  let unknown = counts & 255;
  for (const { requirementId: id, level, minimumScore } of program.asked) {
    if (level === RequirementLevel.RECOMMENDED) continue;
    const held = profile.held.has(id);
    const score = profile.scores.get(id);
    if (held && (minimumScore === null || score === undefined || score >= minimumScore)) continue;
    if (level === RequirementLevel.COMMONLY_REQUIRED) unknown++;
    else decided++;
  }
  return decided ? 2 * KEY_RANK + decided : unknown ? KEY_RANK + unknown : 0;
}

/** A weigh key's rank unit: the verdict's rank times this, plus the weight. */
export const KEY_RANK = 65536;

export const VERDICT_RANK: Record<EligibilityVerdict, number> = {
  [EligibilityVerdict.ELIGIBLE]: 0,
  [EligibilityVerdict.UNKNOWN]: 1,
  [EligibilityVerdict.INELIGIBLE]: 2,
};
