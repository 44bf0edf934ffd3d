/**
 * Concurrent writers never make a polling reader miss a change. The danger is PostgreSQL's: two
 * transactions take sequences 1 and 2, the second commits first, a reader sees 2 and moves its
 * cursor past 1, then 1 commits behind it. The feed's counter row is locked until commit, so the
 * second writer waits for the first (modules/feed/change-feed.ts). A listener that holds the
 * first write's transaction open (as a slow webhook-outbox insert might) makes the window wide.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { DirectoryChangeListener } from "../../server/src/core/directory-changes";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { testDialect } from "../support/db";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { brief, execWithListener, FeedClient } from "./feed-client";

const server = useTestServer({ reset: true });
let editor: Curator;
beforeEach(async () => {
  editor = await factories(server.ds).curator({ role: CuratorRole.EDITOR });
});

const UPDATE = `mutation($id: ID!, $v: Int!, $title: String!) { updateProgram(id: $id, version: $v, input: { title: $title }) { version } }`;

/** Resolves once another transaction is waiting for a lock (PostgreSQL); SQLite's writers queue in-process. */
async function someoneWaitsForALock(): Promise<void> {
  if (testDialect === "sqlite") return void (await sleep(50));
  for (let i = 0; i < 500; i++) {
    const [{ waiting }] = await server.ds.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`);
    if (waiting > 0) return;
    await sleep(10);
  }
  throw new Error("no writer waited for a lock");
}

describe("concurrent writers and a polling reader", () => {
  it("a later writer cannot commit its entry while an earlier one is open, so the reader never skips one", async () => {
    const f = factories(server.ds);
    const [a, b] = [await f.program({ title: "A" }), await f.program({ title: "B" })];
    let entered!: () => void;
    const aIsOpen = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const listener: DirectoryChangeListener = async (_m, change) => {
      if (change.recordId !== a.id) return;
      entered();
      await gate; // A's transaction stays open, its entry written but not committed
    };

    const reader = new FeedClient(server);
    const writeA = execWithListener(server, listener, editor, UPDATE, { id: String(a.id), v: 1, title: "A2" });
    await aIsOpen;
    const writeB = execWithListener(server, listener, editor, UPDATE, { id: String(b.id), v: 1, title: "B2" });
    // B either waits for A (as it must) or, were the feed unordered, commits before it.
    await Promise.race([writeB, someoneWaitsForALock()]);
    expect(await reader.poll()).toEqual([]); // B has not overtaken A
    release();
    expectData(await writeA);
    expectData(await writeB);
    expect((await reader.poll()).map(brief)).toEqual([
      ["CHANGED", "PROGRAM", String(a.id), a.slug, ["title"]],
      ["CHANGED", "PROGRAM", String(b.id), b.slug, ["title"]],
    ]);
  });

  it("many writers in parallel and a reader polling throughout: every entry once, in order", async () => {
    const WRITERS = 4;
    const WRITES = 8;
    const f = factories(server.ds);
    const programs = [];
    for (let i = 0; i < WRITERS; i++) programs.push(await f.program({ title: `Writer ${i}` }));
    // Each write's transaction stays open a little after its entry, for a varying time.
    const listener: DirectoryChangeListener = () => sleep(Math.floor(Math.random() * 15)).then(() => undefined);

    let writing = true;
    const reader = new FeedClient(server, null, 3);
    const polling = (async () => {
      let polls = 0;
      while (writing) {
        await reader.poll();
        polls++;
        await sleep(Math.floor(Math.random() * 5));
      }
      await reader.poll(); // what committed after the last poll
      return polls;
    })();
    await Promise.all(
      programs.map(async (p) => {
        for (let v = 1; v <= WRITES; v++) {
          expectData(
            await execWithListener(server, listener, editor, UPDATE, {
              id: String(p.id),
              v,
              title: `${p.title}, edit ${v}`,
            }),
          );
        }
      }),
    );
    writing = false;
    expect(await polling).toBeGreaterThan(1);

    const all = new FeedClient(server, null, 100);
    await all.poll();
    expect(all.seen).toHaveLength(WRITERS * WRITES);
    expect(reader.seen).toEqual(all.seen);
    const sequences = all.seen.map((n) => n.sequence);
    expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
  });
});
