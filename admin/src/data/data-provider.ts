import { HttpError, type GetListParams, type GetListResult, type RaRecord } from "react-admin";
import { curationActions } from "./curation-actions";
import { CursorCache } from "./cursors";
import { directoryQueries } from "./directory-queries";
import { errorCode, toHttpError } from "./errors";
import type { DirectoryDataProvider } from "./provider-types";
import type { Resource } from "./resource";
import { MAX_PAGE, type ListArgs } from "./resource-kit";
import { resourceOf } from "./resources";

const cursors = new CursorCache();
const actions = curationActions(cursors);

/** Runs a call, turning any failure into an HttpError; a form's resource words its field errors. */
async function guarded<T>(work: () => Promise<T>, formOf?: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toHttpError(e, formOf);
  }
}

const notSupported = (what: string, resource: string) =>
  new HttpError(`The ${resource} resource cannot be ${what} this way`, 405, { code: "NOT_SUPPORTED", details: [] });
/** The most rows one getList may ask for (ten API pages): an export or a reference input, never a screen. */
export const MAX_LIST_ROWS = 1000;
const tooManyRows = (perPage: number) =>
  new HttpError(`A page holds from 1 to ${MAX_LIST_ROWS} rows (asked for ${perPage})`, 400, { code: "BAD_USER_INPUT", details: [] });
const notFound = () => new HttpError("ra.notification.item_doesnt_exist", 404, { code: "NOT_FOUND", details: [] });

/** The cursor that ends `offset` records of a list, walking forward (≤100 a step) from the nearest one known. */
async function cursorAt(name: string, resource: Resource, args: ListArgs, offset: number) {
  if (offset <= 0) return undefined;
  const key = cursors.key(name, args);
  let { offset: at, cursor } = cursors.nearest(key, offset);
  while (at < offset) {
    const page = await resource.list.walk(args, Math.min(MAX_PAGE, offset - at), cursor);
    if (page.edges.length === 0) return cursor; // past the end: the page read from here is empty
    // Every edge's cursor ends an offset: remember them all, so any page size can start from one.
    page.edges.forEach((e, i) => cursors.set(key, at + i + 1, e.cursor));
    at += page.edges.length;
    cursor = page.edges[page.edges.length - 1].cursor;
    if (!page.pageInfo.hasNextPage) break;
  }
  return cursor;
}

/**
 * `perPage` rows from `after`, in API pages of at most 100 (the API's limit), so that a larger page
 * (an export, a reference input) holds every row it asks for and the next page starts right after it.
 */
async function readRows(resource: Resource, args: ListArgs, perPage: number, after: string | undefined, signal?: AbortSignal) {
  const first = await resource.list.page(args, Math.min(perPage, MAX_PAGE), after, signal);
  const edges = [...first.edges];
  let { pageInfo } = first;
  while (edges.length < perPage && pageInfo.hasNextPage && pageInfo.endCursor) {
    const next = await resource.list.page(args, Math.min(perPage - edges.length, MAX_PAGE), pageInfo.endCursor, signal);
    if (next.edges.length === 0) break;
    edges.push(...next.edges);
    pageInfo = next.pageInfo;
  }
  return { totalCount: first.totalCount, edges, hasNextPage: pageInfo.hasNextPage };
}

async function getList(name: string, params: GetListParams): Promise<GetListResult> {
  const resource = resourceOf(name);
  const args = resource.list.args(params.filter, params.sort);
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_LIST_ROWS) throw tooManyRows(perPage);
  const offset = (page - 1) * perPage;
  const attempt = async (): Promise<GetListResult> => {
    const after = await cursorAt(name, resource, args, offset);
    const rows = await readRows(resource, args, perPage, after, params.signal);
    const key = cursors.key(name, args);
    rows.edges.forEach((e, i) => cursors.set(key, offset + i + 1, e.cursor));
    return {
      data: rows.edges.map((e) => e.node),
      total: rows.totalCount,
      pageInfo: { hasNextPage: rows.hasNextPage, hasPreviousPage: page > 1 },
    };
  };
  try {
    return await attempt();
  } catch (e) {
    // A cursor the server no longer accepts (e.g. after a sort key changed): forget them and walk again once.
    if (offset > 0 && errorCode(toHttpError(e)) === "BAD_USER_INPUT") {
      cursors.invalidate(name);
      return attempt();
    }
    throw e;
  }
}

/** For resources without a single look-up (curators, audit entries): read the list until found. */
async function findInList(resource: Resource, ids: string[]): Promise<RaRecord[]> {
  const found = new Map<string, RaRecord>();
  let after: string | undefined;
  for (let pages = 0; pages < 50 && found.size < ids.length; pages++) {
    const page = await resource.list.page({}, MAX_PAGE, after);
    for (const e of page.edges) if (ids.includes(String(e.node.id))) found.set(String(e.node.id), e.node);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return ids.map((id) => found.get(id)).filter((r): r is RaRecord => !!r);
}

async function getMany(resource: Resource, ids: string[]): Promise<RaRecord[]> {
  if (ids.length === 0) return [];
  if (resource.list.byIds) {
    const records: RaRecord[] = [];
    for (let i = 0; i < ids.length; i += MAX_PAGE) {
      const chunk = ids.slice(i, i + MAX_PAGE);
      records.push(...(await resource.list.page({ filter: { ids: chunk } }, chunk.length, undefined)).edges.map((e) => e.node));
    }
    return records;
  }
  if (resource.one) return (await resource.one.many(ids)).results.filter((r): r is RaRecord => !!r);
  return findInList(resource, ids);
}

export const dataProvider: DirectoryDataProvider = {
  getList: (name, params) => guarded(() => getList(name, params)),
  getOne: (name, params) =>
    guarded(async () => {
      const resource = resourceOf(name);
      const id = String(params.id);
      const [record] = resource.one ? [await resource.one.get(id, params.signal)] : await findInList(resource, [id]);
      if (!record) throw notFound();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin's methods are generic in the record type; the generated operations type our records
      return { data: record as any };
    }),
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin's methods are generic in the record type; the generated operations type our records
  getMany: (name, params) => guarded(async () => ({ data: (await getMany(resourceOf(name), [...new Set(params.ids.map(String))])) as any[] })),
  getManyReference: (name, params) =>
    guarded(() => getList(name, { ...params, filter: { ...params.filter, [params.target]: params.id } })),
  create: (name, params) =>
    guarded(async () => {
      const create = resourceOf(name).create;
      if (!create) throw notSupported("created", name);
      cursors.invalidate(name);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin's methods are generic in the record type; the generated operations type our records
      return { data: (await create(params.data)) as any };
    }, name),
  update: (name, params) =>
    guarded(async () => {
      const update = resourceOf(name).update;
      if (!update) throw notSupported("changed", name);
      const version = params.previousData?.version ?? params.data?.version;
      const saved = await update({ id: String(params.id), version }, params.data, params.previousData);
      // Nothing changed: saving is a no-op, not a new version.
      if (!saved) return { data: params.previousData };
      cursors.invalidate(name);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin's methods are generic in the record type; the generated operations type our records
      return { data: saved as any };
    }, name),
  updateMany: () => Promise.reject(toHttpError(new Error("Change records one at a time"))),
  delete: (name, params) =>
    guarded(async () => {
      const remove = resourceOf(name).remove;
      if (!remove) throw notSupported("archived", name);
      cursors.invalidate(name);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin's methods are generic in the record type; the generated operations type our records
      return { data: (await remove({ id: String(params.id), version: params.previousData?.version })) as any };
    }),
  deleteMany: (name, params) =>
    guarded(async () => {
      const records = await getMany(resourceOf(name), [...new Set(params.ids.map(String))]);
      const result = await actions.bulk(name, "archive", records.map((r) => ({ id: r.id, version: r.version })));
      if (result.failures.length) throw toHttpError(new Error(result.failures.map((f) => f.message).join("; ")));
      return { data: result.done.map((r) => r.id) };
    }),
  publish: actions.publish,
  unpublish: actions.unpublish,
  verify: actions.verify,
  restore: actions.restore,
  revert: actions.revert,
  publishMany: actions.publishMany,
  unpublishMany: actions.unpublishMany,
  archiveMany: actions.archiveMany,
  snapshotDiff: (params) => guarded(() => directoryQueries.snapshotDiff(params)),
  dashboard: () => guarded(() => directoryQueries.dashboard()),
  reviewQueue: (params) => guarded(() => directoryQueries.reviewQueue(params)),
};

/** Resets what the provider remembers (used at sign-out). */
export function forgetCursors(): void {
  cursors.clear();
}
