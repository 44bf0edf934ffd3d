import type { Page } from "../../core/connection";
import { parsedJson } from "../../core/json-select";
import { applyOrdering } from "../../core/pagination";
import { directMapper } from "../../core/rows";
import { ProgramOrder } from "./program.args";
import { institutionPage } from "./program.institution-pages";
import { programOrdering } from "./program.orderings";
import type { Program } from "./program.entity";
import type { ProgramPageArgs, ProgramService } from "./program.service";

/**
 * An owner's first programs as one JSON column of the owner's own statement (PostgreSQL): a
 * correlated `LIMIT first + 1` subquery aggregated with `json_agg`, as PostGraphile reads nested
 * lists, instead of a second statement for every owner's page. Each element is the raw row the
 * page statement of `pagesByInstitution` would return (same columns, visibility, order and cursor
 * keys), so the pages built from it are the same.
 *
 * Only for what JSON carries exactly as the driver does: the default title order (its cursor keys
 * are text and an integer id), from the start (no cursor), without a filter; anything else keeps
 * the page statement.
 */
export interface NestedProgramPages {
  /** The column's SQL, with named parameters. */
  select: string;
  parameters: Record<string, unknown>;
  /** The owner's page from the column's value. */
  pageOf(value: unknown, count: () => Promise<number>): Page<Program>;
}

export function nestedProgramPages(
  programs: ProgramService,
  args: ProgramPageArgs,
  includeDrafts: boolean,
  columns: readonly string[] | null,
  ownerIdSql: string,
): NestedProgramPages | null {
  const titleOrder = !args.orderBy || args.orderBy === ProgramOrder.TITLE;
  if (programs.dialect !== "postgres" || !titleOrder || args.after || args.filter) return null;
  if (!Number.isInteger(args.first) || args.first <= 0) return null;
  const ordering = programOrdering({ order: ProgramOrder.TITLE, direction: args.orderDirection, dialect: "postgres" });
  const { qb } = programs.matching({ includeDrafts, filter: null, columns });
  qb.andWhere(`p.institutionId = ${ownerIdSql}`);
  applyOrdering(qb, ordering);
  qb.limit(args.first + 1);
  const map = directMapper(qb);
  if (!map) return null;
  const order = ordering.keys.map((k, i) => `w."k_${i}" ${k.direction}`).join(", ");
  return {
    select: `(SELECT json_agg(w ORDER BY ${order}) FROM (${qb.getQuery()}) w)`,
    parameters: qb.getParameters(),
    pageOf: (value, count) =>
      institutionPage(
        (parsedJson<Record<string, unknown>[]>(value) ?? []).map((raw) => ({ entity: map(raw), raw })),
        args,
        ordering,
        count,
      ),
  };
}
