/**
 * Every country as ISO 3166-1 alpha-2 code and name in the interface's language, from the
 * browser's own Intl.DisplayNames (no list shipped): the two-letter codes it names, less the
 * groupings and private-use codes that are no country.
 */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AA", "QM", "QN", "QP", "QU", "XK"]);

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
      if (NOT_COUNTRIES.has(code) || code.startsWith("Q") || code.startsWith("X")) continue;
      const name = names.of(code);
      if (name && name !== code) options.push({ code, name });
    }
  options.sort((x, y) => x.name.localeCompare(y.name, lang));
  cache.set(lang, options);
  return options;
}
