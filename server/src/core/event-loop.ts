/**
 * Turns of the event loop, handed out one at a time.
 *
 * On SQLite a request reads synchronously (better-sqlite3), so once it starts it runs to its answer
 * without giving the loop back. Eight requests that arrive together would all run in one turn of
 * the loop (one poll phase) and hold timers, health checks and the writer for eight requests'
 * time. Work that waits here instead runs one waiter per turn: a turn holds the loop for one
 * request (or one slice of a long computation), however many are waiting.
 */
const waiting: (() => void)[] = [];
let head = 0;
let scheduled = false;

function handOut(): void {
  scheduled = false;
  const next = waiting[head++];
  if (head === waiting.length) {
    waiting.length = 0;
    head = 0;
  } else schedule();
  next?.();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // An immediate queued from inside another one runs on the loop's next turn, after timers and I/O.
  setImmediate(handOut);
}

/** Resolves on a later turn of the event loop, in arrival order, one waiter per turn. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}

/** How many wait for a turn now (for tests). */
export function waitingForTurn(): number {
  return waiting.length - head;
}

/** `fn()` on a turn of its own: one step of a build made of several large synchronous steps. */
export async function onTurn<T>(fn: () => T): Promise<T> {
  await nextTurn();
  return fn();
}

/** How long a slice of a long computation may hold the loop before it waits for another turn. */
const SLICE_MS = 4;
/** Items between two looks at the clock. */
const CLOCK_EVERY = 64;

/**
 * Runs `step` over indexes 0…n-1 in slices of about SLICE_MS each, a turn of the event loop per
 * slice (`nextTurn`), so that work over every program of a large directory (tens of thousands of
 * items) never holds health checks and other requests for more than a slice.
 */
async function inSlices(n: number, step: (i: number) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < n; i++) {
    if (i % CLOCK_EVERY === CLOCK_EVERY - 1 && performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
    step(i);
  }
}

/** `items.map(fn)`, in slices (see `inSlices`). */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  await inSlices(items.length, (i) => out.push(fn(items[i])));
  return out;
}

/** `items.filter(test)`, in slices (see `inSlices`). */
export async function filterInSlices<T>(items: readonly T[], test: (item: T) => boolean): Promise<T[]> {
  const out: T[] = [];
  await inSlices(items.length, (i) => {
    if (test(items[i])) out.push(items[i]);
  });
  return out;
}
