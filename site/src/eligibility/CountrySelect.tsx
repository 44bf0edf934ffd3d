import { useI18n } from "../i18n/i18n";
import { countryOptions } from "./countries";

/** A labelled multiple choice of countries (ISO codes as values, names in the interface's language). */
export function CountrySelect(props: {
  id: string;
  label: string;
  value: string[];
  onChange: (codes: string[]) => void;
}) {
  const { lang, t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        multiple
        size={5}
        value={props.value}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {countryOptions(lang).map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <span id={`${props.id}-hint`} className="hint">
        {t("profileCountriesHint")}
      </span>
    </div>
  );
}
