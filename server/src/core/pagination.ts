import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { Brackets } from "typeorm";
import { makePage, type ConnectionArgs, type Edge, type Page } from "./connection";
import { decodeCursor, encodeCursor } from "./cursor";
import { BadUserInputError } from "./errors";
import type { QueryTexts } from "./query-text";
import { directMapper } from "./rows";

export type SortValue = string | number | Date | null;

/**
 * One key of an ordering. `expr` is ordered by and compared in the keyset condition; the cursor
 * stores the value the database computed for it (read back as a selected column), so comparisons
 * are exact even for expressions and timestamps that JavaScript would round. `cursorExpr` reads
 * the value in a lossless form when `expr` itself would lose precision (a PostgreSQL timestamp as
 * text keeps its microseconds); it must compare equal to `expr`. Keys must never be NULL: wrap a
 * nullable column in COALESCE and put a `(col IS NULL)` flag key before it.
 */
export interface SortKey {
  expr: string;
  direction: "ASC" | "DESC";
  cursorExpr?: string;
}

/** A named ordering; the last key must be unique (the id) so that cursors never skip or repeat rows. */
export interface Ordering {
  /** Goes into every cursor: a cursor from another ordering (or direction, or search) is refused. */
  name: string;
  keys: SortKey[];
}

export const flip = (d: "ASC" | "DESC"): "ASC" | "DESC" => (d === "ASC" ? "DESC" : "ASC");

let paramSeq = 0;

/** Adds `rows after the cursor` to a query as (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … */
export function applyKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  keys: SortKey[],
  values: SortValue[],
): void {
  const names = values.map(() => `ks${(paramSeq = (paramSeq + 1) % 1_000_000)}`);
  qb.andWhere(
    new Brackets((outer) => {
      keys.forEach((key, i) => {
        outer.orWhere(
          new Brackets((inner) => {
            for (let j = 0; j < i; j++) inner.andWhere(`${keys[j].expr} = :${names[j]}`, { [names[j]]: values[j] });
            const op = key.direction === "ASC" ? ">" : "<";
            inner.andWhere(`${key.expr} ${op} :${names[i]}`, { [names[i]]: values[i] });
          }),
        );
      });
    }),
  );
}

/** Orders a query by the keys and selects each key's value as `k_<i>` for the cursors. */
export function applyOrdering<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, ordering: Ordering): void {
  ordering.keys.forEach((k, i) => {
    if (i === 0) qb.orderBy(k.expr, k.direction);
    else qb.addOrderBy(k.expr, k.direction);
    // Parenthesised: TypeORM would take a bare `alias.column` for a re-selection of the entity column.
    qb.addSelect(`(${k.cursorExpr ?? k.expr})`, `k_${i}`);
  });
}

/** The sort-key values of one raw row of a query ordered with `applyOrdering`. */
export function keysOf(ordering: Ordering, raw: Record<string, unknown>): SortValue[] {
  return ordering.keys.map((_, i) => raw[`k_${i}`] as SortValue);
}

/** The cursor of one raw row of a query ordered with `applyOrdering`. */
export function cursorOf(ordering: Ordering, raw: Record<string, unknown>): string {
  return encodeCursor(ordering.name, keysOf(ordering, raw));
}

/**
 * An edge whose cursor is encoded when first read: a client that asks for nodes alone (a list of
 * institutions with their programs: 220 edges) pays no JSON and base64 work for cursors it never
 * sees. The answer is the same cursor `cursorOf` gives.
 */
export class KeyedEdge<T> implements Edge<T> {
  private encoded: string | undefined;

  constructor(
    readonly node: T,
    private readonly order: string,
    private readonly values: SortValue[],
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.order, this.values));
  }
}

/** Loaded entities paired with their raw rows (matched by id, the main alias's primary key). */
export async function rowsWithRaw<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
): Promise<{ entity: T; raw: Record<string, unknown> }[]> {
  // Fast path (the page query): one entity, no joins — map the raw rows directly instead of
  // TypeORM's general hydration, which dominated the page query's CPU profile (docs/BENCHMARKS.md).
  const map = directMapper(qb);
  if (map) return (await qb.getRawMany<Record<string, unknown>>()).map((raw) => ({ entity: map(raw), raw }));
  const { entities, raw } = await qb.getRawAndEntities();
  const byId = new Map<string, Record<string, unknown>>();
  for (const r of raw as Record<string, unknown>[]) byId.set(String(r[`${qb.alias}_id`]), r);
  return entities.map((entity) => ({ entity, raw: byId.get(String((entity as unknown as { id: unknown }).id)) ?? {} }));
}

/**
 * Runs a query that compares against cursor values. A cursor is only base64 JSON: a forged one
 * can hold values of the wrong type, which PostgreSQL rejects (SQLSTATE class 22, data
 * exception); that is the client's malformed cursor, not a server fault.
 */
export async function cursorChecked<R>(after: string | null | undefined, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    const code = (e as { driverError?: { code?: unknown } }).driverError?.code;
    if (after && typeof code === "string" && code.startsWith("22")) {
      throw BadUserInputError.field(
        ["after"],
        "malformed cursor (not a cursor this API issued); use an endCursor or edge cursor from this query",
      );
    }
    throw e;
  }
}

/**
 * Runs one page of a query with keyset paging: one statement for the rows (first + 1 to learn
 * whether more follow) and, only when the client asks for totalCount, one for the count.
 * `onRow` sees each row of the page with its raw row (e.g. relations selected beside it).
 * `text.shape` names everything the statement's text is built from besides the ordering and the
 * page size (its selects, conditions, parameter names): then the text is built once per shape.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ordering: Ordering,
  args: ConnectionArgs,
  count: () => Promise<number> = () => qb.clone().getCount(),
  onRow?: (entity: T, raw: Record<string, unknown>) => void,
  text?: { texts: QueryTexts; shape: string },
): Promise<Page<T>> {
  const pageQb = qb.clone();
  if (args.after) applyKeyset(pageQb, ordering.keys, decodeCursor(args.after, ordering.name, ordering.keys.length));
  applyOrdering(pageQb, ordering);
  pageQb.take(undefined).limit(args.first + 1);
  // The page statement's text built once for its shape (core/query-text.ts); never with a cursor,
  // whose parameters are named afresh on every run.
  if (text && !args.after) text.texts.reuse(pageQb, `${text.shape}|${ordering.name}|${args.first}`);
  const rows = args.first === 0 ? [] : await cursorChecked(args.after, () => rowsWithRaw(pageQb));
  const hasNext = rows.length > args.first;
  const edges: Edge<T>[] = rows.slice(0, args.first).map(({ entity, raw }) => {
    onRow?.(entity, raw);
    return new KeyedEdge(entity, ordering.name, keysOf(ordering, raw));
  });
  return makePage(edges, hasNext, Boolean(args.after), count);
}
