/** The admin's interface languages; the first is the fallback. */
export const LOCALES = [
  { locale: "en", name: "English" },
  { locale: "fr", name: "Français" },
] as const;

export type AdminLocale = (typeof LOCALES)[number]["locale"];

/** Where react-admin's store keeps the chosen language (its LocalesMenuButton writes it there). */
export const LOCALE_STORE_KEY = "locale";

const supported = (tag: string | null | undefined): AdminLocale | null => {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l.locale === primary)?.locale ?? null;
};

/**
 * The language a link asks for: `?lang=fr` (or `?locale=fr`) before the hash, or after it in the
 * hash router's own query (`#/programs?locale=fr`).
 */
export function localeFromUrl(location: { search: string; hash: string }): AdminLocale | null {
  const hashQuery = location.hash.includes("?") ? location.hash.slice(location.hash.indexOf("?")) : "";
  for (const query of [location.search, hashQuery]) {
    const params = new URLSearchParams(query);
    const asked = supported(params.get("lang") ?? params.get("locale"));
    if (asked) return asked;
  }
  return null;
}

/** The first of the browser's preferred languages that the admin speaks (fr-CA → fr). */
export function localeFromBrowser(languages: readonly string[]): AdminLocale | null {
  for (const tag of languages) {
    const found = supported(tag);
    if (found) return found;
  }
  return null;
}

/**
 * The language to start in: the link's, then the one the curator last chose (remembered by
 * react-admin's store), then the browser's, then English.
 */
export function startingLocale(url: AdminLocale | null, remembered: unknown, browser: AdminLocale | null): AdminLocale {
  return url ?? supported(typeof remembered === "string" ? remembered : null) ?? browser ?? LOCALES[0].locale;
}
