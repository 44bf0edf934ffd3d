import type { SelectQueryBuilder } from "typeorm";
import { makePage, type ConnectionArgs, type Page } from "../../core/connection";
import { applyKeyset, applyOrdering, KeyedEdge, keysOf, type Ordering, type SortValue } from "../../core/pagination";
import { directMapper } from "../../core/rows";
import type { Dialect } from "../../core/data-source";
import type { Program } from "./program.entity";

export interface InstitutionPageRow {
  entity: Program;
  raw: Record<string, unknown>;
}

/**
 * The first `limit` programs of each institution after a cursor, in one statement, reading only
 * the columns the query selects. `matching` is the programs query (visibility, filter, columns)
 * with alias `p`.
 *
 * PostgreSQL: a `LATERAL … LIMIT` per institution id, so each institution is an index scan on
 * `institutionId` stopped after `limit` rows; a window function joined back to programs by id
 * (the shape before) was planned as a scan of the whole table, its row count misestimated tenfold.
 * SQLite has no LATERAL: a window function over the institutions' programs, in one pass, with the
 * pruned columns selected inside it (no join back).
 */
export async function institutionPageRows(
  matching: SelectQueryBuilder<Program>,
  dialect: Dialect,
  institutionIds: readonly number[],
  ordering: Ordering,
  after: SortValue[] | null,
  limit: number,
): Promise<InstitutionPageRow[]> {
  const map = directMapper(matching);
  if (!map) throw new Error("institution pages: the programs query must read programs alone");
  if (after) applyKeyset(matching, ordering.keys, after);
  const outerOrder = ordering.keys.map((k, i) => `w.k_${i} ${k.direction}`).join(", ");
  let sql: string;
  let params: unknown[];
  if (dialect === "postgres") {
    matching.andWhere(`p.institutionId = iid.id`);
    applyOrdering(matching, ordering);
    matching.limit(limit);
    const [inner, innerParams] = matching.getQueryAndParameters();
    params = [...innerParams, [...institutionIds]];
    sql =
      `SELECT w.* FROM unnest($${params.length}::int[]) AS iid(id) CROSS JOIN LATERAL (${inner}) w ` +
      `ORDER BY ${outerOrder}`;
  } else {
    matching.andWhere("p.institutionId IN (:...pageIids)", { pageIids: [...institutionIds] });
    const window = ordering.keys.map((k) => `${k.expr} ${k.direction}`).join(", ");
    matching.addSelect(`ROW_NUMBER() OVER (PARTITION BY p.institutionId ORDER BY ${window})`, "wrn");
    applyOrdering(matching, ordering);
    const [inner, innerParams] = matching.getQueryAndParameters();
    params = [...innerParams, limit];
    sql = `SELECT w.* FROM (${inner}) w WHERE w.wrn <= ? ORDER BY ${outerOrder}`;
  }
  const rows: Record<string, unknown>[] = await matching.connection.query(sql, params);
  return rows.map((raw) => ({ entity: map(raw), raw }));
}

/** One institution's page from its rows (at most `first` + 1, in order), as `pagesByInstitution` answers it. */
export function institutionPage(
  rows: InstitutionPageRow[],
  args: ConnectionArgs,
  ordering: Ordering,
  count: () => Promise<number>,
): Page<Program> {
  const edges = rows
    .slice(0, args.first)
    .map(({ entity, raw }) => new KeyedEdge(entity, ordering.name, keysOf(ordering, raw)));
  return makePage(edges, rows.length > args.first, Boolean(args.after), count);
}
