/** Turns a candidate profile into what the rules read: catalogue ids, implications and facts resolved. */
import { CandidateStage, ProfileFact, VisaType } from "../../core/enums";
import { BadUserInputError, type FieldProblem } from "../../core/errors";
import { scoresOffScale } from "../requirement/requirement.rules";
import type { CandidateProfile } from "./eligibility.args";
import type { Catalogue, ResolvedProfile } from "./eligibility.records";

/** Every id reachable from `start` through implications (the catalogue refuses cycles; a visited set guards anyway). */
export function impliedClosure(start: Iterable<number>, implies: Map<number, number[]>): Set<number> {
  const held = new Set<number>();
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    if (held.has(id)) continue;
    held.add(id);
    stack.push(...(implies.get(id) ?? []));
  }
  return held;
}

function facts(profile: CandidateProfile): Set<ProfileFact> {
  const out = new Set<ProfileFact>();
  if (profile.stage === CandidateStage.STUDENT) out.add(ProfileFact.STUDENT);
  if (profile.completedResidency === true) out.add(ProfileFact.COMPLETED_RESIDENCY);
  if ((profile.licensedIn ?? []).length > 0) out.add(ProfileFact.LICENSED);
  return out;
}

/** Resolves codes against the catalogue; unknown codes are BAD_USER_INPUT naming each one. */
export function resolveProfile(profile: CandidateProfile, catalogue: Catalogue, year: number): ResolvedProfile {
  const byCode = new Map([...catalogue.entries.values()].map((r) => [r.code, r.id]));
  const scores = profile.scores ?? [];
  const problems: FieldProblem[] = [];
  profile.holds.forEach((code, i) => {
    if (!byCode.has(code))
      problems.push({ path: ["profile", "holds", String(i)], message: `unknown requirement code '${code}'` });
  });
  scores.forEach((s, i) => {
    if (!byCode.has(s.code))
      problems.push({
        path: ["profile", "scores", String(i), "code"],
        message: `unknown requirement code '${s.code}'`,
      });
  });
  if (problems.length) {
    throw new BadUserInputError(
      `Unknown requirement codes: ${problems.map((p) => p.message.split("'")[1]).join(", ")}; see the requirements query`,
      problems,
    );
  }
  // Each score must be one of its exam's scores, by the rule programs' minimums obey.
  scoresOffScale(scores, [...catalogue.entries.values()], ["profile", "scores"]).throwIfAny();
  const best = new Map<number, number>();
  for (const s of scores) {
    const id = byCode.get(s.code)!;
    best.set(id, Math.max(best.get(id) ?? -Infinity, s.score));
  }
  const profileFacts = facts(profile);
  const byFact = [...catalogue.entries.values()].filter((r) => r.heldWhen !== null && profileFacts.has(r.heldWhen));
  const held = impliedClosure(
    [...profile.holds.map((c) => byCode.get(c)!), ...best.keys(), ...byFact.map((r) => r.id)],
    catalogue.implies,
  );
  const visaNeeded =
    profile.visaNeeded ?? (profile.needsVisa === true ? "ANY" : profile.needsVisa === false ? VisaType.NONE : null);
  const list = (codes: string[] | null | undefined) => (codes ? new Set(codes) : null);
  const byCountry = profile.clinicalExperienceByCountry;
  return {
    stage: profile.stage,
    held,
    scores: best,
    visaNeeded,
    citizenships: list(profile.citizenships),
    permanentResidencies: list(profile.permanentResidencies),
    graduationYear: profile.graduationYear ?? null,
    yearsSinceGraduation: profile.graduationYear == null ? null : Math.max(0, year - profile.graduationYear),
    clinicalMonths: profile.clinicalExperienceMonths ?? null,
    clinicalMonthsByCountry: byCountry
      ? new Map(byCountry.map((c) => [c.country, c.months] as [string, number]))
      : null,
  };
}
