import { createContext, useContext, useMemo, type ReactNode } from "react";
import { en, type MessageKey } from "./en";
import { fr } from "./fr";
import type { Lang } from "./lang";

/**
 * A small typed dictionary rather than an i18n library: the keys are checked at compile time
 * (fr.ts must have every key of en.ts), `{name}` placeholders and plurals (Intl.PluralRules) are
 * all the site needs, and it costs no bytes on the cold load. Dates use Intl.DateTimeFormat.
 */
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, fr };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  /** The path prefix of an explicit language in the URL (`/fr`), or "" when the browser chose. */
  prefix: string;
  t: Translate;
  /** `count` things: picks `${key}One` or `${key}Other`. */
  plural: (key: "results" | "eligibilityResults", count: number) => string;
  date: (iso: string) => string;
  /** A calendar day ("YYYY-MM-DD", the API's LocalDate) as that very day, whatever the browser's time zone. */
  day: (localDate: string) => string;
  /** A site path with the current language prefix kept. */
  href: (path: string) => string;
}

function interpolate(text: string, values?: Record<string, string | number>): string {
  return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
}

export function makeI18n(lang: Lang, prefix: string): I18n {
  const dictionary = dictionaries[lang];
  const rules = new Intl.PluralRules(lang);
  const dates = new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-US", { dateStyle: "long", timeZone: "UTC" });
  const numbers = new Intl.NumberFormat(lang);
  const t: Translate = (key, values) => interpolate(dictionary[key], values);
  return {
    lang,
    prefix,
    t,
    plural: (key, count) =>
      t(`${key}${rules.select(count) === "one" ? "One" : "Other"}` as MessageKey, { count: numbers.format(count) }),
    date: (iso) => dates.format(new Date(iso)),
    day: (localDate) => {
      const [y, m, d] = localDate.split("-").map(Number);
      return dates.format(new Date(Date.UTC(y, m - 1, d)));
    },
    href: (path) => `${prefix}${path === "/" && prefix ? "" : path}` || "/",
  };
}

const I18nContext = createContext<I18n>(makeI18n("en", ""));

export function I18nProvider({ lang, prefix, children }: { lang: Lang; prefix: string; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang, prefix), [lang, prefix]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
