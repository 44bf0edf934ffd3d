import type { EligibilityQuery, EligibilityVerdict } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";

type Counts = EligibilityQuery["eligibility"]["verdictCounts"];
const CHOICES = ["ALL", "ELIGIBLE", "UNKNOWN", "INELIGIBLE"] as const;

/** Narrow the list to one verdict; the counts are the API's `verdictCounts` (every verdict, whatever is shown). */
export function VerdictFilter(props: {
  counts: Counts;
  value: EligibilityVerdict | null;
  onChange: (v: EligibilityVerdict | null) => void;
}) {
  const { t } = useI18n();
  const { eligible, unknown, ineligible } = props.counts;
  const count = { ALL: eligible + unknown + ineligible, ELIGIBLE: eligible, UNKNOWN: unknown, INELIGIBLE: ineligible };
  return (
    <fieldset className="verdict-filter">
      <legend>{t("verdictFacet")}</legend>
      {CHOICES.map((c) => (
        <span key={c} className="choice">
          <input
            type="radio"
            id={`verdict-${c}`}
            name="verdict"
            checked={(props.value ?? "ALL") === c}
            onChange={() => props.onChange(c === "ALL" ? null : c)}
          />
          <label htmlFor={`verdict-${c}`}>{t(`verdictFilter${c}`, { count: count[c] })}</label>
        </span>
      ))}
    </fieldset>
  );
}
