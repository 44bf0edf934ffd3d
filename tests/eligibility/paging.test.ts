/**
 * Paging on weigh keys (eligibility.paging.ts) against the plain definition it replaced: sort
 * every weighed program by key (stable, so title, id order within a key), keep the verdicts asked
 * for, start after the cursor's program when it is still there with the cursor's key, else after
 * every program of a key at or below the cursor's. Cursors from pages, from programs that left or
 * changed key, and malformed numbers.
 */
import type { ConnectionArgs } from "../../server/src/core/connection";
import { decodeCursor, encodeCursor } from "../../server/src/core/cursor";
import { pageByKeys } from "../../server/src/modules/eligibility/eligibility.paging";
import { KEY_RANK, VERDICT_RANK, type PreparedProgram } from "../../server/src/modules/eligibility/eligibility.rules";
import { NOT_WEIGHED, WeighTable } from "../../server/src/modules/eligibility/eligibility.table";
import { EligibilityVerdict } from "../../server/src/modules/eligibility/eligibility.types";

const ORDERING = "ELIGIBILITY:test";

function reference(
  ids: number[],
  keys: number[],
  verdicts: EligibilityVerdict[] | null,
  first: number,
  after: (string | number | Date | null)[] | null,
) {
  const weighed = ids.map((id, i) => ({ id, key: keys[i] })).filter((w) => w.key !== NOT_WEIGHED);
  const sorted = [...weighed].sort((a, b) => a.key - b.key);
  const ranks = verdicts?.length ? new Set(verdicts.map((v) => VERDICT_RANK[v])) : null;
  const matching = sorted.filter((w) => !ranks || ranks.has(Math.floor(w.key / KEY_RANK)));
  let start = 0;
  if (after) {
    const [rank, weight, id] = after.map(Number);
    const key = rank * KEY_RANK + weight;
    const at = matching.findIndex((w) => w.id === id);
    start = at >= 0 && matching[at].key === key ? at + 1 : matching.findIndex((w) => w.key > key);
    if (start < 0) start = matching.length;
  }
  const counts = { eligible: 0, unknown: 0, ineligible: 0 };
  for (const w of sorted) counts[(["eligible", "unknown", "ineligible"] as const)[Math.floor(w.key / KEY_RANK)]]++;
  const page = matching.slice(start, start + first).map((w) => ({
    id: w.id,
    cursor: encodeCursor(ORDERING, [Math.floor(w.key / KEY_RANK), w.key % KEY_RANK, w.id]),
  }));
  return {
    page,
    hasNextPage: start + first < matching.length,
    endCursor: page[page.length - 1]?.cursor ?? null,
    totalCount: matching.length,
    verdictCounts: counts,
  };
}

/** A small deterministic generator: the same cases every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe("eligibility paging on weigh keys", () => {
  it("pages, counts and continues cursors as sorting every weighed program does", () => {
    const next = random(7);
    let compared = 0;
    for (let round = 0; round < 40; round++) {
      const n = 1 + Math.floor(next() * 120);
      // Ids not in position order (the table is in title order), some keys shared, some not weighed.
      const ids = Array.from({ length: n }, (_, i) => ((i * 37) % 211) + 1);
      // Weights past 255 too: the histogram counts those apart from the common small ones.
      const choices = [
        0,
        0,
        0,
        KEY_RANK + 1,
        KEY_RANK + 2,
        KEY_RANK + 300,
        2 * KEY_RANK + 1,
        2 * KEY_RANK + 3,
        2 * KEY_RANK + 256,
        NOT_WEIGHED,
      ];
      const keys = ids.map(() => choices[Math.floor(next() * choices.length)]);
      const table = new WeighTable(
        ids.map((id) => ({ id, audience: "GRADUATE", sources: {}, asked: [] }) as unknown as PreparedProgram),
      );
      const verdictSets: (EligibilityVerdict[] | null)[] = [
        null,
        [EligibilityVerdict.UNKNOWN, EligibilityVerdict.INELIGIBLE],
        [EligibilityVerdict.ELIGIBLE],
      ];
      for (const verdicts of verdictSets) {
        for (const first of [0, 1, 3, 25]) {
          const cursors: (string | number | Date | null)[][] = [
            [0, 0, ids[0]],
            [1, 2, ids[n - 1]],
            [1, 1, 999], // a program that left
            [2, 3, ids[Math.floor(n / 2)]], // its key may have changed
            [0, 1, ids[0]],
            [-1, KEY_RANK - 1, ids[0]], // the key of a program not weighed
            ["x", 0, ids[0]], // not a number
          ];
          const tried: ((string | number | Date | null)[] | null)[] = [null, ...cursors];
          for (let i = 0; i < tried.length; i++) {
            const cursor = tried[i];
            const want = reference(ids, keys, verdicts, first, cursor);
            const args = { first, after: cursor ? "given" : null } as ConnectionArgs;
            const got = pageByKeys(table, Int32Array.from(keys), verdicts, args, ORDERING, cursor);
            expect({
              page: got.page.map((p) => ({ id: table.ids[p.position], cursor: p.cursor })),
              hasNextPage: got.pageInfo.hasNextPage,
              endCursor: got.pageInfo.endCursor,
              totalCount: got.totalCount,
              verdictCounts: got.verdictCounts,
            }).toEqual(want);
            compared++;
            // From the first page on, each page's end cursor is tried next: the pages a client follows.
            if ((i === 0 || i >= cursors.length + 1) && want.hasNextPage && want.endCursor && tried.length < 30)
              tried.push(decodeCursor(want.endCursor, ORDERING, 3));
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
