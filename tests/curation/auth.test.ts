import { createHash } from "node:crypto";
import { loadConfig } from "../../server/src/core/config";
import { ListingStatus } from "../../server/src/core/enums";
import { CuratorSession } from "../../server/src/modules/curator/curator-session.entity";
import { Curator, CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { LoginLimiter } from "../../server/src/modules/curator/login-limiter";
import { normalizeEmail } from "../../server/src/modules/curator/curator.service";
import { httpGql, LOGIN, loginAs } from "../support/auth";
import { factories, TEST_PASSWORD } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({
  env: { LOGIN_MAX_FAILURES: "3", LOGIN_MAX_FAILURES_PER_ADDRESS: "6", SESSION_TTL_HOURS: "12" },
  listen: true,
  reset: true,
});
let f: ReturnType<typeof factories>;
beforeAll(async () => {
  f = factories(server.ds);
});

const ME = `{ me { id email name role lastLoginAt } }`;
const login = (email: string, password: string) => httpGql(server.base, LOGIN, { email, password });
const code = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.[0]?.extensions?.code;

describe("login", () => {
  it("opens a session: a random token stored only as its hash, expiring after SESSION_TTL_HOURS, that `me` recognises", async () => {
    const c = await f.curator({ email: "eda@example.org", role: CuratorRole.EDITOR });
    const r = await login("  EDA@Example.org ", TEST_PASSWORD); // emails are case-insensitive
    expect(r.errors).toBeUndefined();
    const { token, expiresAt, curator } = r.data!.login;
    expect(curator).toEqual({ id: String(c.id), email: "eda@example.org", role: "EDITOR" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hoursLeft = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(hoursLeft).toBeLessThanOrEqual(12);

    const sessions = await server.ds.getRepository(CuratorSession).find();
    expect(sessions).toHaveLength(1);
    expect(sessions[0].tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(await server.ds.query(`SELECT * FROM curator_sessions`))).not.toContain(token);

    const me = await httpGql(server.base, ME, {}, token);
    expect(me.data!.me).toMatchObject({ email: "eda@example.org", role: "EDITOR" });
    expect(me.data!.me.lastLoginAt).not.toBeNull();
    expect((await httpGql(server.base, ME)).data).toEqual({ me: null });
  });

  it("fails alike for a wrong password, an unknown email and a disabled account (which confirms nothing)", async () => {
    const c = await f.curator();
    const disabled = await f.curator({ active: false });
    const wrong = await login(c.email, "not the password");
    const unknown = await login("nobody@example.org", TEST_PASSWORD);
    const off = await login(disabled.email, TEST_PASSWORD);
    for (const r of [wrong, unknown, off]) {
      expect(r.data).toBeNull();
      expect(r.errors![0]).toMatchObject({
        message: "Wrong email or password",
        extensions: { code: "UNAUTHENTICATED", reason: "BAD_CREDENTIALS" },
      });
    }
  });

  it("slows failed sign-ins per email from one address, even with the right password afterwards", async () => {
    const c = await f.curator();
    for (let i = 0; i < 3; i++) expect(code(await login(c.email, "wrong password!"))).toBe("UNAUTHENTICATED");
    const limited = await login(c.email, TEST_PASSWORD);
    expect(limited.errors![0].message).toMatch(/Too many sign-in attempts .* try again in \d+ seconds?/);
    expect(limited.errors![0].extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "RATE_LIMITED",
      retryAfterSeconds: expect.any(Number),
    });
    // Another account from the same address is not locked out by this one's failures.
    const other = await f.curator();
    expect((await login(other.email, TEST_PASSWORD)).errors).toBeUndefined();
  });

  it("slows failed sign-ins per client address across emails", async () => {
    const c = await f.curator();
    for (let i = 0; i < 6; i++) await login(`guess-${i}@example.org`, "wrong password!");
    const limited = await login(c.email, TEST_PASSWORD);
    expect(limited.errors![0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "RATE_LIMITED" });
  });

  it("lets the next attempt through once the delay is over, and forgets failures LOGIN_WINDOW_MINUTES after that", async () => {
    let now = Date.parse("2030-01-01T00:00:00Z");
    const limiter = new LoginLimiter(server.ds, server.config.auth, () => new Date(now));
    const attempt = () => limiter.reserve(normalizeEmail("a@x.org"), "192.0.2.1");
    for (let i = 0; i < 3; i++) expect((await attempt()).allowed).toBe(true);
    expect(await attempt()).toEqual({ allowed: false, retryAfterSeconds: 2 }); // LOGIN_DELAY_SECONDS
    now += 1_000;
    expect(await attempt()).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect((await attempt()).allowed).toBe(true);
    expect(await attempt()).toEqual({ allowed: false, retryAfterSeconds: 4 }); // doubled
    now += 4_000 + 15 * 60_000 + 1; // the delay, then the window
    for (let i = 0; i < 3; i++) expect((await attempt()).allowed).toBe(true);
    expect((await attempt()).allowed).toBe(false);
  });
});

describe("tokens", () => {
  const PROGRAMS = `{ programs { totalCount } }`;

  it("a request with a bad, unknown or malformed token gets 401 UNAUTHENTICATED on any operation, not anonymous data", async () => {
    for (const header of ["Bearer not-a-real-token-but-long-enough", "Basic dXNlcjpwYXNz", "Bearer"]) {
      const res = await fetch(`${server.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: header },
        body: JSON.stringify({ query: PROGRAMS }),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const body = (await res.json()) as any;
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toEqual({ code: "UNAUTHENTICATED", reason: "INVALID_TOKEN" });
    }
  });

  it("stops working once expired", async () => {
    const { token, gql, curator } = await loginAs(server, server.base, CuratorRole.VIEWER);
    expect((await gql(ME)).data!.me).not.toBeNull();
    await server.ds
      .getRepository(CuratorSession)
      .update({ curatorId: curator.id }, { expiresAt: new Date(Date.now() - 1000) });
    const r = await httpGql(server.base, PROGRAMS, {}, token);
    expect([r.status, code(r)]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("stops working after logout (revoked); logout without a session answers false", async () => {
    const { token, gql } = await loginAs(server, server.base, CuratorRole.EDITOR);
    expect((await gql(`mutation { logout }`)).data).toEqual({ logout: true });
    expect(code(await httpGql(server.base, ME, {}, token))).toBe("UNAUTHENTICATED");
    expect((await httpGql(server.base, `mutation { logout }`)).data).toEqual({ logout: false });
    const revoked = await server.ds.getRepository(CuratorSession).findOneByOrFail({});
    expect(revoked.revokedAt).not.toBeNull();
  });

  it("disabling a curator ends their sessions at once, and enabling does not revive them", async () => {
    const admin = await loginAs(server, server.base, CuratorRole.ADMIN);
    const editor = await loginAs(server, server.base, CuratorRole.EDITOR);
    const UPDATE = `mutation($id: ID!, $v: Int!, $active: Boolean) { updateCurator(id: $id, version: $v, input: { active: $active }) { active version } }`;
    const off = await admin.gql(UPDATE, { id: String(editor.curator.id), v: 1, active: false });
    expect(off.data!.updateCurator).toEqual({ active: false, version: 2 });
    expect(code(await editor.gql(ME))).toBe("UNAUTHENTICATED");
    await admin.gql(UPDATE, { id: String(editor.curator.id), v: 2, active: true });
    expect(code(await editor.gql(ME))).toBe("UNAUTHENTICATED");
    expect((await login(editor.curator.email, TEST_PASSWORD)).errors).toBeUndefined();
  });

  it("a new password ends the curator's sessions; a role change applies to the next request", async () => {
    const admin = await loginAs(server, server.base, CuratorRole.ADMIN);
    const editor = await loginAs(server, server.base, CuratorRole.EDITOR);
    const other = await loginAs(server, server.base, CuratorRole.EDITOR);
    const id = (c: Curator) => String(c.id);
    await admin.gql(`mutation($id: ID!) { updateCurator(id: $id, version: 1, input: { role: VIEWER }) { role } }`, {
      id: id(editor.curator),
    });
    const write = await editor.gql(`mutation { createSpecialty(input: { slug: "s", name: "S" }) { id } }`);
    expect(code(write)).toBe("FORBIDDEN");
    await admin.gql(
      `mutation($id: ID!) { updateCurator(id: $id, version: 1, input: { password: "a brand new password" }) { id } }`,
      { id: id(other.curator) },
    );
    expect(code(await other.gql(ME))).toBe("UNAUTHENTICATED");
    expect((await login(other.curator.email, "a brand new password")).errors).toBeUndefined();
  });
});

describe("curator management", () => {
  it("is for ADMIN only, and never leaves the directory without an active ADMIN", async () => {
    const admin = await loginAs(server, server.base, CuratorRole.ADMIN);
    const editor = await loginAs(server, server.base, CuratorRole.EDITOR);
    const LIST = `{ curators(first: 10) { totalCount edges { node { email role active } } } }`;
    expect(code(await editor.gql(LIST))).toBe("FORBIDDEN");
    expect((await admin.gql(LIST)).data!.curators.totalCount).toBe(2);

    const self = String(admin.curator.id);
    const demote = await admin.gql(
      `mutation($id: ID!) { updateCurator(id: $id, version: 1, input: { role: EDITOR }) { id } }`,
      { id: self },
    );
    expect(demote.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ path: ["input", "role"], message: expect.stringMatching(/last active ADMIN/) }],
    });
    const disable = await admin.gql(
      `mutation($id: ID!) { updateCurator(id: $id, version: 1, input: { active: false }) { id } }`,
      { id: self },
    );
    expect(disable.errors![0].extensions).toMatchObject({ fields: [{ path: ["input", "active"] }] });

    const weak = await admin.gql(
      `mutation { createCurator(input: { email: "x@example.org", role: VIEWER, password: "short" }) { id } }`,
    );
    expect(weak.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ path: ["input", "password"] }],
    });
    const taken = await admin.gql(
      `mutation($e: String!) { createCurator(input: { email: $e, role: VIEWER, password: "long enough pass" }) { id } }`,
      {
        e: editor.curator.email.toUpperCase(),
      },
    );
    expect(taken.errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ path: ["input", "email"] }],
    });
  });

  it("shows a curator's email, role and activity to curators only; anyone may see who verified a listing", async () => {
    const verifier = await f.curator({ name: "Vera Verifier" });
    await f.program({ slug: "p", lastVerifiedAt: new Date(), verifiedById: verifier.id });
    const Q = `{ program(slug: "p") { verifiedBy { name } } }`;
    expect((await httpGql(server.base, Q)).data).toEqual({ program: { verifiedBy: { name: "Vera Verifier" } } });
    const leak = await httpGql(server.base, `{ program(slug: "p") { verifiedBy { name email } } }`);
    expect(code(leak)).toBe("UNAUTHENTICATED");
    const viewer = await loginAs(server, server.base, CuratorRole.VIEWER);
    expect((await viewer.gql(`{ program(slug: "p") { verifiedBy { email } } }`)).data!.program.verifiedBy.email).toBe(
      verifier.email,
    );
  });

  it("shows anonymous readers only the verifier's display name: its id, version and dates need a curator", async () => {
    const verifier = await f.curator({ name: "Vera Verifier" });
    await f.program({ slug: "p", lastVerifiedAt: new Date(), verifiedById: verifier.id });
    for (const field of ["id", "version", "createdAt", "updatedAt", "email", "role", "active", "lastLoginAt"]) {
      const r = await httpGql(server.base, `{ program(slug: "p") { slug verifiedBy { name ${field} } } }`);
      expect(code(r)).toBe("UNAUTHENTICATED");
      // The error names the field, never its value; the program itself still answers.
      expect(r.data!.program.slug).toBe("p");
      expect(r.data!.program.verifiedBy?.[field] ?? null).toBeNull();
      expect(JSON.stringify(r)).not.toContain(verifier.email);
      expect(JSON.stringify(r.errors)).not.toMatch(new RegExp(`"${verifier.id}"|${verifier.createdAt.toISOString()}`));
    }
    const viewer = await loginAs(server, server.base, CuratorRole.VIEWER);
    const signedIn = await viewer.gql(`{ program(slug: "p") { verifiedBy { id name version createdAt updatedAt } } }`);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.program.verifiedBy).toMatchObject({
      id: String(verifier.id),
      name: "Vera Verifier",
      version: 1,
    });
  });
});

describe("visibility over HTTP", () => {
  it("drafts and archived records are invisible to anonymous clients and visible to a signed-in viewer", async () => {
    await f.program({ title: "Published" });
    await f.program({ title: "Draft", status: ListingStatus.DRAFT });
    await f.program({ title: "Archived", status: ListingStatus.ARCHIVED });
    await f.institution({ archivedAt: new Date() });
    const Q = `{ programs(first: 10) { edges { node { title status } } } institutions { totalCount } }`;
    const anonymous = await httpGql(server.base, Q);
    expect(anonymous.data!.programs.edges.map((e: any) => e.node.title)).toEqual(["Published"]);
    expect(anonymous.data!.institutions.totalCount).toBe(0);
    const viewer = await loginAs(server, server.base, CuratorRole.VIEWER);
    const seen = await viewer.gql(Q);
    expect(seen.data!.programs.edges.map((e: any) => e.node.title).sort()).toEqual(["Archived", "Draft", "Published"]);
    expect(seen.data!.institutions.totalCount).toBe(1);
  });
});

describe("auth configuration", () => {
  it("has safe defaults and refuses nonsense", () => {
    expect(loadConfig({}).auth).toEqual({
      sessionTtlHours: 12,
      loginMaxFailures: 5,
      loginMaxFailuresPerEmail: 20,
      loginMaxFailuresPerAddress: 20,
      loginDelaySeconds: 2,
      loginMaxDelaySeconds: 900,
      loginMaxEmailDelaySeconds: 60,
      loginWindowMinutes: 15,
      loginAttemptsPerMinute: 10,
    });
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(() => loadConfig({ SESSION_TTL_HOURS: "0" })).toThrow(/SESSION_TTL_HOURS must be a whole number/);
    expect(() => loadConfig({ LOGIN_MAX_FAILURES: "many" })).toThrow(/LOGIN_MAX_FAILURES must be a whole number/);
  });
});
