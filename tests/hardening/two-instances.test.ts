/**
 * Two server processes on one PostgreSQL database behave as one server: they start together on an
 * empty database (one migrates, seeds and creates the first ADMIN, the other waits), and what one
 * counts or stores the other sees: login limits, the request rate limit, stored snapshots. Each
 * concern is a describe of its own; further ones (the change feed, webhooks) go beside them.
 *
 * PostgreSQL only: SQLite is for one server process (docs/DEPLOYMENT.md). Two processes on one
 * SQLite file would take turns for its single write lock and share none of what this checks any
 * better than one process does.
 */
import fs from "node:fs";
import { Client } from "pg";
import { postgresMigrations } from "../../migrations/postgres";
import { httpGql, LOGIN } from "../support/auth";
import { startChildServer, type ChildServer } from "../support/child-server";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/db";
import { tempDir } from "../snapshot/helpers";

const ADMIN = { email: "admin@example.org", password: "two instances, one database" };
const REQUESTS_PER_MINUTE = 20;
const ENV = {
  TRUST_PROXY: "true",
  RATE_LIMIT_PER_MINUTE: String(REQUESTS_PER_MINUTE),
  LOGIN_RATE_LIMIT_PER_MINUTE: "10",
  LOGIN_MAX_FAILURES: "5",
  LOGIN_DELAY_SECONDS: "60",
  DIRECTORY_ADMIN_EMAIL: ADMIN.email,
  DIRECTORY_ADMIN_PASSWORD: ADMIN.password,
};

const onPostgres = testDialect === "postgres" ? describe : describe.skip;

onPostgres("two server processes on one PostgreSQL database (PostgreSQL only: SQLite serves one process)", () => {
  let db: TestDatabase;
  let a: ChildServer;
  let b: ChildServer;
  const folders: string[] = [];
  /** Every process started, even when the other failed to start: afterAll stops them all. */
  const running: ChildServer[] = [];

  /** A GraphQL request from `address` (X-Forwarded-For: each describe uses its own, so limits do not mix). */
  const gql = (at: ChildServer, address: string, query: string, variables = {}, token?: string) =>
    httpGql(at.url, query, variables, token, { "x-forwarded-for": address });
  const sql = async <T>(text: string): Promise<T[]> => {
    if (db.config.kind !== "postgres") throw new Error("unreachable");
    const client = new Client({ connectionString: db.config.url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    if (db.config.kind !== "postgres") throw new Error("unreachable");
    const url = db.config.url;
    // Started together on an empty database; each with a SNAPSHOT_DIR of its own, so that no disk is shared.
    const started = await Promise.allSettled(
      [1, 2].map(() => {
        const dir = tempDir("two-instances-");
        folders.push(dir);
        return startChildServer({ ...ENV, DATABASE_URL: url, SNAPSHOT_DIR: dir });
      }),
    );
    for (const s of started) if (s.status === "fulfilled") running.push(s.value);
    for (const s of started) if (s.status === "rejected") throw s.reason;
    [a, b] = running;
  }, 120_000);

  afterAll(async () => {
    for (const server of running) {
      server.proc.kill("SIGTERM");
      await server.exited;
    }
    await db?.drop();
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe("start-up", () => {
    it("both answer; the migrations ran once, the sample directory and the first ADMIN exist once", async () => {
      for (const server of [a, b]) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const migrations = await sql<{ name: string }>(`SELECT "name" FROM "migrations" ORDER BY "id"`);
      expect(migrations.map((m) => m.name)).toEqual(postgresMigrations.map((m) => new m().name));
      const [{ curators, programs }] = await sql<{ curators: number; programs: number }>(
        `SELECT (SELECT count(*)::int FROM "curators") AS curators, (SELECT count(*)::int FROM "programs") AS programs`,
      );
      expect(curators).toBe(1);
      // The sample directory once (19 programs), not twice.
      expect(programs).toBe(19);
      // Whether their start-ups overlapped here depends on timing; that the second waits for the first is
      // proven in tests/migrations.test.ts, which holds the lock itself.
    });
  });

  describe("login limit", () => {
    const FROM = "203.0.113.21";
    it("failures through one instance delay the next attempt on the other", async () => {
      for (let i = 0; i < 5; i++) {
        const wrong = await gql(i % 2 ? a : b, FROM, LOGIN, { email: ADMIN.email, password: "not the password" });
        expect(wrong.errors?.[0].extensions?.reason).toBe("BAD_CREDENTIALS");
      }
      for (const server of [a, b]) {
        // Even the right password waits out the delay, wherever it is sent.
        const right = await gql(server, FROM, LOGIN, ADMIN);
        expect(right.errors?.[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "RATE_LIMITED" });
      }
    });
  });

  describe("request rate limit", () => {
    const FROM = "203.0.113.22";
    it("requests through both instances count against one limit per address", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < REQUESTS_PER_MINUTE; i++)
        statuses.push((await gql(i % 2 ? a : b, FROM, `{ specialties { totalCount } }`)).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      for (const server of [a, b]) expect((await gql(server, FROM, `{ specialties { totalCount } }`)).status).toBe(429);
      expect((await gql(a, "203.0.113.23", `{ specialties { totalCount } }`)).status).toBe(200);
    });
  });

  describe("stored snapshots", () => {
    const FROM = "203.0.113.24";
    const CREATE = `mutation($d: Boolean) { createSnapshot(label: "shared", includeDrafts: $d) { id sha256 jsonBytes } }`;
    let token: string;
    beforeAll(async () => {
      const login = await gql(b, FROM, LOGIN, ADMIN);
      token = login.data!.login.token;
    });

    it("a snapshot created on one instance downloads from the other, byte for byte", async () => {
      const created = await gql(a, FROM, CREATE, { d: false }, token);
      const s = created.data!.createSnapshot;
      const fromA = Buffer.from(await (await fetch(`${a.url}/snapshots/${s.id}.json`)).arrayBuffer());
      const fromB = await fetch(`${b.url}/snapshots/${s.id}.json`);
      expect(fromB.status).toBe(200);
      const bytes = Buffer.from(await fromB.arrayBuffer());
      expect(bytes.length).toBe(s.jsonBytes);
      expect(bytes.equals(fromA)).toBe(true);
      expect(JSON.parse(bytes.toString("utf8")).meta.sha256).toBe(s.sha256);
      // Nothing went to either instance's SNAPSHOT_DIR.
      for (const dir of folders) expect(fs.readdirSync(dir)).toEqual([]);
    });

    it("one with drafts, made on the other, downloads with a session from either and never anonymously", async () => {
      const s = (await gql(b, FROM, CREATE, { d: true }, token)).data!.createSnapshot;
      for (const server of [a, b]) {
        expect((await fetch(`${server.url}/snapshots/${s.id}.ndjson`)).status).toBe(401);
        const signedIn = await fetch(`${server.url}/snapshots/${s.id}.ndjson`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(signedIn.status).toBe(200);
        expect((await signedIn.text()).split("\n")[0]).toContain(s.sha256);
      }
    });
  });
});
