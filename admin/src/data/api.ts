import type { ApolloClient, OperationVariables } from "@apollo/client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { batchDocument } from "./batch";
import { createApolloClient } from "./client";
import { toHttpError, type ApiError } from "./errors";

/** One Apollo client for the whole admin: data provider, auth and custom actions share it. */
export const client: ApolloClient<unknown> = createApolloClient();

/**
 * Runs one query typed by codegen (admin/src/gql): its variables and its answer have the types the
 * committed schema gives them. `signal` lets react-admin cancel a read it no longer needs.
 */
export async function query<R, V extends OperationVariables>(document: TypedDocumentNode<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  try {
    const result = await client.query<R, V>({ query: document, variables, fetchPolicy: "no-cache", context: { fetchOptions: { signal } } });
    return result.data;
  } catch (e) {
    throw toHttpError(e);
  }
}

/** Runs one mutation typed by codegen. */
export async function mutate<R, V extends OperationVariables>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  try {
    const result = await client.mutate<R, V>({ mutation: document, variables, fetchPolicy: "no-cache" });
    if (!result.data) throw toHttpError(new Error("The server answered no data"));
    return result.data;
  } catch (e) {
    throw toHttpError(e);
  }
}

export interface BatchResult<T> {
  /** Per call, in order: its answer, or null where it failed. */
  results: (T | null)[];
  errors: { index: number; error: ApiError }[];
}

/**
 * Runs the root field of `document` once per set of variables, in one request (look-ups by id; writes
 * in bulk use the API's bulk mutations, which answer per record even when one fails):
 * the calls that succeed keep their data, the others are reported by index.
 */
export async function batch<R, V extends OperationVariables>(document: TypedDocumentNode<R, V>, variables: V[]): Promise<BatchResult<R[keyof R]>> {
  if (variables.length === 0) return { results: [], errors: [] };
  const built = batchDocument(document, variables);
  const options = { variables: built.variables, fetchPolicy: "no-cache", errorPolicy: "all" } as const;
  try {
    const result =
      built.kind === "query"
        ? await client.query({ query: built.document, ...options })
        : await client.mutate({ mutation: built.document, ...options });
    const data = (result.data ?? {}) as Record<string, R[keyof R] | null | undefined>;
    const errors = ((result.errors ?? []) as readonly ApiError[]).map((error) => ({ index: built.indexOf(error.path?.[0]), error }));
    return { results: variables.map((_, i) => data[built.alias(i)] ?? null), errors };
  } catch (e) {
    throw toHttpError(e);
  }
}
