import type { IntrospectionSchema } from "graphql";
import type { BuildQuery, BuildQueryFactory, BuildQueryResult } from "ra-data-graphql";
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, HttpError, UPDATE } from "react-admin";
import { createInput, updateInput } from "./inputs";
import { connectionOf, listArgs, MAX_PAGE } from "./list-args";
import { argType, buildOperation, type Selection } from "./operation";
import { resourceConfig, toRecord, type ResourceConfig } from "./resources";
import { SchemaIndex } from "./schema-index";

const indexes = new WeakMap<IntrospectionSchema, SchemaIndex>();

export function schemaIndexOf(schema: IntrospectionSchema): SchemaIndex {
  let index = indexes.get(schema);
  if (!index) indexes.set(schema, (index = new SchemaIndex(schema)));
  return index;
}

function need(config: ResourceConfig, op: keyof ResourceConfig, resource: string): string {
  const name = config[op];
  if (typeof name !== "string") throw new HttpError(`The ${resource} resource cannot be changed this way`, 405, { code: "NOT_SUPPORTED", details: [] });
  return name;
}

function parseConnection(config: ResourceConfig, connection: any, page: number) {
  const edges: any[] = connection?.edges ?? [];
  return {
    data: edges.map((e) => toRecord(config, e.node)),
    total: connection?.totalCount ?? edges.length,
    pageInfo: { hasNextPage: !!connection?.pageInfo?.hasNextPage, hasPreviousPage: page > 1 },
    meta: { endCursor: connection?.pageInfo?.endCursor ?? null, cursors: edges.map((e) => e.cursor as string) },
  };
}

/**
 * ra-data-graphql calls this with the server's introspection result; each react-admin call becomes
 * one operation on the public API, every variable declared with the server's own type.
 */
export const buildQueryFactory: BuildQueryFactory = (introspection) => {
  const schema = schemaIndexOf(introspection.schema);
  const buildQuery: BuildQuery = (fetchType, resource, params): BuildQueryResult => {
    const config = resourceConfig(resource);
    const select: Selection = config.select;
    switch (fetchType) {
      case GET_LIST:
      case GET_MANY_REFERENCE: {
        const filter = fetchType === GET_MANY_REFERENCE ? { ...params.filter, [params.target]: params.id } : params.filter;
        const page = params.pagination?.page ?? 1;
        const args = {
          ...listArgs(schema, config, filter, params.sort),
          first: Math.min(params.pagination?.perPage ?? 25, MAX_PAGE),
          after: params.meta?.after ?? undefined,
        };
        const op = buildOperation(schema, "query", `${config.type}List`, [
          { field: config.list, args, select: connectionOf(config.listSelect ?? select) },
        ]);
        return { ...op, parseResponse: (r) => parseConnection(config, r.data?.[config.list], page) };
      }
      case GET_ONE: {
        const field = need(config, "one", resource);
        const op = buildOperation(schema, "query", `${config.type}One`, [{ field, args: { id: String(params.id) }, select }]);
        return {
          ...op,
          parseResponse: (r) => {
            const node = r.data?.[field];
            if (!node) throw new HttpError("ra.notification.item_doesnt_exist", 404, { code: "NOT_FOUND", details: [] });
            return { data: toRecord(config, node) };
          },
        };
      }
      case GET_MANY: {
        const ids: string[] = (params.ids ?? []).map(String);
        const op = buildOperation(schema, "query", `${config.type}Many`, [
          { field: config.list, args: { filter: { ids }, first: Math.min(ids.length, MAX_PAGE) }, select: connectionOf(config.listSelect ?? select) },
        ]);
        return { ...op, parseResponse: (r) => ({ data: parseConnection(config, r.data?.[config.list], 1).data }) };
      }
      case CREATE: {
        const field = need(config, "create", resource);
        const args = config.createArgs
          ? config.createArgs(params.data)
          : { input: createInput(schema, config, params.data, argType(schema, "mutation", field, "input")) };
        const op = buildOperation(schema, "mutation", `Create${config.type}`, [{ field, args, select }]);
        return { ...op, parseResponse: (r) => ({ data: toRecord(config, r.data?.[field]) }) };
      }
      case UPDATE: {
        const field = need(config, "update", resource);
        const input =
          params.meta?.input ??
          updateInput(schema, config, params.data, params.previousData, argType(schema, "mutation", field, "input"));
        const version = params.previousData?.version ?? params.data?.version;
        const op = buildOperation(schema, "mutation", `Update${config.type}`, [
          { field, args: { id: String(params.id), version, input }, select },
        ]);
        return { ...op, parseResponse: (r) => ({ data: toRecord(config, r.data?.[field]) }) };
      }
      case DELETE: {
        const field = need(config, "remove", resource);
        const version = params.previousData?.version;
        const op = buildOperation(schema, "mutation", `Delete${config.type}`, [{ field, args: { id: String(params.id), version }, select }]);
        return { ...op, parseResponse: (r) => ({ data: toRecord(config, r.data?.[field]) }) };
      }
      default:
        throw new HttpError(`${fetchType} is not supported for ${resource}`, 405, { code: "NOT_SUPPORTED", details: [] });
    }
  };
  return buildQuery;
};
