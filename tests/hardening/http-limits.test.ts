import { createHash } from "node:crypto";
import { factories, TEST_PASSWORD } from "../support/factories";
import { createTestServer, useTestServer } from "../support/server";

type Server = Awaited<ReturnType<typeof createTestServer>>;

async function start(env: Record<string, string> = {}): Promise<{ server: Server; base: string }> {
  const server = await createTestServer(env);
  return { server, base: await server.listen() };
}

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("HTTP limits on /graphql", () => {
  const s = useTestServer({ env: { CORS_ORIGINS: "https://frontend.example" }, listen: true });

  it("refuses a body over 1 MB with 413 and a readable error, then keeps serving", async () => {
    const res = await post(s.base, { query: "{ programs { totalCount } }", padding: "x".repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: "Request body is larger than the limit of 1000000 bytes",
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
    expect((await post(s.base, { query: "{ programs { totalCount } }" })).status).toBe(200);
  });

  it("refuses malformed JSON with 400", async () => {
    const res = await fetch(`${s.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("refuses batched operations", async () => {
    const res = await post(s.base, [
      { query: "{ programs { totalCount } }" },
      { query: "{ programs { totalCount } }" },
    ]);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });

  it("keeps Apollo's CSRF prevention on: a simple cross-site request is refused", async () => {
    const res = await fetch(`${s.base}/graphql?query=${encodeURIComponent("{ programs { totalCount } }")}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it("answers CORS only for allowed origins", async () => {
    const allowed = await fetch(`${s.base}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: "https://frontend.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://frontend.example");
    const other = await fetch(`${s.base}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("says a cacheable answer varies with Origin, so a shared cache never hands one origin's CORS answer to another", async () => {
    const res = await post(s.base, { query: "{ programs { totalCount } }" }, { origin: "https://frontend.example" });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://frontend.example");
    const vary = (res.headers.get("vary") ?? "").split(",").map((v) => v.trim().toLowerCase());
    expect(vary).toEqual(expect.arrayContaining(["origin", "authorization", "accept-language"]));
  });
});

describe("rate limits (off in tests unless turned on)", () => {
  it("answers 429 with Retry-After past the per-address limit", async () => {
    const { server, base } = await start({ RATE_LIMIT_PER_MINUTE: "3" });
    try {
      for (let i = 0; i < 3; i++) expect((await post(base, { query: "{ programs { totalCount } }" })).status).toBe(200);
      const limited = await post(base, { query: "{ programs { totalCount } }" });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await limited.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    } finally {
      await server.close();
    }
  });

  it("limits login attempts more strictly than reads", async () => {
    const { server, base } = await start({ LOGIN_RATE_LIMIT_PER_MINUTE: "2" });
    try {
      const login = { query: 'mutation { login(email: "a@b.org", password: "wrong-password-123") { token } }' };
      await post(base, login);
      await post(base, login);
      const limited = await post(base, login);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await limited.json()) as any).errors[0].extensions).toMatchObject({
        code: "UNAUTHENTICATED",
        reason: "RATE_LIMITED",
      });
      expect((await post(base, { query: "{ programs { totalCount } }" })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("the login limit counts every login that runs, however it is written", () => {
  const s = useTestServer({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "2" }, listen: true, reset: true });

  // Different made-up emails, so that only the per-minute limit can refuse them.
  const field = (n: number, alias = "") =>
    `${alias}login(email: "guess-${n}@example.org", password: "wrong-password-123") { token }`;
  const reasons = async (res: Response) => ((await res.json()) as any).errors.map((e: any) => e.extensions.reason);

  it("counts `login,(` (commas are whitespace in GraphQL) and other spacing", async () => {
    await post(s.base, { query: `mutation { ${field(1)} }` });
    await post(s.base, {
      query: `mutation{\n  login\n  ,,(email: "guess-2@example.org", password: "wrong-password-123") { token } }`,
    });
    const third = await post(s.base, {
      query: `mutation { login,(email: "guess-3@example.org", password: "wrong-password-123") { token } }`,
    });
    expect([third.status, await reasons(third)]).toEqual([429, ["RATE_LIMITED"]]);
  });

  it("counts each aliased login field in one operation", async () => {
    // A failed login ends a mutation (its payload is non-null), so right passwords show every field running.
    const { email } = await factories(s.ds).curator();
    const signIn = (alias: string) => `${alias}: login(email: "${email}", password: "${TEST_PASSWORD}") { token }`;
    const res = await post(s.base, { query: `mutation { ${signIn("a")} ${signIn("b")} ${signIn("c")} }` });
    expect([res.status, await reasons(res)]).toEqual([429, ["RATE_LIMITED"]]);
  });

  it("counts a persisted query sent by its hash alone", async () => {
    const query = `mutation Guess($email: String!) { attempt: login(email: $email, password: "wrong-password-123") { token } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    const registered = await post(s.base, { query, extensions, variables: { email: "guess-1@example.org" } });
    expect(await reasons(registered)).toEqual(["BAD_CREDENTIALS"]);
    const byHash = (n: number) => post(s.base, { extensions, variables: { email: `guess-${n}@example.org` } });
    expect(await reasons(await byHash(2))).toEqual(["BAD_CREDENTIALS"]);
    const third = await byHash(3);
    expect([third.status, await reasons(third)]).toEqual([429, ["RATE_LIMITED"]]);
  });
});

describe("operation timeout", () => {
  it("answers a slow operation with an error and keeps serving", async () => {
    const { server, base } = await start({ OPERATION_TIMEOUT_MS: "200" });
    try {
      const programs = server.deps.services.programs;
      const original = programs.list.bind(programs);
      programs.list = async (...args: Parameters<typeof original>) => {
        await new Promise((r) => setTimeout(r, 1000));
        return original(...args);
      };
      // Edges too: a request for the count alone does not read a page (ProgramService.countOnly).
      const slow = await post(base, { query: "{ programs { totalCount edges { node { id } } } }" });
      expect(slow.status).toBe(503);
      expect(((await slow.json()) as any).errors[0].extensions.code).toBe("TIMEOUT");
      programs.list = original;
      const fast = await post(base, { query: "{ programs { totalCount } }" });
      expect(fast.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1000)); // the late execution finishes without harm
      expect((await post(base, { query: "{ specialties { totalCount } }" })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
