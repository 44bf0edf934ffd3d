/**
 * Sorting, counting and paging the programs a check weighed (eligibility.rules.ts `weigh`): all of
 * it on weigh keys, so that only the page's programs are decided with their messages.
 */
import type { ConnectionArgs, PageInfo } from "../../core/connection";
import { encodeCursor } from "../../core/cursor";
import { KEY_RANK, VERDICT_RANK, type PreparedProgram } from "./eligibility.rules";
import type { EligibilityVerdict, EligibilityVerdictCounts } from "./eligibility.types";

/** A program and its weigh key (verdict rank × KEY_RANK + weight). */
export interface Weighed {
  program: PreparedProgram;
  key: number;
}

/**
 * ELIGIBLE, then UNKNOWN by fewest unknowns, then INELIGIBLE by fewest unmet, keeping the title, id
 * order the programs come in within each: a bucket per key, one pass over them all.
 */
export function sortByKey(items: readonly Weighed[]): Weighed[] {
  const buckets = new Map<number, Weighed[]>();
  for (const w of items) {
    const bucket = buckets.get(w.key);
    if (bucket) bucket.push(w);
    else buckets.set(w.key, [w]);
  }
  const out: Weighed[] = [];
  for (const key of [...buckets.keys()].sort((a, b) => a - b)) for (const w of buckets.get(key)!) out.push(w);
  return out;
}

const COUNT_KEY = ["eligible", "unknown", "ineligible"] as const;

export function countVerdicts(items: readonly Weighed[]): EligibilityVerdictCounts {
  const counts = { eligible: 0, unknown: 0, ineligible: 0 };
  for (const w of items) counts[COUNT_KEY[Math.floor(w.key / KEY_RANK)]]++;
  return counts;
}

/** Only the programs with one of these verdicts (all of them for none). */
export function withVerdicts(sorted: Weighed[], verdicts: readonly EligibilityVerdict[] | null | undefined): Weighed[] {
  if (!verdicts?.length) return sorted;
  const ranks = new Set(verdicts.map((v) => VERDICT_RANK[v]));
  return sorted.filter((w) => ranks.has(Math.floor(w.key / KEY_RANK)));
}

type CursorValues = (string | number | Date | null)[];

/** A cursor holds [rank, weight, id]: the page goes on after that program, or after its place if it has gone. */
export function pageOf(
  sorted: Weighed[],
  args: ConnectionArgs,
  ordering: string,
  after: CursorValues | null,
): { page: { cursor: string; item: Weighed }[]; pageInfo: PageInfo } {
  let start = 0;
  if (after) {
    const [rank, weight, id] = after.map(Number);
    const key = rank * KEY_RANK + weight;
    const at = sorted.findIndex((w) => w.program.id === id);
    start = at >= 0 && sorted[at].key === key ? at + 1 : sorted.findIndex((w) => w.key > key);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + args.first).map((item) => ({
    item,
    cursor: encodeCursor(ordering, [Math.floor(item.key / KEY_RANK), item.key % KEY_RANK, item.program.id]),
  }));
  return {
    page,
    pageInfo: {
      hasNextPage: start + args.first < sorted.length,
      hasPreviousPage: Boolean(args.after),
      startCursor: page[0]?.cursor ?? null,
      endCursor: page[page.length - 1]?.cursor ?? null,
    },
  };
}
