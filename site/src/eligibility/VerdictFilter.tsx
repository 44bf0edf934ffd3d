import { useEffect, useState } from "react";
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
  // The choice shows at once: the address (props.value) follows through the router's transition, and
  // a controlled radio would otherwise snap back to the old verdict until it commits.
  const [chosen, setChosen] = useState(props.value);
  useEffect(() => setChosen(props.value), [props.value]);
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
            checked={(chosen ?? "ALL") === c}
            onChange={() => {
              const next = c === "ALL" ? null : c;
              setChosen(next);
              props.onChange(next);
            }}
          />
          <label htmlFor={`verdict-${c}`}>{t(`verdictFilter${c}`, { count: count[c] })}</label>
        </span>
      ))}
    </fieldset>
  );
}
