import type { SortPayload } from "react-admin";
import { argType, fitInput, type Selection } from "./operation";
import type { ResourceConfig } from "./resources";
import { SchemaIndex, namedType } from "./schema-index";

export const MAX_PAGE = 100;

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

function toDateTime(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string" && v && !Number.isNaN(Date.parse(v))) {
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00`).toISOString() : new Date(v).toISOString();
  }
  return v;
}

/**
 * react-admin's filter and sort → the list query's arguments: `q` becomes `search` (an argument,
 * or a filter field where the API keeps it there), other keys go into `filter` when its input type
 * has them (single values wrapped for list fields), sort fields map onto the `orderBy` enum.
 */
export function listArgs(
  schema: SchemaIndex,
  config: ResourceConfig,
  rawFilter: Record<string, unknown> | undefined,
  sort: SortPayload | undefined,
): Record<string, unknown> {
  const root = schema.root("query", config.list);
  const hasArg = (name: string) => !!root?.args.some((a) => a.name === name);
  const filterType = argType(schema, "query", config.list, "filter");
  const filterFields = filterType ? schema.inputFields(filterType) : new Map();
  const args: Record<string, unknown> = {};
  const filter: Record<string, unknown> = {};

  for (const [key, raw] of Object.entries(rawFilter ?? {})) {
    if (isEmpty(raw)) continue;
    if (key === "q") {
      if (hasArg("search")) args.search = raw;
      else if (filterFields.has("search")) filter.search = raw;
      continue;
    }
    const field = filterFields.get(key);
    if (field) {
      filter[key] = namedType(field.type) === "DateTimeISO" ? toDateTime(raw) : raw;
    } else if (hasArg(key) && !["first", "after", "filter", "orderBy", "orderDirection"].includes(key)) {
      args[key] = raw;
    } else {
      console.warn(`[admin] ${config.list} cannot filter by "${key}": the filter was left out`);
    }
  }
  if (Object.keys(filter).length) args.filter = fitInput(schema, filterType, filter);

  const order = sort?.field ? config.sorts?.[sort.field] : undefined;
  const orderType = argType(schema, "query", config.list, "orderBy");
  if (order && orderType && schema.enumValues(orderType).includes(order)) {
    args.orderBy = order;
    if (hasArg("orderDirection")) args.orderDirection = sort?.order === "DESC" ? "DESC" : "ASC";
  }
  return args;
}

/** The selection of a Relay connection around a node selection. */
export function connectionOf(node: Selection): Selection {
  return ["totalCount", { edges: ["cursor", { node }] }, { pageInfo: ["hasNextPage", "endCursor"] }];
}
