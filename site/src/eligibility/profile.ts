import type { CandidateProfile, CandidateStage, VisaType } from "../gql/graphql";

/**
 * The applicant's profile as the form edits it, and its place in the URL (so it can be
 * bookmarked, shared, and survives Back; it is sent nowhere but to the API). A new field is a
 * field below, a parameter in `toParams` and `fromParams`, and a line in `toApiProfile`.
 */
export interface Profile {
  stage: CandidateStage;
  /** Requirement codes held (exams passed, certificates, licences). */
  holds: string[];
  /** Scores by requirement code (an exam with a score counts as held). */
  scores: Record<string, number>;
  graduationYear: number | null;
  /** The visa needed to train there; null: not said. */
  visaNeeded: VisaType | null;
  /** Countries of citizenship, ISO 3166-1 alpha-2. */
  citizenships: string[];
  /** Countries with a full medical licence, ISO 3166-1 alpha-2. */
  licensedIn: string[];
  completedResidency: boolean;
}

export const VISA_TYPES: readonly VisaType[] = ["NONE", "J1", "H1B", "CA_WORK_PERMIT", "OTHER"];

export const EMPTY_PROFILE: Profile = {
  stage: "GRADUATE",
  holds: [],
  scores: {},
  graduationYear: null,
  visaNeeded: null,
  citizenships: [],
  licensedIn: [],
  completedResidency: false,
};

const countries = (values: string[]) => [...new Set(values.filter((c) => /^[A-Z]{2}$/.test(c)))];

function visaFrom(value: string | null): VisaType | null {
  // `visa=needed` is the older yes/no box's address: some visa, which one unsaid.
  if (value === "needed") return "OTHER";
  return (VISA_TYPES as readonly string[]).includes(value ?? "") ? (value as VisaType) : null;
}

export function fromParams(params: URLSearchParams): Profile | null {
  const stage = params.get("stage");
  if (stage !== "GRADUATE" && stage !== "STUDENT") return null;
  const scores: Record<string, number> = {};
  for (const entry of params.getAll("score")) {
    const [code, value] = entry.split(":");
    const n = Number(value);
    if (code && value && Number.isFinite(n)) scores[code] = n;
  }
  const year = Number(params.get("graduated"));
  return {
    stage,
    holds: params.getAll("holds").filter(Boolean),
    scores,
    graduationYear: Number.isInteger(year) && year > 0 ? year : null,
    visaNeeded: visaFrom(params.get("visa")),
    citizenships: countries(params.getAll("citizenship")),
    licensedIn: countries(params.getAll("licensed")),
    completedResidency: params.get("residency") === "completed",
  };
}

export function toParams(profile: Profile): URLSearchParams {
  const params = new URLSearchParams();
  params.set("stage", profile.stage);
  for (const code of profile.holds) params.append("holds", code);
  for (const [code, score] of Object.entries(profile.scores)) params.append("score", `${code}:${score}`);
  if (profile.graduationYear) params.set("graduated", String(profile.graduationYear));
  if (profile.visaNeeded) params.set("visa", profile.visaNeeded);
  for (const c of profile.citizenships) params.append("citizenship", c);
  for (const c of profile.licensedIn) params.append("licensed", c);
  if (profile.completedResidency) params.set("residency", "completed");
  return params;
}

/** What the API's `eligibility(profile:)` takes (a field left unsaid is left out, not held against). */
export function toApiProfile(profile: Profile): CandidateProfile {
  const scores = Object.entries(profile.scores).map(([code, score]) => ({ code, score }));
  return {
    stage: profile.stage,
    holds: [...new Set([...profile.holds, ...Object.keys(profile.scores)])].sort(),
    scores: scores.length ? scores.sort((a, b) => (a.code < b.code ? -1 : 1)) : null,
    graduationYear: profile.graduationYear,
    visaNeeded: profile.visaNeeded,
    citizenships: profile.citizenships.length ? [...profile.citizenships].sort() : null,
    licensedIn: profile.licensedIn.length ? [...profile.licensedIn].sort() : null,
    completedResidency: profile.completedResidency || null,
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
