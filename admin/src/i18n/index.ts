import polyglotI18nProvider from "ra-i18n-polyglot";
import { localStorageStore } from "ra-core";
import en from "./en";
import fr from "./fr";
import { LOCALES, LOCALE_STORE_KEY, localeFromBrowser, localeFromUrl, startingLocale } from "./locale";

/** react-admin's store (localStorage, as <Admin> uses by default; from ra-core, which the admin's tests can load): it remembers the chosen language. */
export const store = localStorageStore();

const browserLanguages = (): readonly string[] =>
  typeof navigator === "undefined" ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];

const fromUrl = typeof window === "undefined" ? null : localeFromUrl(window.location);
const initialLocale = startingLocale(fromUrl, store.getItem(LOCALE_STORE_KEY), localeFromBrowser(browserLanguages()));
// A link's language becomes the remembered choice: react-admin switches to the stored one on start.
if (fromUrl) store.setItem(LOCALE_STORE_KEY, fromUrl);

const catalogues = { en, fr };

export const i18nProvider = polyglotI18nProvider(
  (locale) => catalogues[locale as keyof typeof catalogues] ?? en,
  initialLocale,
  [...LOCALES],
  { allowMissing: true },
);

/**
 * The curator's locale for dates and numbers: the browser's own (en-GB, fr-CA) when it is in the
 * interface's language, else the interface's language.
 */
export function curatorLocale(): string {
  const ui = i18nProvider.getLocale();
  const preferred = browserLanguages()[0];
  return preferred && preferred.toLowerCase().split("-")[0] === ui ? preferred : ui;
}
