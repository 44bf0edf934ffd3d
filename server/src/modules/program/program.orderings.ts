import type { Dialect } from "../../core/data-source";
import { SortDirection } from "../../core/enums";
import { flip, type Ordering, type SortKey } from "../../core/pagination";
import { ProgramOrder } from "./program.args";

/** Alias under which INSTITUTION ordering expects institutions left-joined onto `p`. */
export const ORDER_INSTITUTION_ALIAS = "oinst";

/** A key; `fixed` keeps its direction when the whole ordering is reversed (nulls-last flags). */
type NaturalKey = SortKey & { fixed?: boolean };

const NATURAL_DIRECTION: Record<ProgramOrder, SortDirection> = {
  [ProgramOrder.RELEVANCE]: SortDirection.DESC,
  [ProgramOrder.TITLE]: SortDirection.ASC,
  [ProgramOrder.INSTITUTION]: SortDirection.ASC,
  [ProgramOrder.TYPE]: SortDirection.ASC,
  [ProgramOrder.STATUS]: SortDirection.ASC,
  [ProgramOrder.LAST_VERIFIED]: SortDirection.DESC,
  [ProgramOrder.RECENTLY_UPDATED]: SortDirection.DESC,
};

/**
 * A timestamp key: SQLite compares the stored text exactly; PostgreSQL keeps microseconds that a
 * JavaScript Date would drop, so the cursor carries the value as text.
 */
function timestamp(dialect: Dialect, expr: string, direction: "ASC" | "DESC"): SortKey {
  return dialect === "postgres" ? { expr, direction, cursorExpr: `CAST(${expr} AS text)` } : { expr, direction };
}

const title: NaturalKey = { expr: "p.title", direction: "ASC" };
const id = (direction: "ASC" | "DESC"): NaturalKey => ({ expr: "p.id", direction });

function naturalKeys(order: ProgramOrder, dialect: Dialect, relevance: string | undefined): NaturalKey[] {
  switch (order) {
    case ProgramOrder.RELEVANCE:
      if (!relevance) throw new Error("RELEVANCE ordering without a search");
      return [{ expr: relevance, direction: "DESC" }, title, id("ASC")];
    case ProgramOrder.TITLE:
      return [title, id("ASC")];
    case ProgramOrder.INSTITUTION: {
      const name = `${ORDER_INSTITUTION_ALIAS}.name`;
      return [
        { expr: `CASE WHEN ${name} IS NULL THEN 1 ELSE 0 END`, direction: "ASC", fixed: true },
        { expr: `COALESCE(${name}, '')`, direction: "ASC" },
        title,
        id("ASC"),
      ];
    }
    case ProgramOrder.TYPE:
      return [
        {
          expr: "CASE p.type WHEN 'RESIDENCY' THEN 0 WHEN 'FELLOWSHIP' THEN 1 WHEN 'CLINICAL_ELECTIVE' THEN 2 ELSE 3 END",
          direction: "ASC",
        },
        title,
        id("ASC"),
      ];
    case ProgramOrder.STATUS:
      return [
        { expr: "CASE p.status WHEN 'DRAFT' THEN 0 WHEN 'PUBLISHED' THEN 1 ELSE 2 END", direction: "ASC" },
        title,
        id("ASC"),
      ];
    case ProgramOrder.LAST_VERIFIED: {
      // Never verified sorts as the oldest: after every verified program going DESC, before them ASC.
      const epoch = dialect === "postgres" ? "TIMESTAMP '1970-01-01 00:00:00'" : "''";
      return [
        { expr: "CASE WHEN p.lastVerifiedAt IS NULL THEN 0 ELSE 1 END", direction: "DESC" },
        timestamp(dialect, `COALESCE(p.lastVerifiedAt, ${epoch})`, "DESC"),
        id("DESC"),
      ];
    }
    case ProgramOrder.RECENTLY_UPDATED:
      return [timestamp(dialect, "p.updatedAt", "DESC"), id("DESC")];
  }
}

export interface ProgramOrderingRequest {
  order: ProgramOrder;
  direction?: SortDirection | null;
  dialect: Dialect;
  /** The relevance expression the search join returned, and the search's fingerprint. */
  relevance?: { expr: string; fingerprint: string };
}

/** The keyset ordering for a program order and direction; DESC is exactly ASC reversed. */
export function programOrdering(req: ProgramOrderingRequest): Ordering & { needsInstitution: boolean } {
  const direction = req.direction ?? NATURAL_DIRECTION[req.order];
  const reverse = direction !== NATURAL_DIRECTION[req.order];
  const keys = naturalKeys(req.order, req.dialect, req.relevance?.expr).map(({ fixed, ...k }) =>
    reverse && !fixed ? { ...k, direction: flip(k.direction) } : k,
  );
  const suffix = req.order === ProgramOrder.RELEVANCE ? `:${req.relevance?.fingerprint}` : "";
  return { name: `${req.order}:${direction}${suffix}`, keys, needsInstitution: req.order === ProgramOrder.INSTITUTION };
}
