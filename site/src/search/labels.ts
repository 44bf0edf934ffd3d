import type { MessageKey } from "../i18n/en";
import type { Translate } from "../i18n/i18n";

/** The interface's own words for the API's enum values (facets, cards, program pages). */
export function enumLabel(
  t: Translate,
  prefix: "type" | "audience" | "country" | "level" | "kind",
  value: string,
): string {
  const key = `${prefix}${value}` as MessageKey;
  try {
    const text = t(key);
    return text === undefined ? value : text;
  } catch {
    return value;
  }
}
