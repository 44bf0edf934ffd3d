import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Maps a long list in slices, letting the event loop run between them, so that work over every
 * program of a large directory (tens of thousands of items) never holds health checks and other
 * requests for more than a slice.
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, slice = 500): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await nextTurn();
    for (let j = i; j < Math.min(i + slice, items.length); j++) out.push(fn(items[j]));
  }
  return out;
}

/** The items `test` keeps, in order, letting the event loop run between slices (a test is cheap: large slices). */
export async function filterInSlices<T>(items: readonly T[], test: (item: T) => boolean, slice = 5000): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await nextTurn();
    for (let j = i; j < Math.min(i + slice, items.length); j++) if (test(items[j])) out.push(items[j]);
  }
  return out;
}
