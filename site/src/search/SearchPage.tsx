import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { useMorePages, type LoadedPage } from "../api/useMorePages";
import { useQuery } from "../api/useQuery";
import { MoreProgramsDocument, SearchPageDocument, type ProgramCardFragment } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { ErrorNote } from "../layout/States";
import { FacetSidebar } from "./FacetSidebar";
import { filterOf, hasFilters, paramsOf, searchStateOf, toggled, type Facet } from "./filters";
import { CardSkeletons, ProgramCard } from "./ProgramCard";

const PAGE_SIZE = 20;

function pageOfPrograms(programs: {
  edges: { node: ProgramCardFragment }[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}): LoadedPage<ProgramCardFragment> {
  return {
    nodes: programs.edges.map((e) => e.node),
    endCursor: programs.pageInfo.endCursor ?? null,
    hasNext: programs.pageInfo.hasNextPage,
  };
}

/** The search: words, the facet sidebar, and the results a page at a time ("load more"). */
export function SearchPage() {
  const { t, plural } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => searchStateOf(params), [params]);
  const variables = useMemo(
    () => ({ filter: filterOf(state), search: state.search || null, first: PAGE_SIZE }),
    [state],
  );
  const { data, error, loading } = useQuery(SearchPageDocument, variables);
  const [words, setWords] = useState(state.search);
  useEffect(() => setWords(state.search), [state.search]);

  const firstPage = data?.programs;
  const more = useMorePages(MoreProgramsDocument, variables, firstPage ? pageOfPrograms(firstPage) : null, (answer) =>
    pageOfPrograms(answer.programs),
  );

  const onToggle = (facet: Facet, value: string) => setParams(paramsOf(toggled(state, facet, value)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setParams(paramsOf({ ...state, search: words.trim() }));
  };

  return (
    <div className="search-page">
      <h1 className="visually-hidden">{t("navSearch")}</h1>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="search-words">{t("searchLabel")}</label>
        <div className="search-row">
          <input
            id="search-words"
            type="search"
            value={words}
            placeholder={t("searchPlaceholder")}
            onChange={(e) => setWords(e.target.value)}
          />
          <button type="submit">{t("searchButton")}</button>
        </div>
      </form>
      <div className="search-columns">
        <aside aria-labelledby="filters-title" className="sidebar">
          <h2 id="filters-title">{t("filters")}</h2>
          {/* Always laid out (hidden when there is nothing to clear), so the facets never move. */}
          <button
            type="button"
            className={hasFilters(state) ? "link-button" : "link-button invisible"}
            onClick={() => setParams(new URLSearchParams())}
          >
            {t("clearFilters")}
          </button>
          <FacetSidebar facets={data?.programFacets ?? null} state={state} onToggle={onToggle} />
        </aside>
        <section aria-labelledby="results-title" className="results" aria-busy={loading}>
          <h2 id="results-title" className="results-count" aria-live="polite">
            {firstPage ? plural("results", firstPage.totalCount) : t("loading")}
          </h2>
          {error && <ErrorNote error={error} />}
          <div className={loading && data ? "result-list stale" : "result-list"} data-testid="results">
            {!data && <CardSkeletons count={6} />}
            {data && more.nodes.length === 0 && <p>{t("noResults")}</p>}
            {more.nodes.map((p) => (
              <ProgramCard key={p.id} program={p} />
            ))}
          </div>
          {more.error && <ErrorNote error={more.error} />}
          {more.hasNext && (
            <button type="button" className="load-more" onClick={more.loadMore} disabled={more.loading}>
              {more.loading ? t("loading") : t("loadMore")}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
