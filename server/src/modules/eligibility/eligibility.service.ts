import { createHash } from "node:crypto";
import type { ConnectionArgs, PageInfo } from "../../core/connection";
import { decodeCursor, encodeCursor } from "../../core/cursor";
import { mapInSlices } from "../../core/event-loop";
import type { Requirement } from "../requirement/requirement.entity";
import type { CandidateProfile, EligibilityArgs } from "./eligibility.args";
import { resolveProfile } from "./eligibility.profile";
import type { EligibilityRecordSource, ResolvedProfile } from "./eligibility.records";
import { byVerdict, decide, VERDICT_RANK, type Decision } from "./eligibility.rules";
import { EligibilityVerdict, type EligibilityVerdictCounts } from "./eligibility.types";

export interface DecisionPage {
  edges: { cursor: string; node: Decision }[];
  pageInfo: PageInfo;
  totalCount: number;
  verdictCounts: EligibilityVerdictCounts;
  /** Catalogue entries the source has already read, by id. */
  requirements: ReadonlyMap<number, Requirement>;
}

/**
 * Checks every program a filter matches against a candidate: loads compact records (a fixed
 * number of statements whatever the directory's or the page's size), decides each with a pure
 * function, then sorts (ELIGIBLE, UNKNOWN by fewest unknowns, INELIGIBLE by fewest unmet; title,
 * id within), filters by verdict, counts and pages in memory.
 */
export class EligibilityService {
  constructor(
    private readonly source: EligibilityRecordSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async check(profile: CandidateProfile, args: EligibilityArgs, includeDrafts: boolean): Promise<DecisionPage> {
    const catalogue = await this.source.catalogue();
    const resolved = resolveProfile(profile, catalogue, this.now().getUTCFullYear());
    const ordering = `ELIGIBILITY:${fingerprint(resolved)}`;
    // Decode before reading the directory: a bad cursor costs no statements.
    const after = args.after ? decodeCursor(args.after, ordering, 3) : null;
    const programs = await this.source.programs(args.filter, includeDrafts);
    const pathwayIds = [...new Set(programs.map((p) => p.pathwayId).filter((id): id is number => id !== null))];
    const pathways = new Map((await this.source.pathways(pathwayIds)).map((w) => [w.id, w]));

    const decisions = (
      await mapInSlices(programs, (p) =>
        decide(p, p.pathwayId === null ? null : (pathways.get(p.pathwayId) ?? null), resolved, catalogue),
      )
    ).sort(byVerdict);
    const verdictCounts = { eligible: 0, unknown: 0, ineligible: 0 };
    for (const d of decisions) verdictCounts[COUNT_KEY[d.verdict]]++;
    const wanted = args.verdicts?.length ? new Set(args.verdicts) : null;
    const matching = wanted ? decisions.filter((d) => wanted.has(d.verdict)) : decisions;
    return {
      ...page(matching, args, ordering, after),
      totalCount: matching.length,
      verdictCounts,
      requirements: catalogue.entities ?? new Map(),
    };
  }
}

const COUNT_KEY = {
  [EligibilityVerdict.ELIGIBLE]: "eligible",
  [EligibilityVerdict.UNKNOWN]: "unknown",
  [EligibilityVerdict.INELIGIBLE]: "ineligible",
} as const;

type CursorValues = (string | number | Date | null)[];

/** A cursor holds [rank, weight, id]: the page goes on after that program, or after its place if it has gone. */
function page(
  sorted: Decision[],
  args: ConnectionArgs,
  ordering: string,
  after: CursorValues | null,
): Pick<DecisionPage, "edges" | "pageInfo"> {
  let start = 0;
  if (after) {
    const [rank, weight, id] = after.map(Number);
    const at = sorted.findIndex((d) => d.programId === id);
    start =
      at >= 0 && VERDICT_RANK[sorted[at].verdict] === rank && sorted[at].weight === weight
        ? at + 1
        : sorted.findIndex(
            (d) => VERDICT_RANK[d.verdict] > rank || (VERDICT_RANK[d.verdict] === rank && d.weight > weight),
          );
    if (start < 0) start = sorted.length;
  }
  const slice = sorted.slice(start, start + args.first);
  const edges = slice.map((node) => ({
    node,
    cursor: encodeCursor(ordering, [VERDICT_RANK[node.verdict], node.weight, node.programId]),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + args.first < sorted.length,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
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
