import { gql, type ApolloClient } from "@apollo/client";
import { getIntrospectionQuery, type IntrospectionQuery, type IntrospectionSchema } from "graphql";
import { schemaIndexOf } from "./build-query";
import { createApolloClient } from "./client";
import { toHttpError } from "./errors";
import { buildOperation, type FieldCall } from "./operation";
import type { SchemaIndex } from "./schema-index";

/** One Apollo client for the whole admin: data provider, auth and custom actions share it. */
export const client: ApolloClient<unknown> = createApolloClient();

let schemaPromise: Promise<IntrospectionSchema> | null = null;

/**
 * The server's schema, introspected once. A failure is not remembered, so the next call retries
 * (the server may have been restarting).
 */
export function loadSchema(): Promise<IntrospectionSchema> {
  if (!schemaPromise) {
    schemaPromise = client
      .query<IntrospectionQuery>({ query: gql(getIntrospectionQuery()), fetchPolicy: "no-cache" })
      .then((r) => r.data.__schema)
      .catch((e: unknown) => {
        schemaPromise = null;
        throw toHttpError(e);
      });
  }
  return schemaPromise;
}

export async function schemaIndex(): Promise<SchemaIndex> {
  return schemaIndexOf(await loadSchema());
}

export interface RunResult<T> {
  data: T;
  errors: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, any> }[];
}

/**
 * Runs one operation built against the live schema. `partial` keeps the data of the fields that
 * succeeded (bulk actions) instead of failing the whole call.
 */
export async function run<T = Record<string, any>>(
  kind: "query" | "mutation",
  name: string,
  calls: FieldCall[],
  options: { partial?: boolean } = {},
): Promise<RunResult<T>> {
  const schema = await schemaIndex();
  try {
    const op = buildOperation(schema, kind, name, calls);
    const errorPolicy = options.partial ? "all" : "none";
    const result =
      kind === "query"
        ? await client.query({ query: op.query, variables: op.variables, fetchPolicy: "no-cache", errorPolicy })
        : await client.mutate({ mutation: op.query, variables: op.variables, fetchPolicy: "no-cache", errorPolicy });
    return { data: (result.data ?? {}) as T, errors: (result.errors ?? []) as RunResult<T>["errors"] };
  } catch (e) {
    throw toHttpError(e);
  }
}
