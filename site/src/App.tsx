import { lazy, Suspense, useEffect } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { setContentLocale } from "./i18n/content-locale";
import { I18nProvider } from "./i18n/i18n";
import { browserLang, langFromPath } from "./i18n/lang";
import { Layout } from "./layout/Layout";
import { NotFound, PageSkeleton } from "./layout/States";
import { SearchPage } from "./search/SearchPage";

// Only the search is in the first bundle; every other page loads when first opened.
const ProgramPage = lazy(() => import("./program/ProgramPage"));
const InstitutionPage = lazy(() => import("./institution/InstitutionPage"));
const EligibilityPage = lazy(() => import("./eligibility/EligibilityPage"));
const ComparePage = lazy(() => import("./compare/ComparePage"));

function Pages() {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Routes>
        <Route index element={<SearchPage />} />
        <Route path="programs/:slug" element={<ProgramPage />} />
        <Route path="institutions/:slug" element={<InstitutionPage />} />
        <Route path="eligibility" element={<EligibilityPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

/** The language: the URL's prefix (`/fr/…`, `/en/…`) when it has one, else the browser's. */
export function App() {
  const { pathname } = useLocation();
  const explicit = langFromPath(pathname);
  const lang = explicit ?? browserLang();
  const prefix = explicit ? `/${explicit}` : "";
  setContentLocale(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <I18nProvider lang={lang} prefix={prefix}>
      <Layout>
        <Routes>
          <Route path="/fr/*" element={<Pages />} />
          <Route path="/en/*" element={<Pages />} />
          <Route path="/*" element={<Pages />} />
        </Routes>
      </Layout>
    </I18nProvider>
  );
}
