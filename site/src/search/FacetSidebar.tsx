import type { FacetValuesFragment, SearchPageQuery } from "../gql/graphql";
import type { MessageKey } from "../i18n/en";
import { useI18n } from "../i18n/i18n";
import { FACETS, type Facet, type SearchState } from "./filters";
import { Content } from "../i18n/Content";
import { enumLabel } from "./labels";

const TITLES: Record<Facet, MessageKey> = {
  type: "facetType",
  audience: "facetAudience",
  country: "facetCountry",
  region: "facetRegion",
  specialty: "facetSpecialty",
  pathway: "facetPathway",
  requirement: "facetRequirement",
};
/** Facets whose values are the API's enums: labelled in the interface's language. */
const ENUM_FACETS: Partial<Record<Facet, "type" | "audience" | "country">> = {
  type: "type",
  audience: "audience",
  country: "country",
};

/** Placeholder rows until the counts arrive: as many as the enum has values, else a typical number. */
const PLACEHOLDER_ROWS: Record<Facet, number> = {
  type: 4,
  audience: 2,
  country: 2,
  region: 6,
  specialty: 6,
  pathway: 5,
  requirement: 8,
};

/**
 * The filters: one group of checkboxes per facet, each value with its count from
 * `programFacets` (programs matching it and every other active filter). A selected value with no
 * count left stays listed, so it can be unchecked.
 */
export function FacetSidebar(props: {
  facets: SearchPageQuery["programFacets"] | null;
  state: SearchState;
  onToggle: (facet: Facet, value: string) => void;
}) {
  const { t } = useI18n();
  const { facets, state, onToggle } = props;
  return (
    <div className="facets">
      {FACETS.map((facet) => {
        const counts: FacetValuesFragment[] = facets?.[facet] ?? [];
        const shown = [...counts];
        for (const v of state.selected[facet])
          if (!shown.some((c) => c.value === v)) shown.push({ value: v, label: v, labelLocale: "EN", count: 0 });
        if (facets && shown.length === 0) return null;
        const enumPrefix = ENUM_FACETS[facet];
        return (
          <fieldset key={facet} className="facet">
            <legend>{t(TITLES[facet])}</legend>
            <ul>
              {!facets &&
                Array.from({ length: PLACEHOLDER_ROWS[facet] - shown.length }, (_, i) => (
                  <li key={`placeholder-${i}`} aria-hidden="true">
                    <span className="skeleton skeleton-row" />
                  </li>
                ))}
              {shown.map((c) => {
                const id = `facet-${facet}-${c.value}`;
                const label = enumPrefix ? enumLabel(t, enumPrefix, c.value) : c.label;
                return (
                  <li key={c.value}>
                    <input
                      id={id}
                      type="checkbox"
                      name={facet}
                      value={c.value}
                      checked={state.selected[facet].includes(c.value)}
                      onChange={() => onToggle(facet, c.value)}
                    />
                    <label htmlFor={id}>
                      {enumPrefix ? <span>{label}</span> : <Content locale={c.labelLocale}>{label}</Content>}{" "}
                      <span className="count">({c.count})</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
