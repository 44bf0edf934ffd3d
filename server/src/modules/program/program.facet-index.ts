import type { DataSource } from "typeorm";
import { BitSet } from "../../core/bitset";
import { dialectOf } from "../../core/data-source";
import { onTurn } from "../../core/event-loop";
import { heavyQuery } from "../../core/sqlite-readers";
import { audiencesMatching, type FacetDimension } from "./program.filter";
import type { ProgramFilter } from "./program.filter-input";
import type { FacetCount } from "./program.facets";

/** One facet value: its programs (published ones), its label, and whether it is offered as a facet. */
interface ValueSet {
  label: string;
  /** The French label (pathways and requirements have one), answered when French is asked for. */
  labelFr?: string | null;
  programs: BitSet;
  /** Archived catalogue entries still filter (as in SQL) but are not offered as facet values. */
  offered: boolean;
}

type Values = Map<string, ValueSet>;

/** Counts per raw value of each dimension (before labels, the audience merge and ordering). */
export type RawFacetCounts = Record<FacetDimension, FacetCount[]>;

/**
 * The published directory as bitmaps: per facet value the set of its published program ids, and
 * the flags the boolean filters test. Answers `programFacets` for anonymous readers without SQL,
 * exactly as program.facets.ts counts in SQL (a test compares both over a generated directory).
 */
export class ProgramFacetIndex {
  private constructor(
    readonly published: BitSet,
    private readonly dimensions: Record<FacetDimension, Values>,
    private readonly flags: Record<"handsOnPatientCare" | "visaSponsorship", Record<"true" | "false", BitSet>>,
    private readonly imgPositions: BitSet,
  ) {}

  /** Programs matching every filter field but `except`'s; null when a field is one the index cannot answer. */
  matching(filter: ProgramFilter | null | undefined, except?: FacetDimension): BitSet | null {
    if (!filter) return this.published;
    if (
      filter.institution?.length ||
      filter.status?.length ||
      typeof filter.verified === "boolean" ||
      typeof filter.dueForReview === "boolean" ||
      typeof filter.translationStale === "boolean"
    )
      return null;
    let set = this.published;
    const given = <V>(v: V[] | null | undefined): v is V[] => Array.isArray(v) && v.length > 0;
    const union = (dimension: FacetDimension, values: string[]) => {
      const out = new BitSet(this.published.size);
      for (const v of values) {
        const found = this.dimensions[dimension].get(v);
        if (found) out.orInPlace(found.programs);
      }
      return out;
    };
    if (given(filter.ids)) set = set.and(BitSet.of(set.size, filter.ids.map(Number)));
    if (given(filter.type) && except !== "type") set = set.and(union("type", filter.type));
    if (given(filter.audience) && except !== "audience")
      set = set.and(union("audience", filter.audience.flatMap(audiencesMatching)));
    if (given(filter.country) && except !== "country") set = set.and(union("country", filter.country));
    if (given(filter.region) && except !== "region")
      set = set.and(
        union(
          "region",
          filter.region.map((r) => r.toUpperCase()),
        ),
      );
    for (const dimension of ["specialty", "pathway", "requirement"] as const) {
      const values = filter[dimension];
      if (given(values) && except !== dimension) set = set.and(union(dimension, values));
    }
    for (const field of ["handsOnPatientCare", "visaSponsorship"] as const) {
      const value = filter[field];
      if (value === true || value === false) set = set.and(this.flags[field][String(value) as "true" | "false"]);
    }
    if (filter.hasImgPositions === true) set = set.and(this.imgPositions);
    if (filter.hasImgPositions === false) set = set.and(this.published.and(complement(this.imgPositions)));
    return set;
  }

  /** The facet counts per raw value for a filter, or null when the filter needs SQL. */
  counts(filter: ProgramFilter | null | undefined): RawFacetCounts | null {
    const out = {} as RawFacetCounts;
    for (const dimension of Object.keys(this.dimensions) as FacetDimension[]) {
      const base = this.matching(filter, dimension);
      if (!base) return null;
      const counts: FacetCount[] = [];
      for (const [value, entry] of this.dimensions[dimension]) {
        if (!entry.offered) continue;
        const count = base.countAnd(entry.programs);
        if (count > 0) counts.push({ value, label: entry.label, labelFr: entry.labelFr ?? null, count });
      }
      out[dimension] = counts;
    }
    return out;
  }

  /** Reads the published directory: six statements, the link tables aggregated per value in SQL. */
  static async build(ds: DataSource): Promise<ProgramFacetIndex> {
    const agg =
      dialectOf(ds) === "postgres" ? (c: string) => `string_agg(${c}::text, ',')` : (c: string) => `group_concat(${c})`;
    type ProgramRow = {
      id: number;
      type: string;
      audience: string;
      country: string;
      region: string | null;
      pathwayId: number | null;
      hands: boolean | number | null;
      visa: boolean | number | null;
      img: number | null;
    };
    const programs = await heavyQuery<ProgramRow>(
      ds,
      `SELECT id, type, audience, country, region, "pathwayId", "handsOnPatientCare" AS hands,
        "visaSponsorship" AS visa, "imgPositions" AS img FROM programs WHERE status = 'PUBLISHED'`,
      [],
    );
    const size = programs.reduce((max, p) => Math.max(max, Number(p.id)), 0) + 1;
    // Each step below walks every published program or link: a turn of the event loop each (core/event-loop.ts).
    const published = await onTurn(() =>
      BitSet.of(
        size,
        programs.map((p) => Number(p.id)),
      ),
    );
    const column = (pick: (p: ProgramRow) => string | null): Values => {
      const values: Values = new Map();
      for (const p of programs) {
        const v = pick(p);
        if (v === null) continue;
        let entry = values.get(v);
        if (!entry) values.set(v, (entry = { label: v, programs: new BitSet(size), offered: true }));
        entry.programs.add(Number(p.id));
      }
      return values;
    };
    const flag = (pick: (p: ProgramRow) => boolean | number | null) => ({
      true: BitSet.of(
        size,
        programs.filter((p) => pick(p) !== null && Boolean(pick(p))).map((p) => Number(p.id)),
      ),
      false: BitSet.of(
        size,
        programs.filter((p) => pick(p) !== null && !pick(p)).map((p) => Number(p.id)),
      ),
    });
    const ids = (list: string | null) => (list ? list.split(",").map(Number) : []);

    type Catalogue = { id: number; key: string; name: string; nameFr?: string | null; archived: boolean | number };
    const catalogue = async (sql: string) => heavyQuery<Catalogue>(ds, sql, []);
    const linked = async (sql: string) => {
      const out = new Map<number, number[]>();
      for (const r of await heavyQuery<{ k: number; ids: string | null }>(ds, sql, []))
        out.set(Number(r.k), await onTurn(() => ids(r.ids)));
      return out;
    };

    const specialty: Values = new Map();
    const specialtyLinks = await linked(
      `SELECT "specialtyId" AS k, ${agg('"programId"')} AS ids FROM program_specialties GROUP BY "specialtyId"`,
    );
    for (const s of await catalogue(
      `SELECT id, slug AS key, name, ("archivedAt" IS NOT NULL) AS archived FROM specialties`,
    )) {
      const set = BitSet.of(size, specialtyLinks.get(Number(s.id)) ?? []).and(published);
      specialty.set(s.key, { label: s.name, programs: set, offered: !s.archived });
    }

    const pathway: Values = new Map();
    const programsOfPathway = new Map<number, number[]>();
    for (const p of programs) {
      if (p.pathwayId === null) continue;
      const list = programsOfPathway.get(Number(p.pathwayId)) ?? [];
      list.push(Number(p.id));
      programsOfPathway.set(Number(p.pathwayId), list);
    }
    for (const w of await catalogue(
      `SELECT id, slug AS key, name, "nameFr" AS "nameFr", ("archivedAt" IS NOT NULL) AS archived FROM pathways`,
    )) {
      pathway.set(w.key, {
        label: w.name,
        labelFr: w.nameFr ?? null,
        programs: BitSet.of(size, programsOfPathway.get(Number(w.id)) ?? []),
        offered: !w.archived,
      });
    }

    // A program asks for a requirement itself or through its pathway.
    const requirement: Values = new Map();
    const ownLinks = await linked(
      `SELECT "requirementId" AS k, ${agg('"programId"')} AS ids FROM program_requirements GROUP BY "requirementId"`,
    );
    const pathwayLinks = await linked(
      `SELECT "requirementId" AS k, ${agg('"pathwayId"')} AS ids FROM pathway_requirements GROUP BY "requirementId"`,
    );
    for (const r of await catalogue(
      `SELECT id, code AS key, name, "nameFr" AS "nameFr", ("archivedAt" IS NOT NULL) AS archived FROM requirements`,
    )) {
      const set = await onTurn(() => BitSet.of(size, ownLinks.get(Number(r.id)) ?? []));
      for (const pathwayId of pathwayLinks.get(Number(r.id)) ?? [])
        for (const programId of programsOfPathway.get(pathwayId) ?? []) set.add(programId);
      requirement.set(r.key, {
        label: r.name,
        labelFr: r.nameFr ?? null,
        programs: set.and(published),
        offered: !r.archived,
      });
    }

    return new ProgramFacetIndex(
      published,
      {
        type: await onTurn(() => column((p) => p.type)),
        audience: await onTurn(() => column((p) => p.audience)),
        country: await onTurn(() => column((p) => p.country)),
        region: await onTurn(() => column((p) => p.region)),
        specialty,
        pathway,
        requirement,
      },
      {
        handsOnPatientCare: await onTurn(() => flag((p) => p.hands)),
        visaSponsorship: await onTurn(() => flag((p) => p.visa)),
      },
      await onTurn(() =>
        BitSet.of(
          size,
          programs.filter((p) => p.img !== null && Number(p.img) > 0).map((p) => Number(p.id)),
        ),
      ),
    );
  }
}

function complement(set: BitSet): BitSet {
  const out = new BitSet(set.size);
  for (let i = 0; i < set.words.length; i++) out.words[i] = ~set.words[i];
  return out;
}
