import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { translationStaleSql } from "../../core/translation";
import { Audience } from "./program.enums";
import type { ProgramFilter } from "./program.filter-input";

/** The filter fields a facet counts over; each facet applies every filter except its own. */
export type FacetDimension = "type" | "audience" | "country" | "region" | "specialty" | "pathway" | "requirement";

export interface FilterContext {
  /** A listing verified longer ago than this is due for review. */
  reviewIntervalDays: number;
  now?: Date;
}

/** Audiences a program may have to match one audience value: graduates and students include BOTH. */
export function audiencesMatching(value: Audience): Audience[] {
  return value === Audience.BOTH ? [Audience.BOTH] : [value, Audience.BOTH];
}

/** The number of the last parameter a filter named in the query (0 for none): `pf<number>_<field>`. */
function lastFilterParameter(qb: SelectQueryBuilder<ObjectLiteral>): number {
  let last = 0;
  for (const key of Object.keys(qb.getParameters())) {
    const numbered = /^pf(\d+)_/.exec(key);
    if (numbered) last = Math.max(last, Number(numbered[1]));
  }
  return last;
}

/**
 * SQL that asks whether program `p` asks for a requirement (REQUIRED or RECOMMENDED), itself or
 * through its pathway, whose code is in the list parameter `param`.
 */
export function asksForRequirementSql(param: string): string {
  return `(EXISTS (SELECT 1 FROM program_requirements xpr JOIN requirements xr ON xr.id = xpr."requirementId"
      WHERE xpr."programId" = p.id AND xr.code IN (:...${param}))
    OR EXISTS (SELECT 1 FROM pathway_requirements xwr JOIN requirements xwq ON xwq.id = xwr."requirementId"
      WHERE xwr."pathwayId" = p.pathwayId AND xwq.code IN (:...${param})))`;
}

/**
 * Narrows a query of programs (alias `p`) to a filter: OR inside a list, AND across fields.
 * Everything is a condition on `p` (subqueries, no joins), so the query keeps one row per
 * program and counts stay simple. `except` leaves one dimension out (for its facet).
 */
export function applyProgramFilter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  filter: ProgramFilter | null | undefined,
  ctx: FilterContext,
  except?: FacetDimension,
): void {
  if (!filter) return;
  // Numbered after the query's own parameters: unique within it (a filter applied twice, or to a
  // clone of a filtered query, never collides) and the same in queries built alike, so that a
  // page's text can be reused (core/query-text.ts).
  let seq = lastFilterParameter(qb);
  const n = (name: string) => `pf${++seq}_${name}`;
  const given = <V>(v: V[] | null | undefined): v is V[] => Array.isArray(v) && v.length > 0;
  const inList = (column: string, name: string, values: unknown[]) => {
    const p = n(name);
    qb.andWhere(`${column} IN (:...${p})`, { [p]: values });
  };

  if (given(filter.ids)) inList("p.id", "ids", filter.ids.map(Number));
  if (given(filter.type) && except !== "type") inList("p.type", "type", filter.type);
  if (given(filter.audience) && except !== "audience")
    inList("p.audience", "audience", [...new Set(filter.audience.flatMap(audiencesMatching))]);
  if (given(filter.country) && except !== "country") inList("p.country", "country", filter.country);
  if (given(filter.region) && except !== "region")
    inList(
      "p.region",
      "region",
      filter.region.map((r) => r.toUpperCase()),
    );
  if (given(filter.status)) inList("p.status", "status", filter.status);
  if (given(filter.specialty) && except !== "specialty") {
    const p = n("specialty");
    qb.andWhere(
      `EXISTS (SELECT 1 FROM program_specialties xps JOIN specialties xs ON xs.id = xps."specialtyId" WHERE xps."programId" = p.id AND xs.slug IN (:...${p}))`,
      { [p]: filter.specialty },
    );
  }
  if (given(filter.institution)) {
    const p = n("institution");
    qb.andWhere(`p.institutionId IN (SELECT xi.id FROM institutions xi WHERE xi.slug IN (:...${p}))`, {
      [p]: filter.institution,
    });
  }
  if (given(filter.pathway) && except !== "pathway") {
    const p = n("pathway");
    qb.andWhere(`p.pathwayId IN (SELECT xw.id FROM pathways xw WHERE xw.slug IN (:...${p}))`, { [p]: filter.pathway });
  }
  if (given(filter.requirement) && except !== "requirement") {
    const p = n("requirement");
    qb.andWhere(asksForRequirementSql(p), { [p]: filter.requirement });
  }
  for (const field of ["handsOnPatientCare", "visaSponsorship"] as const) {
    const value = filter[field];
    if (value === true || value === false) {
      const p = n(field);
      qb.andWhere(`p.${field} = :${p}`, { [p]: value });
    }
  }
  if (typeof filter.translationStale === "boolean") qb.andWhere(translationStaleSql("p", filter.translationStale));
  if (filter.hasImgPositions === true) qb.andWhere("p.imgPositions > 0");
  if (filter.hasImgPositions === false) qb.andWhere("(p.imgPositions IS NULL OR p.imgPositions <= 0)");

  // verified and dueForReview are two names for one split: verified within the review interval and
  // unchanged since, or not.
  const verifiedWanted = [
    filter.verified,
    filter.dueForReview === null || filter.dueForReview === undefined ? undefined : !filter.dueForReview,
  ];
  for (const wanted of verifiedWanted) {
    if (wanted !== true && wanted !== false) continue;
    const p = n("cutoff");
    const cutoff = new Date((ctx.now ?? new Date()).getTime() - ctx.reviewIntervalDays * 86_400_000);
    // A fact changed since the verification makes the listing due again (core/provenance.ts).
    if (wanted)
      qb.andWhere(`p.lastVerifiedAt >= :${p} AND p.changedSinceVerified = :${p}f`, { [p]: cutoff, [`${p}f`]: false });
    else
      qb.andWhere(
        new Brackets((b) =>
          b
            .where("p.lastVerifiedAt IS NULL")
            .orWhere(`p.lastVerifiedAt < :${p}`, { [p]: cutoff })
            .orWhere(`p.changedSinceVerified = :${p}t`, { [`${p}t`]: true }),
        ),
      );
  }
}
