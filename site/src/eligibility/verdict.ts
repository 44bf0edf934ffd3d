import type { EligibilityQuery, EligibilityVerdict } from "../gql/graphql";
import type { Translate } from "../i18n/i18n";

export type EligibilityNode = EligibilityQuery["eligibility"]["edges"][number]["node"];
type ApiReason = EligibilityNode["verdictReasons"][number];

/**
 * The verdict the page shows is the API's own (`verdict`, `verdictReasons`); this file only puts
 * each reason in the applicant's words: UNMET says what to do, BLOCKING what stands in the way,
 * UNKNOWN what the listing does not say. A reason this page has no words for keeps the API's own
 * text (English; `lang` says so), so a new rule in the API is never hidden.
 */
export type Verdict = EligibilityVerdict;
export interface VerdictReason {
  kind: ApiReason["kind"];
  message: string;
  /** The language of `message` when it is the API's own text rather than the interface's. */
  lang?: "en";
}

function unmet(node: EligibilityNode, r: ApiReason, t: Translate): string | null {
  if (!r.requirement) return null;
  const name = r.requirement.name;
  const detail = node.missingDetails.find((m) => m.requirement.code === r.requirement?.code);
  if (detail?.score != null && detail.minimumScore != null)
    return t("reasonScore", { name, score: detail.score, minimum: detail.minimumScore });
  return t(detail?.fromPathway ? "reasonMissingPathway" : "reasonMissing", { name });
}

function blocking(node: EligibilityNode, r: ApiReason, t: Translate): string | null {
  if (r.rule === "audience")
    return t(node.program.audience === "GRADUATE" ? "reasonForGraduates" : "reasonForStudents");
  if (r.rule === "visaTypesSponsored" && node.program.visaSponsorship === false) return t("reasonNoVisa");
  return null;
}

/** The API's words for a rule the listing leaves unsaid (eligibility.listing-checks.ts), by rule. */
const UNSAID: Record<string, [RegExp, Parameters<Translate>[0]][]> = {
  visaTypesSponsored: [
    [/^The listing does not say whether it sponsors visas$/, "reasonVisaUnsaid"],
    [/^The listing does not say whether it sponsors visas; your profile does not say/, "reasonVisaProfileUnsaid"],
  ],
  maxYearsSinceGraduation: [[/^The listing does not say whether it limits/, "reasonYearsUnsaid"]],
  minimumClinicalExperienceMonths: [[/^The listing does not say how much clinical experience/, "reasonClinicalUnsaid"]],
  citizenshipRequired: [[/^The listing does not say whether it is open to applicants/, "reasonCitizenshipUnsaid"]],
};

function unknown(r: ApiReason, t: Translate): string | null {
  if (r.requirement) return t("reasonOftenRequired", { name: r.requirement.name });
  const key = UNSAID[r.rule ?? ""]?.find(([pattern]) => pattern.test(r.message))?.[1];
  return key ? t(key) : null;
}

export function verdictOf(node: EligibilityNode, t: Translate): { verdict: Verdict; reasons: VerdictReason[] } {
  const reasons = node.verdictReasons.map((r): VerdictReason => {
    const words = r.kind === "UNMET" ? unmet(node, r, t) : r.kind === "BLOCKING" ? blocking(node, r, t) : unknown(r, t);
    return words !== null ? { kind: r.kind, message: words } : { kind: r.kind, message: r.message, lang: "en" };
  });
  return { verdict: node.verdict, reasons };
}
