import { nextTurn, waitingForTurn } from "../../server/src/core/event-loop";

/** Counts turns of the event loop: one immediate per turn (an immediate queued from one runs on the next turn). */
function turnCounter(): { now(): number; stop(): void } {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turns, stop: () => (running = false) };
}

describe("turns of the event loop", () => {
  it("hands out one turn per loop iteration, in arrival order, however many wait at once", async () => {
    const counter = turnCounter();
    const seen: { waiter: number; turn: number }[] = [];
    const waiters = Array.from({ length: 8 }, (_, waiter) =>
      nextTurn().then(() => seen.push({ waiter, turn: counter.now() })),
    );
    expect(waitingForTurn()).toBe(8);
    await Promise.all(waiters);
    counter.stop();
    expect(seen.map((s) => s.waiter)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(seen.map((s) => s.turn)).size).toBe(8);
    expect(waitingForTurn()).toBe(0);
  });

  it("gives a waiter that arrives while others wait its turn after theirs", async () => {
    const order: string[] = [];
    const first = nextTurn().then(() => {
      order.push("first");
      return nextTurn().then(() => order.push("first again"));
    });
    const second = nextTurn().then(() => order.push("second"));
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second", "first again"]);
  });
});
