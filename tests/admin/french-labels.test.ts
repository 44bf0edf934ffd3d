/** The admin's French labels and how it picks its language, without a browser. */
type Messages = Record<string, unknown>;
type Locale = "en" | "fr";

let en: Messages;
let fr: Messages;
let locale: {
  localeFromUrl(l: { search: string; hash: string }): Locale | null;
  localeFromBrowser(languages: readonly string[]): Locale | null;
  startingLocale(url: Locale | null, remembered: unknown, browser: Locale | null): Locale;
};
beforeAll(() => {
  /* eslint-disable @typescript-eslint/no-require-imports -- not imports: the server's type-check would load the admin's DOM code */
  en = require("../../admin/src/i18n/en").default;
  fr = require("../../admin/src/i18n/fr").default;
  locale = require("../../admin/src/i18n/locale");
  /* eslint-enable @typescript-eslint/no-require-imports */
});

/** "a.b.c" → its text, for every text of a message tree. */
function texts(tree: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else if (value && typeof value === "object") for (const [k, v] of texts(value as Messages, path)) out.set(k, v);
  }
  return out;
}

describe("the admin's French messages", () => {
  it("have a French text for every English one, react-admin's and the directory's, with the same placeholders", () => {
    const english = texts(en);
    const french = texts(fr);
    const missing = [...english.keys()].filter((key) => !french.has(key));
    expect(missing).toEqual([]);
    const placeholders = (text: string) => [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const plural = (text: string) => text.includes("||||");
    // react-admin's own texts are ra-language-french's to get right; ours (and our overrides of theirs) are checked.
    const ours = (key: string) =>
      !key.startsWith("ra.") || /^ra\.(notification\.(created|updated|deleted)|auth\.username)$/.test(key);
    for (const [key, text] of english) {
      if (!ours(key)) continue;
      const translated = french.get(key)!;
      expect({ key, placeholders: placeholders(translated) }).toEqual({ key, placeholders: placeholders(text) });
      if (plural(text)) expect({ key, plural: plural(translated) }).toEqual({ key, plural: true });
    }
  });

  it("are French: react-admin's own (ra-language-french) and the directory's", () => {
    const french = texts(fr);
    expect(french.get("ra.action.create")).toBe("Créer");
    expect(french.get("ra.auth.username")).toBe("Courriel");
    expect(french.get("resources.programs.name")).toBe("Programme |||| Programmes");
    expect(french.get("directory.enums.ProgramType.OBSERVERSHIP")).toBe("Stage d'observation");
    expect(french.get("directory.webhooks.copy")).toBe("Copier");
    // Only API identifiers, codes, formats and words French shares with English are left as they were.
    const english = texts(en);
    const same = [...english].filter(([key, text]) => french.get(key) === text).map(([key]) => key);
    const shared =
      /^(directory\.enums\.WebhookEventType\.|.*\.(description|version|type|code|note|action|minimum|download_json|download_ndjson|messageId|provenance|status)$|directory\.enums\.(RequirementKind\.(CERTIFICATION|IMMIGRATION|DOCUMENT)|Country\.CA)$|directory\.history\.(version|link_fields\.(minimumScore|note))$|resources\.webhooks\.name$)/;
    expect(same.filter((key) => !shared.test(key) && !key.startsWith("ra."))).toEqual([]);
  });
});

describe("the admin's language", () => {
  it("comes from the address first: ?lang= or ?locale= before the hash, or in the hash router's query", () => {
    expect(locale.localeFromUrl({ search: "?lang=fr", hash: "#/programs" })).toBe("fr");
    expect(locale.localeFromUrl({ search: "?locale=FR-ca", hash: "" })).toBe("fr");
    expect(locale.localeFromUrl({ search: "", hash: "#/programs?locale=fr" })).toBe("fr");
    expect(locale.localeFromUrl({ search: "?lang=en", hash: "#/programs?locale=fr" })).toBe("en");
    expect(locale.localeFromUrl({ search: "?lang=de", hash: "#/programs" })).toBeNull();
    expect(locale.localeFromUrl({ search: "", hash: "#/programs?filter=%7B%7D" })).toBeNull();
  });

  it("then from the curator's last choice, then from the browser's first language the admin speaks, then English", () => {
    expect(locale.localeFromBrowser(["fr-CA", "en-US"])).toBe("fr");
    expect(locale.localeFromBrowser(["de-DE", "fr"])).toBe("fr");
    expect(locale.localeFromBrowser(["de-DE"])).toBeNull();
    expect(locale.startingLocale("fr", "en", "en")).toBe("fr");
    expect(locale.startingLocale(null, "fr", "en")).toBe("fr");
    expect(locale.startingLocale(null, "xx", "fr")).toBe("fr");
    expect(locale.startingLocale(null, undefined, "fr")).toBe("fr");
    expect(locale.startingLocale(null, undefined, null)).toBe("en");
  });
});
