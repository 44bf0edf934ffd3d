import { Field, Int, ObjectType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { heavyQuery, offMainThread } from "../../core/sqlite-readers";
import type { SearchTerms } from "../search/search-terms";
import { Pathway } from "../pathway/pathway.entity";
import { Specialty } from "../specialty/specialty.entity";
import { Audience } from "./program.enums";
import { audiencesMatching, type FacetDimension } from "./program.filter";
import type { ProgramFilter } from "./program.filter-input";
import { AUDIENCE_LABELS, COUNTRY_LABELS, PROGRAM_TYPE_LABELS, REGION_LABELS } from "./program.labels";
import { ProgramSpecialty } from "./program-specialty.entity";
import type { Program } from "./program.entity";
import type { ProgramService } from "./program.service";

@ObjectType({ simpleResolvers: true, description: "One value of a facet and how many programs it would show" })
export class FacetCount {
  @Field({ description: "What to put in the filter: an enum value, a region code, a slug or a requirement code" })
  value: string;

  // GraphQL `label` answers in the asked locale (program-facets.resolver.ts).
  label: string;

  /** The French name of a pathway or requirement value, when it has one. */
  labelFr?: string | null;

  @Field(() => Int, { description: "Programs matching this value and every other active filter (and the search)" })
  count: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Counts for a filter sidebar. Each facet applies every active filter except its own, so a count is the number " +
    "of programs the list would show with that value chosen instead; values with no such program are left out. " +
    "Ordered by count, largest first, then by label.",
})
export class ProgramFacets {
  @Field(() => [FacetCount]) type: FacetCount[];
  @Field(() => [FacetCount], {
    description: "GRADUATE and STUDENT include programs for BOTH, as the audience filter does",
  })
  audience: FacetCount[];
  @Field(() => [FacetCount]) country: FacetCount[];
  @Field(() => [FacetCount]) region: FacetCount[];
  @Field(() => [FacetCount]) specialty: FacetCount[];
  @Field(() => [FacetCount]) pathway: FacetCount[];
  @Field(() => [FacetCount], {
    description: "Programs asking for the requirement, themselves or through their pathway",
  })
  requirement: FacetCount[];
}

type Row = { value: string; label?: string | null; labelFr?: string | null; n: string | number };

/**
 * The requirement facet: matching programs (`matching`, the program query with every other filter)
 * paired with each requirement they ask for, their own or their pathway's, once per pair. The
 * pairs come from the matching programs only: a UNION over every program's links, filtered after,
 * made SQLite materialise all of them first (745 ms of a facet request at 100,000 programs; this
 * form 237 ms, docs/BENCHMARKS.md). A CTE names the matching programs once, so its parameters are
 * bound once on either dialect.
 */
async function requirementCounts(matching: SelectQueryBuilder<Program>, includeArchived: boolean): Promise<Row[]> {
  const [programsSql, parameters] = matching
    .select("p.id", "id")
    .addSelect("p.pathwayId", "pathwayId")
    .getQueryAndParameters();
  const sql = `WITH m AS (${programsSql})
    SELECT fx.code AS value, fx.name AS label, fx."nameFr" AS "labelFr", COUNT(*) AS n
    FROM (SELECT xa."programId" AS pid, xa."requirementId" AS rid FROM m JOIN program_requirements xa ON xa."programId" = m.id
          UNION SELECT m.id, xc."requirementId" FROM m JOIN pathway_requirements xc ON xc."pathwayId" = m."pathwayId") fa
    JOIN requirements fx ON fx.id = fa.rid${includeArchived ? "" : ` AND fx."archivedAt" IS NULL`}
    GROUP BY fx.code, fx.name, fx."nameFr"`;
  return heavyQuery<Row>(matching.connection, sql, parameters);
}

function sorted(counts: FacetCount[]): FacetCount[] {
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || a.value.localeCompare(b.value));
}

/**
 * One GROUP BY statement per dimension, each over the programs matching every other filter.
 * Each may take hundreds of milliseconds over a large directory: they run off the event loop.
 */
export async function computeProgramFacets(
  programs: ProgramService,
  criteria: { includeDrafts: boolean; filter?: ProgramFilter | null; search?: SearchTerms | null },
): Promise<ProgramFacets> {
  const counts = (rows: Row[]) =>
    rows.map((r) => ({
      value: String(r.value),
      label: r.label ?? String(r.value),
      labelFr: r.labelFr ?? null,
      count: Number(r.n),
    }));
  const grouped = async (
    dimension: FacetDimension,
    shape: (qb: SelectQueryBuilder<Program>) => SelectQueryBuilder<Program>,
  ) =>
    counts(
      await offMainThread(shape(programs.matching(criteria, dimension).qb))
        .addSelect("COUNT(DISTINCT p.id)", "n")
        .getRawMany<Row>(),
    );
  const byColumn = (column: string) => (qb: SelectQueryBuilder<Program>) =>
    qb.select(`(${column})`, "value").andWhere(`${column} IS NOT NULL`).groupBy(column);
  // Archived catalogue entries are not shown to anonymous readers, nor offered to them as facets.
  const shown = criteria.includeDrafts ? "" : " AND fx.archivedAt IS NULL";
  const byEntity = (qb: SelectQueryBuilder<Program>) =>
    qb.select("(fx.slug)", "value").addSelect("(fx.name)", "label").groupBy("fx.slug").addGroupBy("fx.name");
  // Pathways have French names (specialties do not, yet).
  const byTranslatedEntity = (qb: SelectQueryBuilder<Program>) =>
    byEntity(qb).addSelect("(fx.nameFr)", "labelFr").addGroupBy("fx.nameFr");

  const [type, audience, country, region, specialty, pathway, requirement] = await Promise.all([
    grouped("type", byColumn("p.type")),
    grouped("audience", byColumn("p.audience")),
    grouped("country", byColumn("p.country")),
    grouped("region", byColumn("p.region")),
    grouped("specialty", (qb) =>
      byEntity(
        qb
          .innerJoin(ProgramSpecialty, "fps", "fps.programId = p.id")
          .innerJoin(Specialty, "fx", `fx.id = fps.specialtyId${shown}`),
      ),
    ),
    grouped("pathway", (qb) => byTranslatedEntity(qb.innerJoin(Pathway, "fx", `fx.id = p.pathwayId${shown}`))),
    requirementCounts(programs.matching(criteria, "requirement").qb, criteria.includeDrafts).then(counts),
  ]);

  return assembleFacets({ type, audience, country, region, specialty, pathway, requirement });
}

/** Counts per raw value, as SQL or the read index (program.facet-index.ts) finds them, made into the answer. */
export function assembleFacets(raw: Record<FacetDimension, FacetCount[]>): ProgramFacets {
  // A program for BOTH counts under GRADUATE and STUDENT too, exactly as filtering by them would show it.
  const perAudience = new Map(raw.audience.map((a) => [a.value, a.count]));
  const audienceCounts = Object.values(Audience).map((value) => ({
    value,
    label: AUDIENCE_LABELS[value],
    count: audiencesMatching(value).reduce((sum, a) => sum + (perAudience.get(a) ?? 0), 0),
  }));

  const relabel = (labels: Record<string, string>) => (c: FacetCount) => ({ ...c, label: labels[c.value] ?? c.value });
  return {
    type: sorted(raw.type.map(relabel(PROGRAM_TYPE_LABELS))),
    audience: sorted(audienceCounts),
    country: sorted(raw.country.map(relabel(COUNTRY_LABELS))),
    region: sorted(raw.region.map(relabel(REGION_LABELS))),
    specialty: sorted(raw.specialty),
    pathway: sorted(raw.pathway),
    requirement: sorted(raw.requirement),
  };
}
