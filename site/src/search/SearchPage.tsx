import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { runQuery } from "../api/client";
import { useQuery } from "../api/useQuery";
import { MoreProgramsDocument, SearchPageDocument, type ProgramCardFragment } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { ErrorNote } from "../layout/States";
import { FacetSidebar } from "./FacetSidebar";
import { filterOf, hasFilters, paramsOf, searchStateOf, toggled, type Facet } from "./filters";
import { CardSkeletons, ProgramCard } from "./ProgramCard";

const PAGE_SIZE = 20;

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

  // Pages after the first, for the current search only.
  const [more, setMore] = useState<{
    key: string;
    nodes: ProgramCardFragment[];
    endCursor: string | null;
    hasNext: boolean;
  } | null>(null);
  const [moreLoading, setMoreLoading] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  const key = JSON.stringify(variables);
  const extra = more?.key === key ? more : null;
  const firstPage = data?.programs;
  const nodes = [...(firstPage?.edges.map((e) => e.node) ?? []), ...(extra?.nodes ?? [])];
  const hasNext = extra ? extra.hasNext : Boolean(firstPage?.pageInfo.hasNextPage);
  const endCursor = extra ? extra.endCursor : (firstPage?.pageInfo.endCursor ?? null);

  const loadMore = async () => {
    setMoreLoading(true);
    setMoreError(null);
    try {
      const page = await runQuery(MoreProgramsDocument, { ...variables, after: endCursor });
      setMore({
        key,
        nodes: [...(extra?.nodes ?? []), ...page.programs.edges.map((e) => e.node)],
        endCursor: page.programs.pageInfo.endCursor ?? null,
        hasNext: page.programs.pageInfo.hasNextPage,
      });
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setMoreLoading(false);
    }
  };

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
            {data && nodes.length === 0 && <p>{t("noResults")}</p>}
            {nodes.map((p) => (
              <ProgramCard key={p.id} program={p} />
            ))}
          </div>
          {moreError && <ErrorNote error={moreError} />}
          {hasNext && (
            <button type="button" className="load-more" onClick={loadMore} disabled={moreLoading}>
              {moreLoading ? t("loading") : t("loadMore")}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
