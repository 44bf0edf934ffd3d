import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { RaRecord } from "react-admin";
import type { SortDirection } from "../gql/graphql";
import { inputLimits } from "../gql/input-limits";
import { batch, mutate, query, type BatchResult } from "./api";
import { convert, createInput, updateInput, type Converters } from "./converters";

/**
 * Builds a resource's operations from codegen's typed documents. Each builder checks, when the
 * admin is type-checked, that the document's variables take what the admin sends and that its
 * answer has what the admin reads; what it returns is untyped only past that check.
 */
export type Values = Record<string, unknown>;
/** The most records one list request may ask for (the API's limit). */
export const MAX_PAGE = 100;
interface Ends {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Connection<N> {
  totalCount: number;
  edges: ReadonlyArray<{ cursor: string; node: N }>;
  pageInfo: Ends;
}
interface Walk {
  edges: ReadonlyArray<{ cursor: string }>;
  pageInfo: Ends;
}
export interface VersionedRef {
  id: string;
  version: number;
}
type ListVariables = { first: number; after?: string | null; filter?: object | null; search?: string | null; orderBy?: string | null; orderDirection?: SortDirection | null };
type FilterOf<V> = V extends { filter?: infer F } ? NonNullable<F> : never;
type OrderOf<V> = V extends { orderBy?: infer O } ? NonNullable<O> : never;

/** A list's arguments but the page: what the cursor cache keys on. */
export type ListArgs = Values;

export interface ListOps {
  /** react-admin's filter (search as `q`) and sort → the list's arguments; unknown filter keys are not sent. */
  args(filter: Values | undefined, sort: { field: string; order: string } | undefined): ListArgs;
  page(args: ListArgs, first: number, after: string | undefined, signal?: AbortSignal): Promise<Connection<RaRecord>>;
  walk(args: ListArgs, first: number, after: string | undefined): Promise<Walk>;
  /** Whether `filter.ids` reads several records by id. */
  byIds: boolean;
}

export function listOps<N extends { id: string }, V extends ListVariables>(spec: {
  document: TypedDocumentNode<{ list: Connection<N> }, V>;
  walk: TypedDocumentNode<{ list: Walk }, NoInfer<V>>;
  toRecord: (node: N) => RaRecord;
  filters?: Converters<FilterOf<V>>;
  search?: "search" extends keyof V ? true : never;
  /** react-admin sort field → the list's `orderBy` value (the direction goes along). */
  sorts?: Record<string, OrderOf<V>>;
}): ListOps {
  const variables = (args: ListArgs, first: number, after: string | undefined) => ({ ...args, first, after }) as V;
  return {
    args(filter, sort) {
      const { q, ...rest } = filter ?? {};
      const args: Values = {};
      const converted = spec.filters ? convert(spec.filters, rest, { skipEmpty: true }) : {};
      if (Object.keys(converted).length) args.filter = converted;
      if (spec.search && typeof q === "string" && q !== "") args.search = q;
      const order = sort?.field ? spec.sorts?.[sort.field] : undefined;
      if (order) {
        args.orderBy = order;
        args.orderDirection = (sort?.order === "DESC" ? "DESC" : "ASC") satisfies SortDirection;
      }
      return args;
    },
    async page(args, first, after, signal) {
      const { list } = await query(spec.document, variables(args, first, after), signal);
      return { ...list, edges: list.edges.map((e) => ({ cursor: e.cursor, node: spec.toRecord(e.node) })) };
    },
    async walk(args, first, after) {
      return (await query(spec.walk, variables(args, first, after))).list;
    },
    byIds: !!spec.filters && "ids" in spec.filters,
  };
}

/** `one: x(id:)`: a single look-up, null when there is none. */
export function oneOp<N>(document: TypedDocumentNode<{ one?: N | null }, { id: string }>, toRecord: (node: N) => RaRecord) {
  return {
    get: async (id: string, signal?: AbortSignal) => {
      const { one } = await query(document, { id }, signal);
      return one ? toRecord(one) : null;
    },
    many: async (ids: string[]): Promise<BatchResult<RaRecord>> => {
      const { results, errors } = await batch(document, ids.map((id) => ({ id })));
      return { results: results.map((r) => (r ? toRecord(r) : null)), errors };
    },
  };
}

/** `record: xMutation(…)` answering the changed record. */
export function recordMutation<N, V extends object>(document: TypedDocumentNode<{ record: N }, V>, toRecord: (node: N) => RaRecord) {
  return async (variables: V): Promise<RaRecord> => toRecord((await mutate(document, variables)).record);
}

/** `createX(input:)`: the form's values as the input type, unset fields left to the server. */
export function createOp<N, I>(document: TypedDocumentNode<{ record: N }, { input: I }>, fields: Converters<I>, toRecord: (node: N) => RaRecord) {
  const run = recordMutation(document, toRecord);
  return (data: Values) => run({ input: createInput(fields, data) as I });
}

/** `updateX(id, version, input)`: only the changed fields; null when nothing changed (no request). */
export function updateOp<N, I>(
  document: TypedDocumentNode<{ record: N }, { id: string; version: number; input: I }>,
  fields: Converters<I>,
  toRecord: (node: N) => RaRecord,
) {
  const run = recordMutation(document, toRecord);
  return async (ref: VersionedRef, data: Values, previous: Values | undefined): Promise<RaRecord | null> => {
    const input = updateInput(fields, data, previous);
    if (Object.keys(input).length === 0 && previous) return null;
    return run({ ...ref, input: input as I });
  };
}

export type BulkVerb = "publish" | "unpublish" | "archive";

/** One record's outcome in a bulk mutation: the record as saved, or why it was not changed. */
export interface BulkOutcome {
  id: string;
  ok: boolean;
  error: { code: string; message: string; currentVersion: number | null } | null;
  record: RaRecord | null;
}

/** The most records one bulk mutation takes (the API's limit): larger selections go in several calls. */
export const MAX_BULK = inputLimits.BulkArgs.refs.maxItems;

type BulkAnswer<N> = { items: ReadonlyArray<Omit<BulkOutcome, "record"> & { record: N | null }> };

/** `items: verbXs(refs)`: one outcome per record, in the order sent. */
export function bulkOp<N>(document: TypedDocumentNode<BulkAnswer<N>, { refs: VersionedRef[] }>, toRecord: (node: N) => RaRecord) {
  return async (refs: VersionedRef[]): Promise<BulkOutcome[]> => {
    const outcomes: BulkOutcome[] = [];
    for (let i = 0; i < refs.length; i += MAX_BULK) {
      const { items } = await mutate(document, { refs: refs.slice(i, i + MAX_BULK) });
      outcomes.push(...items.map((item) => ({ ...item, record: item.record ? toRecord(item.record) : null })));
    }
    return outcomes;
  };
}
