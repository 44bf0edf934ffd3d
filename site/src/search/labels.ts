import type { MessageKey } from "../i18n/en";
import type { Translate } from "../i18n/i18n";

/**
 * The interface's own words for the API's enum values (facets, cards, program pages). An enum
 * value the site does not know yet (added to the API later) has no text: it shows as it is.
 */
export function enumLabel(
  t: Translate,
  prefix: "type" | "audience" | "country" | "level" | "kind",
  value: string,
): string {
  const text: string | undefined = t(`${prefix}${value}` as MessageKey);
  return text ?? value;
}
