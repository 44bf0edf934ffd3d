/**
 * Counting and paging the programs a request weighed (eligibility.table.ts `weighAll`): all of it
 * on the keys by position, so that only the page's programs are decided with their messages, and
 * no request sorts or copies the directory. The order is ELIGIBLE, then UNKNOWN by fewest unknowns,
 * then INELIGIBLE by fewest unmet (ascending keys), keeping the programs' order (title, id) within
 * each key.
 */
import type { ConnectionArgs, PageInfo } from "../../core/connection";
import { encodeCursor } from "../../core/cursor";
import { KEY_RANK, VERDICT_RANK } from "./eligibility.rules";
import type { WeighTable } from "./eligibility.table";
import type { EligibilityVerdict, EligibilityVerdictCounts } from "./eligibility.types";

const COUNT_KEY = ["eligible", "unknown", "ineligible"] as const;

/** Weights below this are counted in a dense array; a heavier key (a program asking for hundreds of requirements) in a map. */
const DENSE_WEIGHTS = 256;

/** How many weighed programs hold each key (NOT_WEIGHED, negative, left out). */
function histogram(keys: Int32Array): Map<number, number> {
  // One array slot per (verdict rank, weight) rather than a map update per program: a weighed
  // directory's keys are few, but they alternate in the programs' (title) order.
  const dense = new Int32Array(3 * DENSE_WEIGHTS);
  const counts = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key < 0) continue;
    const rank = Math.floor(key / KEY_RANK);
    const weight = key - rank * KEY_RANK;
    if (weight < DENSE_WEIGHTS && rank < 3) dense[rank * DENSE_WEIGHTS + weight]++;
    else counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (let slot = 0; slot < dense.length; slot++) {
    if (dense[slot] === 0) continue;
    const key = Math.floor(slot / DENSE_WEIGHTS) * KEY_RANK + (slot % DENSE_WEIGHTS);
    counts.set(key, dense[slot]);
  }
  return counts;
}

export interface KeyedPage {
  /** The page's positions, in order, with their cursors. */
  page: { position: number; cursor: string }[];
  pageInfo: PageInfo;
  /** Programs with one of the verdicts asked for (all when none). */
  totalCount: number;
  /** Every weighed program's verdict, whichever were asked for. */
  verdictCounts: EligibilityVerdictCounts;
}

type CursorValues = (string | number | Date | null)[];

/**
 * One page of the weighed programs with one of `verdicts` (all of them for none). A cursor holds
 * [rank, weight, id]: the page goes on after that program, or after its key if it has gone or its
 * key has changed.
 */
export function pageByKeys(
  table: WeighTable,
  keys: Int32Array,
  verdicts: readonly EligibilityVerdict[] | null | undefined,
  args: ConnectionArgs,
  ordering: string,
  after: CursorValues | null,
): KeyedPage {
  const counts = histogram(keys);
  const verdictCounts = { eligible: 0, unknown: 0, ineligible: 0 };
  for (const [key, n] of counts) verdictCounts[COUNT_KEY[Math.floor(key / KEY_RANK)]] += n;
  const ranks = verdicts?.length ? new Set(verdicts.map((v) => VERDICT_RANK[v])) : null;
  const matching = [...counts.keys()]
    .filter((key) => !ranks || ranks.has(Math.floor(key / KEY_RANK)))
    .sort((a, b) => a - b);
  let totalCount = 0;
  for (const key of matching) totalCount += counts.get(key)!;

  // Where the page starts: after (key, position) of the cursor's program when it is still there
  // with that key, else at the first key above the cursor's.
  let fromKey = -Infinity;
  let fromPosition = -1;
  if (after) {
    const [rank, weight, id] = after.map(Number);
    // NaN for a cursor whose values are not numbers: no key is above it, the page is empty.
    const key = rank * KEY_RANK + weight;
    const at = table.positionOf(id);
    const kept = at >= 0 && keys[at] >= 0 && keys[at] === key && (!ranks || ranks.has(Math.floor(key / KEY_RANK)));
    fromKey = key;
    fromPosition = kept ? at : keys.length;
  }
  // Collected one beyond the page: whether another page follows.
  const positions: number[] = [];
  const wanted = args.first + 1;
  for (const key of matching) {
    if (positions.length >= wanted) break;
    if (!(key >= fromKey)) continue;
    let left = counts.get(key)!;
    for (let i = key === fromKey ? fromPosition + 1 : 0; i < keys.length && left > 0; i++) {
      if (keys[i] !== key) continue;
      left--;
      positions.push(i);
      if (positions.length >= wanted) break;
    }
  }
  const hasNextPage = positions.length > args.first;
  if (hasNextPage) positions.length = args.first;
  const page = positions.map((position) => ({
    position,
    cursor: encodeCursor(ordering, [
      Math.floor(keys[position] / KEY_RANK),
      keys[position] % KEY_RANK,
      table.ids[position],
    ]),
  }));
  return {
    page,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      startCursor: page[0]?.cursor ?? null,
      endCursor: page[page.length - 1]?.cursor ?? null,
    },
    totalCount,
    verdictCounts,
  };
}
