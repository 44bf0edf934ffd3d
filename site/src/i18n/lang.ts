/** The interface languages. */
export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

/** The language a path names (`/fr/…`, `/en/…`), or null when it names none. */
export function langFromPath(pathname: string): Lang | null {
  const first = pathname.split("/")[1];
  return (LANGS as readonly string[]).includes(first) ? (first as Lang) : null;
}

/** The path without its language prefix: `/fr/programs/x` → `/programs/x`. */
export function stripLang(pathname: string): string {
  return langFromPath(pathname) ? pathname.slice(3) || "/" : pathname;
}

/** The browser's first language we have, else English. */
export function browserLang(languages: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split("-")[0];
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return "en";
}
