import type { TypedDocumentString } from "../gql/graphql";
import { contentVariables } from "../i18n/content-locale";

/**
 * The site's only way to the data: the public GraphQL API at /graphql, as any outside frontend
 * would use it. Every query is a GET naming a persisted query by its SHA-256 (computed by
 * GraphQL Code Generator from site/src/operations/*.graphql), so the URL is short and a CDN or
 * the browser can cache the answer (`Cache-Control: public, max-age=…`). When the server has not
 * seen the hash yet (PERSISTED_QUERY_NOT_FOUND: its cache is per process and in memory), the
 * query's text is loaded (a separate chunk, only then) and sent once with the hash; from then on
 * the hash alone works (Apollo's automatic persisted queries). See docs/SITE.md.
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

type Variables = Record<string, unknown>;

function hashOf(document: TypedDocumentString<unknown, unknown>): string {
  const hash = (document as unknown as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error("a site operation without a persisted-query hash: run npm run codegen");
  return hash;
}

/** Same variables, same URL: keys sorted and empty values dropped, so that caches see one address. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined && x !== null)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

export function requestUrl(hash: string, variables: Variables, query?: string): string {
  const params = new URLSearchParams();
  params.set("extensions", canonicalJson({ persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, "") } }));
  if (Object.keys(variables).length) params.set("variables", canonicalJson(variables));
  if (query) params.set("query", query);
  return `/graphql?${params}`;
}

let documentTexts: Promise<Record<string, string>> | null = null;
/** The operations' texts by hash: only needed when the server has not seen a hash yet. */
function documentText(hash: string): Promise<string> {
  documentTexts ??= import("../gql/persisted-documents.json").then((m) => m.default as Record<string, string>);
  return documentTexts.then((texts) => {
    const text = texts[hash];
    if (!text) throw new Error(`no text for the persisted query ${hash}`);
    return text;
  });
}

async function get<T>(url: string, signal?: AbortSignal): Promise<GraphqlAnswer<T>> {
  // CSRF prevention on the server wants a non-simple header on a GET; it does not vary the answer.
  const res = await fetch(url, { headers: { "apollo-require-preflight": "true" }, signal });
  return (await res.json()) as GraphqlAnswer<T>;
}

/** Runs a site query (the content locale added in one place: i18n/content-locale.ts). */
export async function runQuery<TResult, TVariables extends Variables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const hash = hashOf(document as TypedDocumentString<unknown, unknown>);
  const all = { ...variables, ...contentVariables() };
  let answer = await get<TResult>(requestUrl(hash, all), signal);
  if (answer.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
    answer = await get<TResult>(requestUrl(hash, all, await documentText(hash)), signal);
  }
  if (answer.errors?.length) {
    const first = answer.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? null);
  }
  if (!answer.data) throw new ApiError("The API answered no data", null);
  return answer.data;
}
