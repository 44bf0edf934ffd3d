import type { FieldNode, FragmentDefinitionNode, SelectionSetNode } from "graphql";
import type DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Column pruning for the hot read path: a list query or a relation loader selects only the
 * columns that the fields a client asked for need, instead of every column of the entity (the
 * page query's SQL cost is mostly building row values, and a program row carries a description;
 * docs/BENCHMARKS.md). Anything this module cannot map safely selects every column.
 */

/** The fields a client asked for under one field: name → the fields asked for under it. */
export type FieldTree = ReadonlyMap<string, FieldTree>;

/** What a resolver knows of the operation (graphql-js's and compiled executors' `info` alike). */
export interface SelectionInfo {
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

const treeOfNode = new WeakMap<FieldNode, FieldTree>();

/**
 * The fields requested under the resolving field, through fragments and inline fragments alike
 * (a union over type conditions and @skip/@include: asking for more columns is always safe).
 * Field nodes of a cached document are reused across requests, so a tree is built once.
 */
export function requestedFields(info: SelectionInfo): FieldTree {
  const only = info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
  const cached = only && treeOfNode.get(only);
  if (cached) return cached;
  const tree = new Map<string, Map<string, FieldTree>>();
  for (const node of info.fieldNodes) collect(node.selectionSet, info.fragments, tree, new Set());
  if (only) treeOfNode.set(only, tree);
  return tree;
}

function collect(
  set: SelectionSetNode | undefined,
  fragments: SelectionInfo["fragments"],
  into: Map<string, FieldTree>,
  seen: Set<string>,
): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === "Field") {
      const name = s.name.value;
      let sub = into.get(name) as Map<string, FieldTree> | undefined;
      if (!sub) into.set(name, (sub = new Map()));
      collect(s.selectionSet, fragments, sub, new Set());
    } else if (s.kind === "InlineFragment") {
      collect(s.selectionSet, fragments, into, seen);
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value); // validation forbids fragment cycles; this guards the walk regardless
      collect(fragments[s.name.value]?.selectionSet, fragments, into, seen);
    }
  }
}

/**
 * True when a connection field asks for its `totalCount` alone (a "how many" badge): the page
 * of rows need not be read at all.
 */
export function onlyTotalCount(info: SelectionInfo): boolean {
  const fields = requestedFields(info);
  let count = false;
  for (const name of fields.keys()) {
    if (name === "totalCount") count = true;
    else if (name !== "__typename") return false;
  }
  return count;
}

/** The subtree at a path of field names (`edges`, `node`), or an empty tree. */
export function subtree(tree: FieldTree, ...path: string[]): FieldTree {
  let at: FieldTree = tree;
  for (const name of path) at = at.get(name) ?? new Map();
  return at;
}

/** Columns (entity property names) a field needs, for fields that are not columns themselves. */
export type FieldColumns = Readonly<Record<string, readonly string[]>>;

/**
 * How the fields of one GraphQL object type map onto its entity's columns: a field named like a
 * column needs that column; `fields` names what the other fields (relations, computed fields)
 * need; `always` is selected regardless (the primary key, keys that loaders group by).
 */
export interface ColumnMap {
  fields: FieldColumns;
  always: readonly string[];
}

/** For types whose every field is a column (a field added with a resolver falls back to every column). */
export const COLUMNS_ONLY: ColumnMap = { fields: {}, always: ["id"] };

const columnsOfTree = new WeakMap<FieldTree, Map<string, readonly string[] | null>>();

/**
 * The entity properties to select for the requested fields, in entity column order, or null
 * (select every column) when a field is neither a column nor described in the map: a field
 * added later without a mapping costs columns, never correctness.
 */
export function columnsFor<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  fields: FieldTree,
  map: ColumnMap,
): readonly string[] | null {
  const metadata = ds.getMetadata(target);
  let perEntity = columnsOfTree.get(fields);
  if (!perEntity) columnsOfTree.set(fields, (perEntity = new Map()));
  if (perEntity.has(metadata.name)) return perEntity.get(metadata.name)!;
  const wanted = new Set(map.always);
  let all = false;
  for (const name of fields.keys()) {
    if (name === "__typename") continue;
    const mapped = map.fields[name];
    if (mapped) mapped.forEach((c) => wanted.add(c));
    else if (metadata.findColumnWithPropertyName(name)) wanted.add(name);
    else all = true;
  }
  const columns = all ? null : metadata.columns.filter((c) => wanted.has(c.propertyName)).map((c) => c.propertyName);
  perEntity.set(metadata.name, columns);
  return columns;
}

/** A stable key for a column list (null = every column), for loaders kept per column set. */
export function columnsKey(columns: readonly string[] | null): string {
  return columns === null ? "*" : columns.join(",");
}

/** The columns of `target` that the fields under `info` (at `path`, e.g. "edges", "node") need. */
export function columnsSelected<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  map: ColumnMap,
  info: SelectionInfo,
  ...path: string[]
): readonly string[] | null {
  return columnsFor(ds, target, subtree(requestedFields(info), ...path), map);
}

/**
 * A family of DataLoaders kept per column set, so that each batch reads only the columns its
 * fields need: `selecting(info)` is the loader for the resolving field's selection, `complete`
 * the one that reads every column (for logic, such as eligibility, that reads the rows itself).
 * A relation field's resolver calls `ctx.loaders.<name>.selecting(info).load(key)`.
 */
export interface ColumnLoaders<K, V> {
  selecting(info: SelectionInfo): DataLoader<K, V>;
  /** The loader `selecting` gives a field whose requested fields are `fields` (to prime it ahead). */
  forFields(fields: FieldTree): DataLoader<K, V>;
  readonly complete: DataLoader<K, V>;
}

/** Builds a loader family from how a selection maps to a column set and a loader per set. */
export function columnLoaders<K, V, C>(options: {
  columnsOf: (fields: FieldTree) => C;
  key: (columns: C) => string;
  complete: C;
  make: (columns: C) => DataLoader<K, V>;
  /** When complete rows come from another query than a selection of every column (e.g. with hidden rows). */
  makeComplete?: (columns: C) => DataLoader<K, V>;
}): ColumnLoaders<K, V> {
  const loaders = new Map<string, DataLoader<K, V>>();
  const forColumns = (columns: C): DataLoader<K, V> => {
    const key = options.key(columns);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = options.make(columns)));
    return loader;
  };
  let complete: DataLoader<K, V> | undefined;
  return {
    selecting: (info) => forColumns(options.columnsOf(requestedFields(info))),
    forFields: (fields) => forColumns(options.columnsOf(fields)),
    get complete() {
      if (!options.makeComplete) return forColumns(options.complete);
      return (complete ??= options.makeComplete(options.complete));
    },
  };
}

/** The usual family: one entity's columns, mapped by its ColumnMap (beside the entity). */
export function entityColumnLoaders<K, V, T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  map: ColumnMap,
  make: (columns: readonly string[] | null) => DataLoader<K, V>,
): ColumnLoaders<K, V> {
  return columnLoaders({
    columnsOf: (fields) => columnsFor(ds, target, fields, map),
    key: columnsKey,
    complete: null,
    make,
  });
}
