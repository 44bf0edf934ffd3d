import { useEffect } from "react";
import { useLocaleState, useLocation } from "react-admin";
import { localeFromUrl } from "./locale";

/**
 * Keeps the language and the address in step while the admin runs (index.ts reads them on start):
 * - a link inside the app that names a language (`#/programs?locale=fr`) switches to it;
 * - once the curator picks another language from the switcher, a `?lang=` before the hash that says
 *   otherwise is taken out of the address, so that reloading keeps their choice.
 */
export function useLocaleFromLink(): void {
  const { search } = useLocation();
  const [locale, setLocale] = useLocaleState();

  useEffect(() => {
    const asked = localeFromUrl({ search: "", hash: `#${search}` });
    if (asked) setLocale(asked);
    // Only when the route's query changes: the switcher must be able to change the language after.
  }, [search]);

  useEffect(() => {
    const url = new URL(window.location.href);
    const asked = localeFromUrl({ search: url.search, hash: "" });
    if (!asked || asked === locale) return;
    url.searchParams.delete("lang");
    url.searchParams.delete("locale");
    window.history.replaceState(window.history.state, "", url);
  }, [locale]);
}
