import polyglotI18nProvider from "ra-i18n-polyglot";
import en from "./en";

export const i18nProvider = polyglotI18nProvider(() => en, "en", [{ locale: "en", name: "English" }], {
  allowMissing: true,
});

/** The curator's own locale for dates (the browser's preference). */
export function curatorLocale(): string {
  return (typeof navigator !== "undefined" && (navigator.languages?.[0] ?? navigator.language)) || "en-US";
}
