import type { Lang } from "./lang";

/**
 * The one place where the interface language reaches the content. Today the API answers its
 * texts (titles, descriptions, names) in English only, so no variable is sent. Once it takes
 * `locale: EN | FR`, add `$locale: Locale` to the operations in site/src/operations and return
 * `{ locale: current.toUpperCase() }` here: every query (and its cache key) gets it at once.
 */
let current: Lang = "en";

export function setContentLocale(lang: Lang): void {
  current = lang;
}

/** Variables every site query carries for the content's language (none yet; see above). */
export function contentVariables(): Record<string, string> {
  return {};
}

/**
 * The language the API's texts are in, for the `lang` attribute of content blocks (screen readers
 * pronounce them right; French pages mark English text). English until the API says otherwise.
 */
export function contentLang(): Lang {
  return "en";
}

/** The interface language content queries were last asked for. */
export function contentLocale(): Lang {
  return current;
}
