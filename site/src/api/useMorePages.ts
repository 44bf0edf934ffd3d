import { useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { runQuery } from "./client";
import { queryKey } from "./useQuery";

/** One page of a Relay connection, reduced to what "load more" needs. */
export interface LoadedPage<TNode> {
  nodes: TNode[];
  endCursor: string | null;
  hasNext: boolean;
}

/**
 * Pages loaded after the first, by operation, variables and content language. Kept outside the
 * component so that Back to a list shows every page the applicant had loaded, not only the first.
 */
const loaded = new Map<string, LoadedPage<unknown>>();
const MAX_LISTS = 20;

export interface MorePages<TNode> {
  /** The first page's nodes followed by every page loaded after it. */
  nodes: TNode[];
  hasNext: boolean;
  loading: boolean;
  error: Error | null;
  loadMore: () => Promise<void>;
}

/**
 * "Load more" for a connection whose first page `useQuery` answers: asks `document` for the page
 * after the last one shown (`after` = its end cursor) and appends it.
 */
export function useMorePages<TResult, TVariables extends { after?: string | null }, TNode>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: Omit<TVariables, "after"> | null,
  firstPage: LoadedPage<TNode> | null,
  pageOf: (result: TResult) => LoadedPage<TNode>,
): MorePages<TNode> {
  const key = variables === null ? null : queryKey(document, variables);
  const [, rerender] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<{ key: string | null; error: Error } | null>(null);
  const extra = key !== null ? ((loaded.get(key) as LoadedPage<TNode> | undefined) ?? null) : null;

  const loadMore = async () => {
    if (key === null || variables === null || !firstPage) return;
    setLoading(true);
    setError(null);
    try {
      const after = extra ? extra.endCursor : firstPage.endCursor;
      const next = pageOf(await runQuery(document, { ...variables, after } as TVariables));
      loaded.delete(key); // re-inserted last: the oldest lists are the ones forgotten
      loaded.set(key, {
        nodes: [...(extra?.nodes ?? []), ...next.nodes],
        endCursor: next.endCursor,
        hasNext: next.hasNext,
      });
      if (loaded.size > MAX_LISTS) loaded.delete(loaded.keys().next().value as string);
      rerender((n) => n + 1);
    } catch (e) {
      setError({ key, error: e as Error });
    } finally {
      setLoading(false);
    }
  };

  return {
    // Extra pages only once the first page they follow is on screen.
    nodes: firstPage ? [...firstPage.nodes, ...(extra?.nodes ?? [])] : [],
    hasNext: firstPage ? (extra ? extra.hasNext : firstPage.hasNext) : false,
    loading,
    error: error?.key === key ? error.error : null,
    loadMore,
  };
}
