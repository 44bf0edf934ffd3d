import buildGraphQLProvider, { type GraphqlDataProvider } from "ra-data-graphql";
import type { DataProvider, GetListParams, GetListResult, Identifier, RaRecord } from "react-admin";
import { client, loadSchema, run, schemaIndex } from "./api";
import { buildQueryFactory } from "./build-query";
import { CursorCache } from "./cursors";
import { errorCode, toHttpError } from "./errors";
import { updateInput } from "./inputs";
import { connectionOf, listArgs, MAX_PAGE } from "./list-args";
import { argType } from "./operation";
import { resourceConfig, toRecord, type ResourceConfig } from "./resources";
import { directoryQueries, type DashboardCounts } from "./directory-queries";
import { programActions } from "./program-actions";

export interface VersionedRef {
  id: Identifier;
  version: number;
}

export interface BulkResult {
  data: Identifier[];
  failures: { id: Identifier; message: string }[];
}


/** react-admin's data provider plus the curation actions the API offers. */
export interface DirectoryDataProvider extends DataProvider {
  publish(resource: string, params: VersionedRef): Promise<{ data: RaRecord }>;
  unpublish(resource: string, params: VersionedRef): Promise<{ data: RaRecord }>;
  verify(resource: string, params: VersionedRef & { note?: string | null }): Promise<{ data: RaRecord }>;
  restore(resource: string, params: VersionedRef): Promise<{ data: RaRecord }>;
  revert(resource: string, params: VersionedRef & { toEntry: Identifier }): Promise<{ data: RaRecord }>;
  publishMany(resource: string, params: { records: VersionedRef[] }): Promise<BulkResult>;
  archiveMany(resource: string, params: { records: VersionedRef[] }): Promise<BulkResult>;
  snapshotDiff(params: { from: Identifier; to: Identifier }): Promise<{ data: unknown }>;
  dashboard(): Promise<{ data: DashboardCounts }>;
  reviewQueue(params: { first: number }): Promise<{ data: RaRecord[]; total: number }>;
  /** Whether the server offers a query or mutation (features arrive branch by branch). */
  supports(kind: "query" | "mutation", field: string): Promise<boolean>;
}

const cursors = new CursorCache();
let base: Promise<GraphqlDataProvider> | null = null;

/** ra-data-graphql over the introspected schema, built once the schema has loaded. */
function baseProvider(): Promise<GraphqlDataProvider> {
  if (!base) {
    base = loadSchema()
      .then((schema) =>
        buildGraphQLProvider({
          client,
          introspection: { schema, operationNames: {} },
          buildQuery: buildQueryFactory,
          query: () => ({ fetchPolicy: "no-cache" }),
          mutation: () => ({ fetchPolicy: "no-cache" }),
        }),
      )
      .catch((e: unknown) => {
        base = null;
        throw e;
      });
  }
  return base;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toHttpError(e);
  }
}

/** The cursor that ends `offset` records of a list, walking forward (≤100 a step) from the nearest one known. */
async function cursorAt(resource: string, config: ResourceConfig, args: Record<string, unknown>, offset: number) {
  if (offset <= 0) return undefined;
  const key = cursors.key(resource, args);
  let { offset: at, cursor } = cursors.nearest(key, offset);
  while (at < offset) {
    const first = Math.min(MAX_PAGE, offset - at);
    const { data } = await run<any>("query", `${config.type}Walk`, [
      { field: config.list, args: { ...args, first, after: cursor }, select: [{ edges: ["cursor"] }, { pageInfo: ["hasNextPage", "endCursor"] }] },
    ]);
    const page = data[config.list];
    const edges: { cursor: string }[] = page?.edges ?? [];
    if (edges.length === 0) return cursor; // past the end: the page read from here is empty
    // Every edge's cursor ends an offset: remember them all, so any page size can start from one.
    edges.forEach((e, i) => cursors.set(key, at + i + 1, e.cursor));
    at += edges.length;
    cursor = edges[edges.length - 1].cursor;
    if (!page.pageInfo?.hasNextPage) break;
  }
  return cursor;
}

async function getList(resource: string, params: GetListParams): Promise<GetListResult> {
  const config = resourceConfig(resource);
  const schema = await schemaIndex();
  const provider = await baseProvider();
  const args = listArgs(schema, config, params.filter, params.sort);
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const offset = (page - 1) * perPage;
  const attempt = async () => {
    const after = await cursorAt(resource, config, args, offset);
    const result = await provider.getList(resource, { ...params, meta: { ...params.meta, after } });
    const key = cursors.key(resource, args);
    ((result as any).meta?.cursors as string[] | undefined)?.forEach((c, i) => cursors.set(key, offset + i + 1, c));
    return result;
  };
  try {
    return await attempt();
  } catch (e) {
    // A cursor the server no longer accepts (e.g. after a sort key changed): forget them and walk again once.
    if (offset > 0 && errorCode(toHttpError(e)) === "BAD_USER_INPUT") {
      cursors.invalidate(resource);
      return attempt();
    }
    throw e;
  }
}

/** For resources without a single look-up (curators, audit entries): read the list until found. */
async function findInList(config: ResourceConfig, ids: string[]): Promise<RaRecord[]> {
  const found = new Map<string, RaRecord>();
  let after: string | undefined;
  for (let pages = 0; pages < 50 && found.size < ids.length; pages++) {
    const { data } = await run<any>("query", `${config.type}Find`, [
      { field: config.list, args: { first: MAX_PAGE, after }, select: connectionOf(config.select) },
    ]);
    const conn = data[config.list];
    for (const e of conn?.edges ?? []) if (ids.includes(String(e.node.id))) found.set(String(e.node.id), toRecord(config, e.node));
    if (!conn?.pageInfo?.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return ids.map((id) => found.get(id)).filter((r): r is RaRecord => !!r);
}

/** Runs `${action}${Type}(id, version, …)` on each record in one mutation, keeping what succeeded. */
async function bulk(resource: string, action: string, records: VersionedRef[]): Promise<BulkResult> {
  const config = resourceConfig(resource);
  const field = action === "delete" ? config.remove : `${action}${config.type}`;
  if (!field || records.length === 0) return { data: [], failures: [] };
  cursors.invalidate(resource);
  const { data, errors } = await run<any>(
    "mutation",
    `Bulk${action}${config.type}`,
    records.map((r, i) => ({ field, alias: `r${i}`, args: { id: String(r.id), version: r.version }, select: ["id", "version"] })),
    { partial: true },
  );
  const failures = errors.map((e) => {
    const index = Number(String(e.path?.[0] ?? "").replace(/^r/, ""));
    return { id: records[index]?.id ?? "?", message: e.message };
  });
  return { data: records.filter((_, i) => data?.[`r${i}`]).map((r) => r.id), failures };
}

export const dataProvider: DirectoryDataProvider = {
  getList: (resource, params) => guarded(() => getList(resource, params)),
  getOne: (resource, params) =>
    guarded(async () => {
      const config = resourceConfig(resource);
      if (config.one) return (await baseProvider()).getOne(resource, params);
      const [record] = await findInList(config, [String(params.id)]);
      if (!record) throw toHttpError({ graphQLErrors: [{ message: "ra.notification.item_doesnt_exist", extensions: { code: "NOT_FOUND" } }] });
      return { data: record as any };
    }),
  getMany: (resource, params) =>
    guarded(async (): Promise<{ data: any[] }> => {
      const config = resourceConfig(resource);
      const schema = await schemaIndex();
      const ids = [...new Set(params.ids.map(String))];
      if (ids.length === 0) return { data: [] };
      const filterType = argType(schema, "query", config.list, "filter");
      if (filterType && schema.inputFields(filterType).has("ids")) {
        const provider = await baseProvider();
        const chunks: RaRecord[] = [];
        for (let i = 0; i < ids.length; i += MAX_PAGE) {
          chunks.push(...(await provider.getMany(resource, { ...params, ids: ids.slice(i, i + MAX_PAGE) })).data);
        }
        return { data: chunks };
      }
      if (config.one) {
        const { data } = await run<any>(
          "query",
          `${config.type}ByIds`,
          ids.map((id, i) => ({ field: config.one!, alias: `r${i}`, args: { id }, select: config.select })),
        );
        return { data: ids.map((_, i) => data[`r${i}`]).filter(Boolean).map((n) => toRecord(config, n)) };
      }
      return { data: await findInList(config, ids) };
    }),
  getManyReference: (resource, params) =>
    guarded(() => getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } })),
  create: (resource, params) =>
    guarded(async () => {
      cursors.invalidate(resource);
      return (await baseProvider()).create(resource, params);
    }),
  update: (resource, params) =>
    guarded(async () => {
      const config = resourceConfig(resource);
      const schema = await schemaIndex();
      const field = config.update;
      const input = field
        ? updateInput(schema, config, params.data, params.previousData, argType(schema, "mutation", field, "input"))
        : {};
      // Nothing changed: saving is a no-op, not a new version.
      if (field && Object.keys(input).length === 0 && params.previousData) return { data: params.previousData };
      cursors.invalidate(resource);
      return (await baseProvider()).update(resource, { ...params, meta: { ...params.meta, input } });
    }),
  updateMany: () => Promise.reject(toHttpError(new Error("Change records one at a time"))),
  delete: (resource, params) =>
    guarded(async () => {
      cursors.invalidate(resource);
      return (await baseProvider()).delete(resource, params);
    }),
  deleteMany: (resource, params) =>
    guarded(async () => {
      const { data } = await dataProvider.getMany(resource, { ids: params.ids });
      const result = await bulk(resource, "delete", data.map((r) => ({ id: r.id, version: r.version })));
      if (result.failures.length) throw toHttpError(new Error(result.failures.map((f) => f.message).join("; ")));
      return { data: result.data };
    }),
  ...programActions(cursors, bulk),
  snapshotDiff: (params) => guarded(() => directoryQueries.snapshotDiff(params)),
  dashboard: () => guarded(() => directoryQueries.dashboard()),
  reviewQueue: (params) => guarded(() => directoryQueries.reviewQueue(params)),
  supports: async (kind, field) => (await schemaIndex()).has(kind, field),
};

/** Resets what the provider remembers (used at sign-out). */
export function forgetCursors(): void {
  cursors.clear();
}

export { toRecord, type DashboardCounts };
