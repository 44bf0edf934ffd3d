/**
 * Application dates are days whatever the server's time zone: a server started with
 * TZ=America/Los_Angeles, then one with TZ=Asia/Kolkata (a child process each, on the database
 * under test), migrates instants that the old application stored for curators in Toronto, Los
 * Angeles, UTC and Kolkata to the days they meant, and then takes, gives, checks and exports days
 * through the public API without moving one. Every role is tried.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { httpGql, type HttpResult } from "../support/auth";
import { startChildServer, type ChildServer } from "../support/child-server";
import { createTestDatabase, type TestDatabase } from "../support/db";

jest.setTimeout(60_000);

const ZONES = ["America/Los_Angeles", "Asia/Kolkata"] as const;

/** Values as the old application stored them: each curator's local midnight (or what an API client sent). */
const LEGACY = [
  // Toronto: EST before 14 March 2027, EDT after.
  { slug: "legacy-toronto", opens: "2027-03-01T05:00:00.000Z", closes: "2027-03-31T04:00:00.000Z" },
  // Los Angeles: PST, then PDT.
  { slug: "legacy-los-angeles", opens: "2027-03-01T08:00:00.000Z", closes: "2027-03-31T07:00:00.000Z" },
  // An API client in UTC: midnight, and a closing time typed to the last half second.
  { slug: "legacy-utc", opens: "2027-03-01T00:00:00.000Z", closes: "2027-03-31T23:59:59.500Z" },
  // Kolkata (UTC+5:30): the day before in UTC.
  { slug: "legacy-kolkata", opens: "2027-02-28T18:30:00.000Z", closes: "2027-03-30T18:30:00.000Z" },
];

const ADMIN = { email: "dates-admin@example.test", password: "dates-admin-password-1234" };
const MIGRATION = "ApplicationDays1795971061801";

/** The wall time of `iso` in `zone`, "YYYY-MM-DD HH:MM:SS.mmm": what pg wrote into a `timestamp` column from a process in that zone. */
function wallTime(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}.${iso.slice(20, 23)}`;
}

/** A fresh database at the schema before application dates became days, holding LEGACY as the old application in `zone` stored it. */
async function legacyDatabase(db: TestDatabase, zone: string): Promise<void> {
  const ds: DataSource = createDataSource(db.config);
  await ds.initialize();
  try {
    await migrate(ds);
    const applied = async () =>
      ((await ds.query('SELECT "name" FROM "migrations"')) as { name: string }[]).some((m) => m.name === MIGRATION);
    while (await applied()) await ds.undoLastMigration({ transaction: "all" });
    const postgres = db.config.kind === "postgres";
    // SQLite held UTC text; PostgreSQL's `timestamp` held the writing process's wall time.
    const stored = (iso: string) => (postgres ? wallTime(iso, zone) : iso.replace("T", " ").replace("Z", ""));
    for (const p of LEGACY) {
      await ds.query(
        `INSERT INTO "programs" ("slug", "title", "type", "audience", "status", "country", "version", "applicationOpensAt", "applicationClosesAt") VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => (postgres ? `$${i}` : "?")).join(", ")})`,
        [
          p.slug,
          `Synthetic ${p.slug}`,
          "OBSERVERSHIP",
          "GRADUATE",
          "PUBLISHED",
          "US",
          1,
          stored(p.opens),
          stored(p.closes),
        ],
      );
    }
  } finally {
    await ds.destroy();
  }
}

/** The day columns as the database holds them (text in SQLite, `date` in PostgreSQL, read as text). */
async function storedDays(db: TestDatabase, slug: string): Promise<unknown[]> {
  const sql = 'SELECT "applicationOpensOn" AS o, "applicationClosesOn" AS c FROM "programs" WHERE "slug" = ';
  if (db.config.kind === "sqlite") {
    const raw = new Database(db.config.path, { readonly: true });
    try {
      const row = raw.prepare(`${sql}?`).get(slug) as { o: unknown; c: unknown };
      return [row.o, row.c];
    } finally {
      raw.close();
    }
  }
  const client = new Client({ connectionString: db.config.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT o::text, c::text FROM (${sql}$1) x`, [slug]);
    return [rows[0].o, rows[0].c];
  } finally {
    await client.end();
  }
}

const PROGRAMS = `{ programs(first: 50) { edges { node { slug applicationOpensOn applicationClosesOn applicationOpensAt applicationClosesAt } } } }`;
const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { id version applicationOpensOn applicationClosesOn } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $v, input: $input) { version applicationOpensOn applicationClosesOn } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishProgram(id: $id, version: $v) { version } }`;

function data<T>(r: HttpResult<T>): T {
  if (r.errors?.length || !r.data) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

describe.each(ZONES)("application dates with the server in %s", (zone) => {
  let db: TestDatabase;
  let server: ChildServer;
  const tokens: Record<string, string> = {};
  const as =
    (role: string | null) =>
    (query: string, variables: Record<string, unknown> = {}) =>
      httpGql(server.url, query, variables, role ? tokens[role] : undefined);

  beforeAll(async () => {
    db = await createTestDatabase();
    await legacyDatabase(db, zone);
    const databaseUrl = db.config.kind === "sqlite" ? `sqlite:${db.config.path}` : db.config.url;
    server = await startChildServer({
      TZ: zone,
      DATABASE_URL: databaseUrl,
      DIRECTORY_ADMIN_EMAIL: ADMIN.email,
      DIRECTORY_ADMIN_PASSWORD: ADMIN.password,
    });
    const login = (email: string, password: string) =>
      httpGql(server.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: email,
        p: password,
      }).then((r) => data(r).login.token as string);
    tokens.admin = await login(ADMIN.email, ADMIN.password);
    for (const role of ["editor", "viewer"]) {
      const c = { email: `dates-${role}@example.test`, name: `Dates ${role}`, password: `dates-${role}-password-1234` };
      data(
        await as("admin")(`mutation($input: CuratorInput!) { createCurator(input: $input) { id } }`, {
          input: { ...c, role: role.toUpperCase() },
        }),
      );
      tokens[role] = await login(c.email, c.password);
    }
  });

  afterAll(async () => {
    if (server) {
      server.proc.kill("SIGTERM");
      await server.exited;
    }
    await db?.drop();
  });

  it("the server really runs in that zone", () => {
    const env = fs.readFileSync(`/proc/${server.proc.pid}/environ`, "utf8").split("\0");
    expect(env).toContain(`TZ=${zone}`);
  });

  it("migrated every curator's instant to the day the curator meant", async () => {
    const nodes = data(await as(null)(PROGRAMS)).programs.edges.map((e: { node: Record<string, unknown> }) => e.node);
    const bySlug = Object.fromEntries(nodes.map((n: Record<string, unknown>) => [n.slug, n]));
    for (const p of LEGACY) {
      expect([p.slug, bySlug[p.slug]]).toEqual([
        p.slug,
        {
          slug: p.slug,
          applicationOpensOn: "2027-03-01",
          applicationClosesOn: "2027-03-31",
          // The deprecated fields: noon UTC of the day.
          applicationOpensAt: "2027-03-01T12:00:00.000Z",
          applicationClosesAt: "2027-03-31T12:00:00.000Z",
        },
      ]);
      expect(await storedDays(db, p.slug)).toEqual(["2027-03-01", "2027-03-31"]);
    }
  });

  it("an editor's day is stored, shown to every reader and exported as that day", async () => {
    const input = {
      slug: `dates-${zone.toLowerCase().replace(/[^a-z]+/g, "-")}`,
      title: "Synthetic date-only observership",
      sourceNote: "Synthetic test listing",
      type: "OBSERVERSHIP",
      audience: "GRADUATE",
      country: "US",
      applicationOpensOn: "2027-03-01",
      applicationClosesOn: "2027-03-31",
    };
    // Readers cannot write: anonymous and viewer are refused, nothing is stored.
    expect((await as(null)(CREATE, { input })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await as("viewer")(CREATE, { input })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const created = data(await as("editor")(CREATE, { input })).createProgram;
    expect([created.applicationOpensOn, created.applicationClosesOn]).toEqual(["2027-03-01", "2027-03-31"]);
    expect(await storedDays(db, input.slug)).toEqual(["2027-03-01", "2027-03-31"]);
    data(await as("editor")(PUBLISH, { id: created.id, v: created.version }));

    for (const role of [null, "viewer", "editor", "admin"]) {
      const r = data(
        await as(role)(`query($s: String!) { program(slug: $s) { applicationOpensOn applicationClosesOn } }`, {
          s: input.slug,
        }),
      );
      expect([role, r.program]).toEqual([
        role,
        { applicationOpensOn: "2027-03-01", applicationClosesOn: "2027-03-31" },
      ]);
    }

    const snapshot = data(
      await as("admin")(`mutation { createSnapshot(label: "dates", includeDrafts: false) { id } }`),
    ).createSnapshot;
    const file = (await (await fetch(`${server.url}/snapshots/${snapshot.id}.json`)).json()) as {
      meta: { schemaVersion: number };
      programs: Record<string, unknown>[];
    };
    expect(file.meta.schemaVersion).toBe(2);
    expect(file.programs.find((p) => p.slug === input.slug)).toMatchObject({
      applicationOpensOn: "2027-03-01",
      applicationClosesOn: "2027-03-31",
    });
    expect(file.programs.find((p) => p.slug === "legacy-kolkata")).toMatchObject({ applicationOpensOn: "2027-03-01" });
  });

  it("takes the deprecated instants as the days they stood for, and refuses bad days naming the field", async () => {
    const created = data(
      await as("editor")(CREATE, {
        input: {
          slug: `dates-legacy-input-${zone.length}`,
          title: "Synthetic legacy-input observership",
          type: "OBSERVERSHIP",
          audience: "GRADUATE",
          country: "US",
          // A Kolkata curator's midnight and a Toronto curator's, as the old admin sent them.
          applicationOpensAt: "2027-02-28T18:30:00.000Z",
          applicationClosesAt: "2027-03-31T04:00:00.000Z",
        },
      }),
    ).createProgram;
    expect([created.applicationOpensOn, created.applicationClosesOn]).toEqual(["2027-03-01", "2027-03-31"]);

    const both = await as("editor")(UPDATE, {
      id: created.id,
      v: created.version,
      input: { applicationOpensOn: "2027-03-02", applicationOpensAt: "2027-03-02T00:00:00Z" },
    });
    expect(both.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(JSON.stringify(both.errors?.[0].extensions)).toMatch(/applicationOpensAt/);

    for (const bad of ["2027-02-30", "2027-03-01T00:00:00Z", "03/01/2027"]) {
      const r = await as("editor")(UPDATE, { id: created.id, v: created.version, input: { applicationOpensOn: bad } });
      expect([bad, r.errors?.[0].extensions?.code]).toEqual([bad, "BAD_USER_INPUT"]);
      expect(r.errors?.[0].message).toMatch(/applicationOpensOn/);
    }
    expect(await storedDays(db, `dates-legacy-input-${zone.length}`)).toEqual(["2027-03-01", "2027-03-31"]);
  });
});
