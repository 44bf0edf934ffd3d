import type { Locale } from "../gql/graphql";
import type { Lang } from "./lang";

/**
 * The one place where the interface language reaches the content. Every site operation takes
 * `$locale: Locale`, and every query (and its cache key) carries the interface's language here:
 * the API answers titles, names and descriptions in it, falling back to the other language for an
 * untranslated text and saying so in the text's `…Locale` field. It is always sent (EN too) so
 * that an answer never depends on the browser's Accept-Language, and caches see one address.
 */
let current: Lang = "en";

export function setContentLocale(lang: Lang): void {
  current = lang;
}

/** Variables every site query carries for the content's language. */
export function contentVariables(): { locale: Locale } {
  return { locale: current === "fr" ? "FR" : "EN" };
}

/** The `lang` attribute for a text the API answered in `locale` (English when it does not say). */
export function contentLang(locale?: Locale | null): Lang {
  return locale === "FR" ? "fr" : "en";
}

/** The interface language content queries were last asked for. */
export function contentLocale(): Lang {
  return current;
}
