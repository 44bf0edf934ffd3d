import { Client } from "pg";
import { createDataSource } from "../../server/src/composition/database";
import { CuratorRole, httpGql } from "../support/auth";
import { createTestDatabase, testDialect } from "../support/db";
import { factories, TEST_PASSWORD } from "../support/factories";
import { createTestServer } from "../support/server";

/**
 * On PostgreSQL a timed-out operation stops holding the database: a write whose UPDATE waits
 * behind a row lock (held here by another session, as a long curator transaction or a CLI job
 * would) is cancelled, its connections go back to the pool, and nothing of it is committed.
 */
const postgresOnly = testDialect === "postgres" ? describe : describe.skip;

const UPDATE_TITLE = `mutation($id: ID!, $version: Int!, $title: String!) { updateProgram(id: $id, version: $version, input: { title: $title }) { title } }`;

postgresOnly("operation timeout on PostgreSQL", () => {
  type Server = Awaited<ReturnType<typeof createTestServer>>;
  let server: Server;
  let base: string;
  const poolSize = 2;

  beforeAll(async () => {
    const before = process.env.PG_POOL_SIZE;
    process.env.PG_POOL_SIZE = String(poolSize); // a pool the timed-out writes alone could exhaust
    try {
      server = await createTestServer({ OPERATION_TIMEOUT_MS: "400" });
    } finally {
      if (before === undefined) delete process.env.PG_POOL_SIZE;
      else process.env.PG_POOL_SIZE = before;
    }
    base = await server.listen();
  });
  afterAll(() => server.close());

  /** Sessions of the test database other than `except` that are doing something (running, or inside a transaction). */
  async function busySessions(
    client: Client,
    except: number[],
  ): Promise<{ pid: number; state: string; query: string }[]> {
    const { rows } = await client.query(
      `SELECT pid, state, query FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> ALL($1::int[]) AND state IS NOT NULL AND state <> 'idle'`,
      [except],
    );
    return rows;
  }

  it("cancels the statements of a timed-out write, frees the pool and commits nothing", async () => {
    const f = factories(server.ds);
    // Signed in through the service: a password hash takes longer than this test's timeout.
    const curator = await f.curator({ role: CuratorRole.EDITOR });
    const { token } = await server.deps.services.sessions.login(curator.email, TEST_PASSWORD, null);
    const editor = {
      token,
      gql: (query: string, variables: Record<string, unknown>) => httpGql(base, query, variables, token),
    };
    const program = await f.program({ title: "Cardiology fellowship" });
    const url = (server.config.database as { url: string }).url;
    const locker = new Client({ connectionString: url });
    const observer = new Client({ connectionString: url });
    await locker.connect();
    await observer.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`SELECT id FROM programs WHERE id = $1 FOR UPDATE`, [program.id]);
      const lockerPid = (await locker.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
      const observerPid = (await observer.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;

      // More writes than the pool has connections: each waits behind the lock until it times out.
      const writes = await Promise.all(
        Array.from({ length: poolSize + 1 }, (_, i) =>
          editor.gql(UPDATE_TITLE, { id: program.id, version: program.version, title: `Late title ${i}` }),
        ),
      );
      for (const write of writes) {
        expect(write.status).toBe(503);
        expect(write.errors?.[0].extensions?.code).toBe("TIMEOUT");
      }
      // Once TIMEOUT is answered, none of their statements runs or waits any more, and no
      // transaction of theirs is left open: only the lock holder is busy.
      expect(await busySessions(observer, [observerPid, lockerPid])).toEqual([]);

      // The pool serves other requests while the lock is still held.
      const read = await httpGql(base, `{ programs { totalCount } specialties { totalCount } }`);
      expect(read.status).toBe(200);
      expect(read.errors).toBeUndefined();
      const again = await httpGql(
        base,
        `query($id: ID) { program(id: $id) { title } }`,
        { id: program.id },
        editor.token,
      );
      expect(again.data?.program.title).toBe("Cardiology fellowship");

      await locker.query("COMMIT");
      // Nothing of the timed-out writes was committed once the lock was gone.
      const { rows } = await observer.query(`SELECT title, version FROM programs WHERE id = $1`, [program.id]);
      expect(rows).toEqual([{ title: "Cardiology fellowship", version: program.version }]);
      const audit = await observer.query(`SELECT count(*)::int AS n FROM audit_entries`);
      expect(audit.rows[0].n).toBe(0);
      // And the next write goes through as usual.
      const write = await editor.gql(UPDATE_TITLE, {
        id: program.id,
        version: program.version,
        title: "Cardiology fellowship (2027)",
      });
      expect(write.status).toBe(200);
      expect(write.data?.updateProgram.title).toBe("Cardiology fellowship (2027)");
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
      await observer.end();
    }
  });

  it("gives the server's statements a default timeout no longer than the operation timeout", async () => {
    const db = await createTestDatabase();
    const ds = createDataSource(db.config, { statementTimeoutMs: 1234 });
    try {
      await ds.initialize();
      expect(await ds.query("SHOW statement_timeout")).toEqual([{ statement_timeout: "1234ms" }]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
