import { registerEnumType } from "type-graphql";

/** The languages the directory's content is written in. */
export enum Locale {
  EN = "EN",
  FR = "FR",
}
registerEnumType(Locale, {
  name: "Locale",
  description: "A language of the directory's content: EN (English, the source text) or FR (French, its translation)",
});

/**
 * The locale a request asked for: the `locale` argument of the root field a value hangs under,
 * else the request's Accept-Language, else EN. Root resolvers record their argument here before
 * their children resolve, so every text under `programs(locale: FR)` answers in French even when
 * another root field of the same request asks for English.
 */
export interface RequestLocale {
  /** From Accept-Language (GET and POST alike); EN when the header names neither language. */
  readonly fromHeader: Locale;
  /** The `locale` argument per root response key (alias or field name). */
  readonly byRootField: Map<string, Locale>;
}

export function requestLocale(fromHeader: Locale = Locale.EN): RequestLocale {
  return { fromHeader, byRootField: new Map() };
}

/** What resolvers know of their position: a response path (graphql-js and graphql-jit give one). */
export interface PathInfo {
  path: { key: string | number; prev: PathInfo["path"] | undefined };
}

function rootKey(info: PathInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}

/** A root field's `locale` argument: the texts below it answer in that locale. */
export function answerIn(locale: RequestLocale, info: PathInfo, asked: Locale | null | undefined): void {
  if (asked) locale.byRootField.set(rootKey(info), asked);
}

/** The locale the value at `info` should answer in. */
export function localeAt(locale: RequestLocale, info: PathInfo): Locale {
  if (locale.byRootField.size === 0) return locale.fromHeader;
  return locale.byRootField.get(rootKey(info)) ?? locale.fromHeader;
}

/**
 * The preferred of EN and FR in an Accept-Language header (RFC 9110 quality values; `fr-CA`
 * counts as French), or null when it names neither. Ties go to the one listed first.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(",").slice(0, 20)) {
    const [tag, ...params] = part.trim().split(";");
    const language = tag.trim().toLowerCase().split("-")[0];
    const locale = language === "fr" ? Locale.FR : language === "en" ? Locale.EN : null;
    if (!locale) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? null;
}

/** One text as answered: in the locale asked for when it has one, else in the other. */
export interface LocalizedValue {
  text: string;
  locale: Locale;
}

const present = (text: string | null | undefined): text is string => typeof text === "string" && text.trim() !== "";

/** Picks the English source or its French translation for `locale`, falling back to the other. */
export function pickText(
  english: string | null | undefined,
  french: string | null | undefined,
  locale: Locale,
): LocalizedValue | null {
  const [first, second] = locale === Locale.FR ? [french, english] : [english, french];
  const other = locale === Locale.FR ? Locale.EN : Locale.FR;
  if (present(first)) return { text: first, locale };
  if (present(second)) return { text: second, locale: other };
  return null;
}

/**
 * Text with its accents removed and lower-cased, so "Montréal" and "montreal" compare equal:
 * canonical decomposition (NFD) splits "é" into "e" and a combining mark, which is dropped.
 */
export function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** A record's English text and its French translation, answered for the value at `info`. */
export function answerText(
  locale: RequestLocale,
  info: PathInfo,
  english: string | null | undefined,
  french: string | null | undefined,
): LocalizedValue | null {
  return pickText(english, french, localeAt(locale, info));
}

/** GraphQL descriptions shared by every translated field, so that all types read alike. */
export const TEXT_DOC = {
  text: (field: string) =>
    `In the locale asked for (the root field's \`locale\` argument, else Accept-Language, else EN); in the other one when it has no text there: \`${field}Locale\` says which`,
  locale: (field: string) =>
    `The locale \`${field}\` answered in: not the one asked for when \`${field}\` is untranslated (a frontend can mark it)`,
  stale: "True when the French translation is older than the English text it translates (due for review)",
};

/** The `locale` argument of the root fields that answer directory text. */
export const LOCALE_ARG = {
  nullable: true,
  description:
    "The language to answer texts in (titles, names, descriptions), here and in everything below; default: the request's Accept-Language, else EN. An untranslated text answers in the other language, and its `…Locale` field says so",
} as const;
