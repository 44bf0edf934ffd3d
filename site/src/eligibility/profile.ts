import type { CandidateProfile, CandidateStage } from "../gql/graphql";

/**
 * The applicant's profile as the form edits it, and its place in the URL (so it can be
 * bookmarked, shared, and survives Back; it is sent nowhere but to the API). Only fields the API
 * accepts are here; a new one (citizenship, say) is a field below, a parameter in `toParams` and
 * `fromParams`, and a line in `toApiProfile`.
 */
export interface Profile {
  stage: CandidateStage;
  /** Requirement codes held (exams passed, certificates, licences). */
  holds: string[];
  /** Scores by requirement code (an exam with a score counts as held). */
  scores: Record<string, number>;
  graduationYear: number | null;
  needsVisa: boolean;
}

export const EMPTY_PROFILE: Profile = {
  stage: "GRADUATE",
  holds: [],
  scores: {},
  graduationYear: null,
  needsVisa: false,
};

export function fromParams(params: URLSearchParams): Profile | null {
  const stage = params.get("stage");
  if (stage !== "GRADUATE" && stage !== "STUDENT") return null;
  const scores: Record<string, number> = {};
  for (const entry of params.getAll("score")) {
    const [code, value] = entry.split(":");
    const n = Number(value);
    if (code && Number.isInteger(n)) scores[code] = n;
  }
  const year = Number(params.get("graduated"));
  return {
    stage,
    holds: params.getAll("holds").filter(Boolean),
    scores,
    graduationYear: Number.isInteger(year) && year > 0 ? year : null,
    needsVisa: params.get("visa") === "needed",
  };
}

export function toParams(profile: Profile): URLSearchParams {
  const params = new URLSearchParams();
  params.set("stage", profile.stage);
  for (const code of profile.holds) params.append("holds", code);
  for (const [code, score] of Object.entries(profile.scores)) params.append("score", `${code}:${score}`);
  if (profile.graduationYear) params.set("graduated", String(profile.graduationYear));
  if (profile.needsVisa) params.set("visa", "needed");
  return params;
}

/** What the API's `eligibility(profile:)` takes. */
export function toApiProfile(profile: Profile): CandidateProfile {
  const scores = Object.entries(profile.scores).map(([code, score]) => ({ code, score }));
  return {
    stage: profile.stage,
    holds: [...new Set([...profile.holds, ...Object.keys(profile.scores)])].sort(),
    scores: scores.length ? scores.sort((a, b) => (a.code < b.code ? -1 : 1)) : null,
    graduationYear: profile.graduationYear,
    needsVisa: profile.needsVisa || null,
  };
}

const SAVED = "img-directory.profile";

/** The last profile checked in this browser (localStorage only), to fill the form on the next visit. */
export function savedProfile(): Profile | null {
  try {
    const raw = localStorage.getItem(SAVED);
    return raw ? fromParams(new URLSearchParams(raw)) : null;
  } catch {
    return null;
  }
}

export function saveProfile(profile: Profile): void {
  try {
    localStorage.setItem(SAVED, toParams(profile).toString());
  } catch {
    // storage refused (private mode): the URL still holds it
  }
}
