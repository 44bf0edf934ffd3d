import { useEffect, useRef, type ReactNode } from "react";
import { Link, NavLink, useLocation } from "react-router-dom";
import { useCompareSelection } from "../compare/compare-store";
import { useI18n } from "../i18n/i18n";
import { LANGS, stripLang } from "../i18n/lang";

const LANGUAGE_NAMES = { en: "English", fr: "Français" } as const;

/** The language switcher: the same page, with the other language's prefix. */
function LanguageSwitcher() {
  const { lang, t } = useI18n();
  const { pathname, search } = useLocation();
  const rest = stripLang(pathname);
  return (
    <nav aria-label={t("language")} className="languages">
      <ul>
        {LANGS.map((l) => (
          <li key={l}>
            <Link
              to={`/${l}${rest === "/" ? "" : rest}${search}`}
              lang={l}
              hrefLang={l}
              aria-current={l === lang ? "true" : undefined}
            >
              {LANGUAGE_NAMES[l]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Every page's frame: a skip link, the banner with the main navigation and the language
 * switcher, one <main> (focused after each navigation, so keyboard and screen-reader users
 * start at the new content), and a footer.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t, href } = useI18n();
  const { pathname } = useLocation();
  const compared = useCompareSelection();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="banner">
        <div className="banner-inner">
          <Link to={href("/")} className="brand">
            {t("siteName")}
          </Link>
          <nav aria-label={t("siteName")} className="main-nav">
            <ul>
              <li>
                <NavLink to={href("/")} end>
                  {t("navSearch")}
                </NavLink>
              </li>
              <li>
                <NavLink to={href("/eligibility")}>{t("navEligibility")}</NavLink>
              </li>
              <li>
                <NavLink
                  to={href(compared.length ? `/compare?${compared.map((id) => `ids=${id}`).join("&")}` : "/compare")}
                >
                  {t("navCompare", { count: compared.length })}
                </NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>{t("footerApi")}</p>
      </footer>
    </>
  );
}
