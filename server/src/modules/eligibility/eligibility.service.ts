import { createHash } from "node:crypto";
import type { PageInfo } from "../../core/connection";
import { decodeCursor } from "../../core/cursor";
import { mapInSlices } from "../../core/event-loop";
import type { Requirement } from "../requirement/requirement.entity";
import type { CandidateProfile, EligibilityArgs } from "./eligibility.args";
import { resolveProfile } from "./eligibility.profile";
import type { ProgramFilter } from "../program/program.filter-input";
import type { Catalogue, EligibilityRecordSource, ResolvedProfile } from "./eligibility.records";
import type { BitSet } from "../../core/bitset";
import { pageByKeys } from "./eligibility.paging";
import { decidePrepared, prepare, type Decision, type PreparedProgram } from "./eligibility.rules";
import { WeighTable } from "./eligibility.table";
import type { EligibilityVerdictCounts } from "./eligibility.types";

export interface DecisionPage {
  edges: { cursor: string; node: Decision }[];
  pageInfo: PageInfo;
  totalCount: number;
  verdictCounts: EligibilityVerdictCounts;
  /** Catalogue entries the source has already read, by id. */
  requirements: ReadonlyMap<number, Requirement>;
}

/** Programs ready to weigh: prepared for deciding, and as a table (in the same order) for weighing. */
export interface WeighablePrograms {
  catalogue: Catalogue;
  programs: readonly PreparedProgram[];
  table: WeighTable;
  /** The program ids to weigh (a filter's); all of them for null. */
  members: BitSet | null;
}

/** Published programs prepared in advance (eligibility.index.ts), or null when they cannot answer this filter. */
export interface PreparedPublished {
  select(filter: ProgramFilter | null | undefined): Promise<WeighablePrograms | null>;
}

/**
 * Checks every program a filter matches against a candidate: gets compact records (a fixed
 * number of statements whatever the directory's or the page's size; one, the directory version,
 * for anonymous readers once the in-process index is current), weighs each (eligibility.table.ts),
 * then orders (ELIGIBLE, UNKNOWN by fewest unknowns, INELIGIBLE by fewest unmet; title, id within),
 * filters by verdict, counts and pages on the weights in memory, deciding in full only the page's.
 */
export class EligibilityService {
  constructor(
    private readonly source: EligibilityRecordSource,
    /** Anonymous readers' published programs; curators (drafts) and filters it cannot answer read the source. */
    private readonly published: PreparedPublished | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async check(profile: CandidateProfile, args: EligibilityArgs, includeDrafts: boolean): Promise<DecisionPage> {
    const indexed = includeDrafts || !this.published ? null : await this.published.select(args.filter);
    const catalogue = indexed?.catalogue ?? (await this.source.catalogue());
    const resolved = resolveProfile(profile, catalogue, this.now().getUTCFullYear());
    const ordering = `ELIGIBILITY:${fingerprint(resolved)}`;
    // Decode before reading the directory: a bad cursor costs no statements for its programs.
    const after = args.after ? decodeCursor(args.after, ordering, 3) : null;
    const { programs, table, members } = indexed ?? (await this.prepared(args.filter, includeDrafts, catalogue));
    // Every program is weighed (verdict and weight, no messages); the page's are then decided in full.
    const keys = table.weighAll(resolved, members);
    const { page, pageInfo, totalCount, verdictCounts } = pageByKeys(table, keys, args.verdicts, args, ordering, after);
    return {
      edges: page.map(({ position, cursor }) => ({ cursor, node: decidePrepared(programs[position], resolved) })),
      pageInfo,
      totalCount,
      verdictCounts,
      requirements: catalogue.entities ?? new Map(),
    };
  }

  /** The matching programs from the source (their records and their pathways'), prepared for deciding. */
  private async prepared(
    filter: ProgramFilter | null | undefined,
    includeDrafts: boolean,
    catalogue: Catalogue,
  ): Promise<WeighablePrograms> {
    const programs = await this.source.programs(filter, includeDrafts);
    const pathwayIds = [...new Set(programs.map((p) => p.pathwayId).filter((id): id is number => id !== null))];
    const pathways = new Map((await this.source.pathways(pathwayIds)).map((w) => [w.id, w]));
    const prepared = await mapInSlices(programs, (p) =>
      prepare(p, p.pathwayId === null ? null : (pathways.get(p.pathwayId) ?? null), catalogue),
    );
    return { catalogue, programs: prepared, table: new WeighTable(prepared), members: null };
  }
}

/** Ties a cursor to the profile it was issued for: another profile orders programs differently. */
function fingerprint(p: ResolvedProfile): string {
  const sorted = (s: Set<string> | null) => (s ? [...s].sort() : null);
  const canonical = JSON.stringify([
    p.stage,
    [...p.held].sort((a, b) => a - b),
    [...p.scores].sort((a, b) => a[0] - b[0]),
    p.visaNeeded,
    sorted(p.citizenships),
    sorted(p.permanentResidencies),
    p.yearsSinceGraduation,
    p.clinicalMonths,
    p.clinicalMonthsByCountry ? [...p.clinicalMonthsByCountry].sort() : null,
  ]);
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 10);
}
