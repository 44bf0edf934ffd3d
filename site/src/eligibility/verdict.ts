import type { EligibilityQuery } from "../gql/graphql";
import type { Translate } from "../i18n/i18n";
import type { Profile } from "./profile";

export type EligibilityNode = EligibilityQuery["eligibility"]["edges"][number]["node"];

/**
 * The verdict the page shows, in the shape the API is moving to (`verdict` and `verdictReasons
 * { kind, message, requirement }`). Today it is derived from `eligible`, `reasons` and
 * `missingDetails`; once the API answers verdicts, only this function changes.
 */
export type Verdict = "ELIGIBLE" | "INELIGIBLE" | "UNKNOWN";
export interface VerdictReason {
  kind: "UNMET" | "BLOCKING" | "UNKNOWN";
  message: string;
  /** The language of `message` when it is the API's own text rather than the interface's. */
  lang?: string;
}

export function verdictOf(
  node: EligibilityNode,
  profile: Profile,
  t: Translate,
): { verdict: Verdict; reasons: VerdictReason[] } {
  if (node.eligible) return { verdict: "ELIGIBLE", reasons: [] };
  const reasons: VerdictReason[] = [];
  const program = node.program;
  // Reasons not about a requirement (the API's text lists them first): said in the interface's words when known.
  const blocking = node.reasons.slice(0, node.reasons.length - node.missingDetails.length);
  const audienceBlocked =
    (profile.stage === "STUDENT" && program.audience === "GRADUATE") ||
    (profile.stage === "GRADUATE" && program.audience === "STUDENT");
  const visaBlocked = profile.needsVisa && program.visaSponsorship === false;
  const known = (audienceBlocked ? 1 : 0) + (visaBlocked ? 1 : 0);
  if (audienceBlocked)
    reasons.push({
      kind: "BLOCKING",
      message: t(profile.stage === "STUDENT" ? "reasonForGraduates" : "reasonForStudents"),
    });
  if (visaBlocked) reasons.push({ kind: "BLOCKING", message: t("reasonNoVisa") });
  if (blocking.length !== known) {
    // A reason this page does not know yet: the API's own words.
    for (const message of blocking) reasons.push({ kind: "BLOCKING", message, lang: "en" });
    reasons.splice(0, known);
  }
  for (const m of node.missingDetails) {
    const name = m.requirement.name;
    reasons.push({
      kind: "UNMET",
      message:
        m.score != null && m.minimumScore != null
          ? t("reasonScore", { name, score: m.score, minimum: m.minimumScore })
          : t(m.fromPathway ? "reasonMissingPathway" : "reasonMissing", { name }),
    });
  }
  return { verdict: "INELIGIBLE", reasons };
}
