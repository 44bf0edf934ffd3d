/**
 * Every country as ISO 3166-1 alpha-2 code and name in the interface's language, from the
 * browser's own Intl.DisplayNames (no list shipped): the two-letter codes it names, less the
 * groupings, private-use and withdrawn codes that are no country (so each country once).
 */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "ZZ", "AA"]);
/** Withdrawn codes the browser still names (the country's current code stays). */
const WITHDRAWN = new Set([
  "AN",
  "BU",
  "CS",
  "DD",
  "DY",
  "FX",
  "HV",
  "NH",
  "NT",
  "RH",
  "SU",
  "TP",
  "UK",
  "VD",
  "YD",
  "YU",
  "ZR",
]);

const cache = new Map<string, { code: string; name: string }[]>();

export function countryOptions(lang: string): { code: string; name: string }[] {
  const hit = cache.get(lang);
  if (hit) return hit;
  const names = new Intl.DisplayNames([lang], { type: "region", fallback: "none" });
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const options: { code: string; name: string }[] = [];
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code) || WITHDRAWN.has(code) || code.startsWith("Q") || code.startsWith("X")) continue;
      const name = names.of(code);
      if (name && name !== code) options.push({ code, name });
    }
  options.sort((x, y) => x.name.localeCompare(y.name, lang));
  cache.set(lang, options);
  return options;
}
