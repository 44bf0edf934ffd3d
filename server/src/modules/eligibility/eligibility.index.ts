import { mapInSlices } from "../../core/event-loop";
import type { VersionedReadIndex } from "../../core/read-index";
import type { ProgramFacetIndex } from "../program/program.facet-index";
import type { ProgramFilter } from "../program/program.filter-input";
import type { RuleSources } from "./eligibility.listing-checks";
import type { Catalogue, EligibilityRecordSource } from "./eligibility.records";
import { prepare, type PreparedProgram } from "./eligibility.rules";
import type { PreparedPublished, WeighablePrograms } from "./eligibility.service";
import { WeighTable } from "./eligibility.table";

/**
 * Every published program prepared for deciding (eligibility.rules.ts `prepare`: its rules beside
 * its pathway's, its links merged with its pathway's and resolved against the catalogue), in the
 * directory's order (title, id, as the database sorts them), with the catalogue they were prepared
 * against. Read through the same source as a request on SQL, so both give the same records.
 */
export class EligibilityIndex {
  /** The programs laid out for weighing (a request weighs them all). */
  readonly table: WeighTable;

  private constructor(
    readonly catalogue: Catalogue,
    readonly programs: readonly PreparedProgram[],
  ) {
    this.table = new WeighTable(programs);
  }

  static async build(source: EligibilityRecordSource): Promise<EligibilityIndex> {
    const catalogue = await source.catalogue();
    const programs = await source.programs(null, false);
    const pathwayIds = [...new Set(programs.map((p) => p.pathwayId).filter((id): id is number => id !== null))];
    const pathways = new Map((await source.pathways(pathwayIds)).map((w) => [w.id, w]));
    // Programs with the same rules (most state none) share one sources object: a request checks
    // the listing rules once per distinct set (eligibility.rules.ts `weigh`).
    const shared = new Map<string, RuleSources>();
    const prepared = await mapInSlices(programs, (p) => {
      const out = prepare(p, p.pathwayId === null ? null : (pathways.get(p.pathwayId) ?? null), catalogue);
      const key = JSON.stringify(out.sources);
      const same = shared.get(key);
      if (same) out.sources = same;
      else shared.set(key, out.sources);
      return out;
    });
    return new EligibilityIndex(catalogue, prepared);
  }
}

/**
 * Anonymous readers' programs for a filter: the facet index's set for the filter (null: a filter
 * it cannot evaluate, then SQL) over this index's programs, both as built at the one directory
 * version the request reads.
 */
export class IndexedPublished implements PreparedPublished {
  constructor(
    private readonly records: VersionedReadIndex<EligibilityIndex>,
    private readonly facets: VersionedReadIndex<ProgramFacetIndex>,
  ) {}

  async select(filter: ProgramFilter | null | undefined): Promise<WeighablePrograms | null> {
    const version = await this.records.version();
    const [index, facets] = await Promise.all([this.records.at(version), this.facets.at(version)]);
    const set = facets?.matching(filter);
    if (!index || !set) return null;
    return { catalogue: index.catalogue, programs: index.programs, table: index.table, members: filter ? set : null };
  }
}
