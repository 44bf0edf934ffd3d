import Database from "better-sqlite3";
import { Client } from "pg";
import { inTransaction } from "../../server/src/core/transaction";
import { Program } from "../../server/src/modules/program/program.entity";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";
import { loginAs, CuratorRole } from "../support/auth";
import { testDialect } from "../support/db";
import { factories } from "../support/factories";
import { MAX_MISSED_PROBES, startHealthProbe } from "../support/probe";
import { useTestServer } from "../support/server";

const server = useTestServer({ listen: true, reset: true });

const READ = `query Titles { programs(first: 5) { totalCount edges { node { title } } } specialties { totalCount } }`;
const CREATE = `mutation($slug: String!) { createSpecialty(input: { slug: $slug, name: $slug }) { slug } }`;

/** An anonymous GET, the kind a CDN may keep (Cache-Control: public) and serve to everyone for a while. */
async function publicGet() {
  const qs = new URLSearchParams({ query: READ });
  const res = await fetch(`${server.base}/graphql?${qs}`, { headers: { "apollo-require-preflight": "true" } });
  return {
    cacheControl: res.headers.get("cache-control"),
    body: (await res.json()) as { data?: any; errors?: unknown[] },
  };
}

const committed = (title: string, specialties = 0) => ({
  data: { programs: { totalCount: 1, edges: [{ node: { title } }] }, specialties: { totalCount: specialties } },
});

describe("readers never see uncommitted writes", () => {
  it("an anonymous GET during a write transaction that then rolls back sees (and lets caches keep) only committed data", async () => {
    const program = await factories(server.ds).program({ title: "Committed title" });
    const during: Awaited<ReturnType<typeof publicGet>>[] = [];
    await expect(
      inTransaction(server.ds, async (m) => {
        await m.update(Program, program.id, { title: "Uncommitted title" });
        await m.insert(Specialty, { slug: "uncommitted", name: "Uncommitted", version: 1 });
        during.push(await publicGet());
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");

    expect(during[0].body).toEqual(committed("Committed title"));
    expect(during[0].cacheControl).toMatch(/^public/);
    expect((await publicGet()).body).toEqual(committed("Committed title"));
  });

  it("the same read after the transaction commits sees its writes", async () => {
    const program = await factories(server.ds).program({ title: "Before" });
    await inTransaction(server.ds, async (m) => {
      await m.update(Program, program.id, { title: "After" });
      await m.insert(Specialty, { slug: "kept", name: "Kept", version: 1 });
    });
    expect((await publicGet()).body).toEqual(committed("After", 1));
  });
});

/** A writer in another process (the CLI importing a snapshot) holding the database's write lock. */
async function holdWriteLock(programId: number): Promise<{ release(): Promise<void> }> {
  const db = server.config.database;
  if (db.kind === "sqlite") {
    const other = new Database(db.path);
    other.exec("BEGIN IMMEDIATE");
    other.prepare(`UPDATE programs SET title = 'Held by the import' WHERE id = ?`).run(programId);
    return {
      release: async () => {
        other.exec("ROLLBACK");
        other.close();
      },
    };
  }
  const other = new Client({ connectionString: db.url });
  await other.connect();
  await other.query("BEGIN");
  await other.query(`UPDATE programs SET title = 'Held by the import' WHERE id = $1`, [programId]);
  return {
    release: async () => {
      await other.query("ROLLBACK");
      await other.end();
    },
  };
}

describe("sharing the database with another writer", () => {
  it("answers a write it cannot make UNAVAILABLE with Retry-After, while reads and /healthz keep answering", async () => {
    const program = await factories(server.ds).program({ title: "Committed title" });
    const editor = await loginAs(server, server.base, CuratorRole.EDITOR);
    const lock = await holdWriteLock(program.id);
    const probe = startHealthProbe(server.base);
    try {
      const res = await fetch(`${server.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${editor.token}` },
        body: JSON.stringify({ query: CREATE, variables: { slug: "during-import" } }),
      });
      const body = (await res.json()) as { data?: any; errors?: { extensions: Record<string, unknown> }[] };
      const read = await publicGet();
      const report = await probe.stop();

      // The other writer's uncommitted title stays invisible.
      expect(read.body.data.programs).toEqual(committed("Committed title").data.programs);
      expect(report.failed).toBe(0);
      // The refused write waits for the lock asynchronously (up to 2 s) and synchronously at most 50 ms at a
      // time, so probes keep being answered; before, it waited 5 s synchronously and 259 probes in a row went
      // unanswered. While the suite's other worker (and its browser) takes the CPU, a probe can still wait its
      // turn, so this allows up to the write's own 2 s wait (four times the quiet bound), far below the old 5 s.
      expect(report.longestMissed).toBeLessThanOrEqual(4 * MAX_MISSED_PROBES);
      if (testDialect === "sqlite") {
        // SQLite has one writer at a time: the write is refused, typed and retryable, having changed nothing.
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect(body.errors?.map((e) => e.extensions.code)).toEqual(["UNAVAILABLE"]);
        expect(await server.ds.getRepository(Specialty).count()).toBe(0);
      } else {
        // PostgreSQL locks rows, not the database: a write elsewhere simply goes through.
        expect(res.status).toBe(200);
        expect(body.data).toEqual({ createSpecialty: { slug: "during-import" } });
      }
    } finally {
      await probe.stop();
      await lock.release();
    }
    // Once the other writer is done, the same write succeeds.
    const again = await editor.gql(CREATE, { slug: "after-import" });
    expect(again.errors).toBeUndefined();
  });
});
