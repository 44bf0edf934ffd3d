/**
 * Two server processes on one PostgreSQL database behave as one server: they start together on an
 * empty database (one migrates, seeds and creates the first ADMIN, the other waits), and what one
 * counts or stores the other sees: login limits, the request rate limit, stored snapshots, the
 * change feed, and webhooks (both instances drain one outbox; each event is delivered once). Each
 * concern is a describe of its own.
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
import { startReceiver, eventually } from "../support/webhooks";

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
  WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback",
  WEBHOOK_POLL_INTERVAL_MS: "20",
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

  /** Writes as the ADMIN, each request from an address of its own (the request limit is 20 a minute). */
  describe("change feed and webhooks", () => {
    let token: string;
    let n = 0;
    const as = (at: ChildServer, query: string, variables = {}) =>
      gql(at, `198.51.100.${++n}`, query, variables, token);
    const FEED = `query($after: String) { directoryChanges(after: $after, first: 100) {
      edges { node { sequence kind recordType recordId } } pageInfo { endCursor } } }`;
    const write = async (at: ChildServer, field: string, args: string, variables: Record<string, unknown>) => {
      const r = await as(at, `mutation(${args}) { ${field} { id version } }`, variables);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return Object.values(r.data!)[0] as { id: string; version: number };
    };
    const ref = "$id: ID!, $version: Int!";

    beforeAll(async () => {
      token = (await gql(a, "198.51.100.250", LOGIN, ADMIN)).data!.login.token;
    });

    it("a change made through one instance appears in the feed read from the other, once, in order", async () => {
      const start = (await as(b, FEED)).data!.directoryChanges.pageInfo.endCursor;
      let p = await write(a, "createProgram(input: $input)", "$input: ProgramInput!", {
        input: {
          type: "OBSERVERSHIP",
          audience: "GRADUATE",
          country: "US",
          slug: "two-instance-feed",
          title: "Feed",
          sourceNote: "Synthetic test listing",
        },
      });
      p = await write(b, "publishProgram(id: $id, version: $version)", ref, p);
      p = await write(a, "unpublishProgram(id: $id, version: $version)", ref, p);
      for (const reader of [a, b]) {
        const edges = (await as(reader, FEED, { after: start })).data!.directoryChanges.edges;
        expect(edges.map((e: { node: { kind: string; recordId: string } }) => [e.node.kind, e.node.recordId])).toEqual([
          ["CREATED", p.id],
          ["REMOVED", p.id],
        ]);
      }
    });

    it("a webhook endpoint gets each change exactly once while both instances drain the outbox", async () => {
      const receiver = await startReceiver();
      try {
        const created = await as(
          a,
          `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
          {
            input: { url: receiver.url, eventTypes: ["PROGRAM_CREATED", "PROGRAM_CHANGED", "PROGRAM_REMOVED"] },
          },
        );
        expect(created.errors).toBeUndefined();
        // 12 public changes, made alternately through each instance.
        let p = await write(b, "createProgram(input: $input)", "$input: ProgramInput!", {
          input: {
            sourceNote: "Synthetic test listing",
            type: "OBSERVERSHIP",
            audience: "GRADUATE",
            country: "US",
            slug: "two-instance-hooks",
            title: "Hooks 0",
          },
        });
        p = await write(a, "publishProgram(id: $id, version: $version)", ref, p);
        for (let i = 1; i <= 11; i++)
          p = await write(
            i % 2 ? b : a,
            "updateProgram(id: $id, version: $version, input: $input)",
            `${ref}, $input: ProgramInput!`,
            {
              ...p,
              input: { title: `Hooks ${i}` },
            },
          );
        const outbox = () =>
          sql<{ n: number; pending: number }>(
            `SELECT count(*)::int AS n, count(*) FILTER (WHERE status <> 'DELIVERED')::int AS pending FROM webhook_messages`,
          );
        await eventually("every event delivered", async () => (await outbox())[0].pending === 0);
        expect((await outbox())[0].n).toBe(12);
        // Once every event is marked delivered nothing is sent again: what arrived is final.
        expect(receiver.received).toHaveLength(12);
        expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(12);
        const sequences = receiver.received.map(
          (r) => (JSON.parse(r.body) as { data: { sequence: number } }).data.sequence,
        );
        expect(new Set(sequences).size).toBe(12);
      } finally {
        await receiver.close();
      }
    });
  });
});
