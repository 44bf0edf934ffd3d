import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { Brackets } from "typeorm";
import { makePage, type ConnectionArgs, type Page } from "./connection";
import { decodeCursor, encodeCursor } from "./cursor";
import { getManyFast } from "./rows";

export type SortValue = string | number | Date | null;

/** One key of an ordering: a SQL expression, the same value read from a loaded row, and a direction. */
export interface SortKey<T> {
  expr: string;
  value: (row: T) => SortValue;
  direction: "ASC" | "DESC";
}

/** A named ordering; the last key must be unique (the id) so that cursors never skip or repeat rows. */
export interface Ordering<T> {
  name: string;
  keys: SortKey<T>[];
}

let paramSeq = 0;

/** Adds `rows after the cursor` to a query as (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … */
export function applyKeyset<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: SortKey<T>[], values: SortValue[]): void {
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

/**
 * Runs one page of a query with keyset paging: one statement for the rows (first + 1 to learn
 * whether more follow) and, only when the client asks for totalCount, one for the count.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ordering: Ordering<T>,
  args: ConnectionArgs,
): Promise<Page<T>> {
  const countQb = qb.clone();
  const pageQb = qb.clone();
  if (args.after) {
    const values = decodeCursor(args.after, ordering.name, ordering.keys.length);
    applyKeyset(pageQb, ordering.keys, values);
  }
  ordering.keys.forEach((k, i) => (i === 0 ? pageQb.orderBy(k.expr, k.direction) : pageQb.addOrderBy(k.expr, k.direction)));
  const rows = args.first === 0 ? [] : await getManyFast(pageQb.take(undefined).limit(args.first + 1));
  const hasNext = rows.length > args.first;
  const nodes = hasNext ? rows.slice(0, args.first) : rows;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(ordering.name, ordering.keys.map((k) => k.value(node))) }));
  return makePage(edges, hasNext, Boolean(args.after), () => countQb.getCount());
}
