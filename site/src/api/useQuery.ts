import { useEffect, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { contentVariables } from "../i18n/content-locale";
import { runQuery } from "./client";

export interface QueryState<T> {
  data: T | null;
  error: Error | null;
  /** True while an answer for the current variables is awaited (data may be the previous answer). */
  loading: boolean;
}

/** Answers already received, by operation and variables: Back shows a page at once. */
const answers = new Map<string, unknown>();
const MAX_ANSWERS = 50;

/** Names an answer: the operation, its variables and the content language. */
export function queryKey(document: unknown, variables: object): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  return `${String(hash)} ${JSON.stringify({ ...variables, ...contentVariables() })}`;
}

/**
 * Runs a query when it or its variables change (`variables === null`: not now). While the next
 * answer loads, the previous one stays on screen (no flash, no layout jump); an answer that
 * arrives after the variables changed again is dropped.
 */
export function useQuery<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> {
  const key = variables === null ? null : queryKey(document, variables);
  const cached = key !== null ? ((answers.get(key) as TResult | undefined) ?? null) : null;
  const [state, setState] = useState<QueryState<TResult>>({
    data: cached,
    error: null,
    loading: key !== null && !cached,
  });

  useEffect(() => {
    if (key === null || variables === null) return;
    const hit = answers.get(key) as TResult | undefined;
    if (hit) {
      setState({ data: hit, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, error: null, loading: true }));
    runQuery(document, variables, controller.signal).then(
      (data) => {
        answers.set(key, data);
        if (answers.size > MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
        setState({ data, error: null, loading: false });
      },
      (error: Error) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => controller.abort();
    // The key stands for the document and the variables (and the content locale).
  }, [key]);

  return state;
}
