import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import { makePage, type Page } from "../../core/connection";
import { columnsKey } from "../../core/field-selection";
import { jsonRowMapper, jsonRowPosition, jsonTuple, parsedJson } from "../../core/json-select";
import { KeyedEdge, type SortValue } from "../../core/pagination";
import { ProgramOrder } from "./program.args";
import { programOrdering } from "./program.orderings";
import { Program } from "./program.entity";
import type { ProgramPageArgs, ProgramService } from "./program.service";

/**
 * An owner's first programs as one JSON column of the owner's own statement (PostgreSQL): a
 * correlated `LIMIT first + 1` subquery (`LIMIT first` when no one asks `hasNextPage`) aggregated with `json_agg`, as PostGraphile reads nested
 * lists, instead of a second statement for every owner's page. The subquery has the visibility,
 * columns and order of `pagesByInstitution`'s page statement, so the pages built from it are the
 * same.
 *
 * Each program is an array of its selected columns in entity column order (core/json-select.ts),
 * followed by the sort keys that are not among them: positions instead of keys make the text
 * about half as long for PostgreSQL to build and for the driver to parse, and the rows are mapped
 * straight to entities (no raw row objects). Cursors are encoded only if a client reads them.
 *
 * Only for what JSON carries exactly as the driver does: the default title order (its cursor keys
 * are text and an integer id), from the start (no cursor), without a filter; anything else keeps
 * the page statement.
 */
export interface NestedProgramPages {
  /** The column's SQL, with named parameters. */
  select: string;
  parameters: Record<string, unknown>;
  /** What the select and parameters are built from: the same for the same shape. */
  shape: string;
  /** The owner's page from the column's value. */
  pageOf(value: unknown, count: () => Promise<number>): Page<Program>;
}

/** What a shape of nested pages needs on every request: built once (TypeORM builds text slowly). */
interface Plan {
  shape: string;
  select: string;
  parameters: Record<string, unknown>;
  orderName: string;
  /** Where each sort key's value is in a program's array. */
  keyAt: number[];
  map: (values: readonly unknown[]) => Program;
}

/** Plans per data source and shape (columns, visibility, page size, direction, owner): bounded. */
const plans = new WeakMap<DataSource, LRUCache<string, Plan>>();

/** Which nested pages: visibility, columns, the owner's id in the owner's statement. */
export interface NestedPagesRead {
  includeDrafts: boolean;
  columns: readonly string[] | null;
  ownerIdSql: string;
  /**
   * Whether pages read one program more than `first` to learn if more follow; without it, their
   * `hasNextPage` is false, for a selection that never asks it.
   */
  readsNext: boolean;
}

function planFor(ds: DataSource, programs: ProgramService, args: ProgramPageArgs, read: NestedPagesRead): Plan {
  const { includeDrafts, columns, ownerIdSql, readsNext } = read;
  let cache = plans.get(ds);
  if (!cache) plans.set(ds, (cache = new LRUCache({ max: 200 })));
  const shape = JSON.stringify([
    columnsKey(columns),
    includeDrafts,
    args.first,
    args.orderDirection ?? null,
    ownerIdSql,
    readsNext,
  ]);
  const known = cache.get(shape);
  if (known) return known;

  const { qb } = programs.matching({ includeDrafts, filter: null, columns });
  const ordering = programOrdering({ order: ProgramOrder.TITLE, direction: args.orderDirection, dialect: "postgres" });
  const q = (name: string) => ds.driver.escape(name);
  const metadata = ds.getMetadata(Program);
  const values = metadata.columns
    .filter((c) => !c.isVirtual && (!columns || columns.includes(c.propertyName)))
    .map((c) => `${q("p")}.${q(c.databaseName)}`);
  // A key that is a selected column (`p.title`, `p.id`) is read from that column's position.
  const keyAt = ordering.keys.map((k) => {
    const property = /^p\.(\w+)$/.exec(k.expr)?.[1];
    const at = property && !k.cursorExpr ? jsonRowPosition(ds, Program, columns, property) : -1;
    if (at >= 0) return at;
    values.push(`(${k.cursorExpr ?? k.expr})`);
    return values.length - 1;
  });
  // The page's rows as plain columns, the arrays built from them after the LIMIT: built in the
  // subquery, PostgreSQL would build one for every program it sorts (all the owner's), not 11.
  qb.select(values[0], "c0");
  values.slice(1).forEach((v, i) => qb.addSelect(v, `c${i + 1}`));
  ordering.keys.forEach((k, i) => {
    if (i === 0) qb.orderBy(k.expr, k.direction);
    else qb.addOrderBy(k.expr, k.direction);
  });
  qb.andWhere(`p.institutionId = ${ownerIdSql}`).limit(args.first + (readsNext ? 1 : 0));
  const element = jsonTuple(
    "postgres",
    values.map((_, i) => `w."c${i}"`),
  );
  const order = ordering.keys.map((k, i) => `w."c${keyAt[i]}" ${k.direction}`).join(", ");
  const plan: Plan = {
    shape,
    select: `(SELECT json_agg(${element} ORDER BY ${order}) FROM (${qb.getQuery()}) w)`,
    parameters: qb.getParameters(),
    orderName: ordering.name,
    keyAt,
    map: jsonRowMapper(ds, Program, columns),
  };
  cache.set(shape, plan);
  return plan;
}

export function nestedProgramPages(
  ds: DataSource,
  programs: ProgramService,
  args: ProgramPageArgs,
  read: NestedPagesRead,
): NestedProgramPages | null {
  const titleOrder = !args.orderBy || args.orderBy === ProgramOrder.TITLE;
  if (programs.dialect !== "postgres" || !titleOrder || args.after || args.filter) return null;
  if (!Number.isInteger(args.first) || args.first <= 0) return null;
  const plan = planFor(ds, programs, args, read);
  const { first } = args;
  return {
    select: plan.select,
    parameters: plan.parameters,
    shape: plan.shape,
    pageOf: (value, count) => {
      const rows = parsedJson<unknown[][]>(value) ?? [];
      const edges = rows.slice(0, first).map(
        (r) =>
          new KeyedEdge(
            plan.map(r),
            plan.orderName,
            plan.keyAt.map((i) => r[i] as SortValue),
          ),
      );
      return makePage(edges, rows.length > first, false, count);
    },
  };
}
