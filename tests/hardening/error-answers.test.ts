import { createHash } from "node:crypto";
import { log } from "../../server/src/core/logger";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { loginAs } from "../support/auth";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

/** What must never reach a client: stack lines, file paths, HTML pages, error class names. */
const INTERNALS: [string, RegExp][] = [
  ["a stack line", /(^|\n|\\n)\s*at \S/],
  ["a stack frame", /\bat \S+ \([^)]*:\d+:\d+\)/],
  ["a /work path", /\/work/],
  ["node_modules", /node_modules/],
  ["an HTML page", /<html/i],
  ["an error class", /Error:/],
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Answer {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
  body: any;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  for (const [what, pattern] of INTERNALS)
    if (pattern.test(text)) throw new Error(`the answer holds ${what}: ${text.slice(0, 300)}`);
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    headers: res.headers,
    text,
    body: JSON.parse(text),
  };
}

/** A non-GraphQL route's error: `{"error":{"code","message","id"}}` as JSON, and nothing else. */
function expectJsonError(a: Answer, status: number, code: string) {
  expect(a.status).toBe(status);
  expect(a.contentType).toBe("application/json; charset=utf-8");
  expect(Object.keys(a.body)).toEqual(["error"]);
  expect(a.body.error).toEqual({ code, message: expect.any(String), id: expect.stringMatching(UUID) });
  expect(a.body.error.message.length).toBeGreaterThan(10);
}

/** A /graphql answer that failed with `code` (GraphQL's `errors` shape) at `path` when given. */
function expectGraphqlError(a: Answer, status: number, code: string, path?: string[]) {
  expect(a.status).toBe(status);
  expect(a.contentType).toBe("application/json; charset=utf-8");
  expect(a.body.errors).toHaveLength(1);
  expect(a.body.errors[0].extensions.code).toBe(code);
  if (path) expect(a.body.errors[0].path).toEqual(path);
  return a.body.errors[0];
}

const server = useTestServer({ listen: true });
let errorLog: jest.SpyInstance;
beforeAll(async () => {
  await seedSampleDirectory(server.ds);
});
beforeEach(() => {
  errorLog = jest.spyOn(log, "error");
});
afterEach(() => errorLog.mockRestore());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("errors outside GraphQL are JSON, never Express's HTML page", () => {
  it("sets Express's env from the app's config (an unset NODE_ENV means production, not development)", () => {
    expect(server.config.nodeEnv).toBe("production");
    expect(server.app.get("env")).toBe("production");
  });

  it("answers a path that is not valid percent-encoding with a JSON 400", async () => {
    expectJsonError(await answer(await fetch(`${server.base}/snapshots/%ZZ`)), 400, "BAD_REQUEST");
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("answers an unknown address with a JSON 404, whatever the method", async () => {
    for (const [method, url] of [
      ["GET", "/nope"],
      ["POST", "/nope"],
      ["GET", "/snapshots/"],
      ["DELETE", "/healthz"],
      ["GET", "/graphqlx"],
    ]) {
      const a = await answer(await fetch(`${server.base}${url}`, { method }));
      expectJsonError(a, 404, "NOT_FOUND");
      expect(a.headers.get("cache-control")).toBe("no-store");
    }
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("answers an unreadable (bad gzip) GraphQL body with a 400 in GraphQL's error shape", async () => {
    const res = await fetch(`${server.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: "this is not gzip data",
    });
    expectGraphqlError(await answer(res), 400, "BAD_REQUEST");
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("leaves the admin's own answers alone", async () => {
    const missingAsset = await fetch(`${server.base}/admin/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
    expect(await missingAsset.text()).toBe("Not found");
    const index = await fetch(`${server.base}/admin/`);
    expect([200, 503]).toContain(index.status); // the app, or the page saying how to build it
    expect(index.headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("ids past the database's 32-bit integer are client errors, never 500s", () => {
  const TOO_BIG = ["99999999999", "2147483648"];

  it("program, institution, ids filters: BAD_USER_INPUT naming the argument", async () => {
    for (const id of TOO_BIG) {
      const cases: [string, string, string[]][] = [
        [`query($id: ID) { program(id: $id) { id } }`, "program", ["id"]],
        [`query($id: ID) { institution(id: $id) { id } }`, "institution", ["id"]],
        [`query($id: ID!) { programs(filter: { ids: [$id] }) { totalCount } }`, "programs", ["filter", "ids"]],
        [`query($id: ID!) { institutions(filter: { ids: [$id] }) { totalCount } }`, "institutions", ["filter", "ids"]],
      ];
      for (const [query, field, argPath] of cases) {
        const error = expectGraphqlError(
          await answer(await post({ query, variables: { id } })),
          200,
          "BAD_USER_INPUT",
          [field],
        );
        expect(error.extensions.fields).toEqual([
          { path: argPath, message: expect.stringContaining("2147483647"), rule: "isEntityId" },
        ]);
      }
    }
    // The largest id is still an id: nothing there, no error.
    const largest = await answer(await post({ query: `{ program(id: "2147483647") { id } }` }));
    expect(largest.body).toEqual({ data: { program: null } });
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("snapshot and snapshotDiff: BAD_USER_INPUT naming the argument", async () => {
    const viewer = await loginAs(server, server.base, CuratorRole.VIEWER);
    const headers = { authorization: `Bearer ${viewer.token}` };
    for (const id of TOO_BIG) {
      const one = await answer(
        await post({ query: `query($id: ID!) { snapshot(id: $id) { id } }`, variables: { id } }, headers),
      );
      expect(expectGraphqlError(one, 200, "BAD_USER_INPUT", ["snapshot"]).extensions.fields[0].path).toEqual(["id"]);
      const diff = await answer(
        await post(
          { query: `query($id: ID!) { snapshotDiff(from: "1", to: $id) { identical } }`, variables: { id } },
          headers,
        ),
      );
      expect(expectGraphqlError(diff, 200, "BAD_USER_INPUT", ["snapshotDiff"]).extensions.fields[0].path).toEqual([
        "to",
      ]);
    }
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("a snapshot download by such an id is a JSON 404", async () => {
    for (const file of ["99999999999.json", "2147483648.ndjson", "0.json", "007.json"]) {
      expectJsonError(await answer(await fetch(`${server.base}/snapshots/${file}`)), 404, "NOT_FOUND");
    }
    expect(errorLog).not.toHaveBeenCalled();
  });
});

describe("a drafts snapshot with a token that cannot be used", () => {
  it("is a JSON 401 (not a 500) for a malformed, an unknown and a revoked token", async () => {
    const editor = await factories(server.ds).curator({ role: CuratorRole.EDITOR });
    const created = await server.exec(
      `mutation { createSnapshot(label: "drafts", includeDrafts: true) { jsonUrl } }`,
      {},
      editor,
    );
    const url = `${server.base}${created.data!.createSnapshot.jsonUrl}`;
    const viewer = await loginAs(server, server.base, CuratorRole.VIEWER);
    expect((await fetch(url, { headers: { authorization: `Bearer ${viewer.token}` } })).status).toBe(200);
    expect((await post({ query: "mutation { logout }" }, { authorization: `Bearer ${viewer.token}` })).status).toBe(
      200,
    );

    for (const authorization of [
      "Bearer wrong",
      "Basic dXNlcjpwYXNz",
      `Bearer ${"x".repeat(43)}`,
      `Bearer ${viewer.token}`,
    ]) {
      const a = await answer(await fetch(url, { headers: { authorization } }));
      expectJsonError(a, 401, "UNAUTHENTICATED");
      expect(a.headers.get("www-authenticate")).toBe('Bearer realm="directory", error="invalid_token"');
    }
    const anonymous = await answer(await fetch(url));
    expectJsonError(anonymous, 401, "UNAUTHENTICATED");
    expect(anonymous.body.error.message).toMatch(/includes draft listings/);
    expect(errorLog).not.toHaveBeenCalled();
  });
});

describe("requests the GraphQL endpoint does not support", () => {
  const QUERY = "{ programs { totalCount } }";
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

  it("a persisted query of another version is PERSISTED_QUERY_NOT_SUPPORTED", async () => {
    const a = await answer(
      await post({ query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(QUERY) } } }),
    );
    expect(expectGraphqlError(a, 400, "PERSISTED_QUERY_NOT_SUPPORTED").message).toMatch(/version 1/);
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("a persisted query whose hash is not the query's is BAD_USER_INPUT", async () => {
    const a = await answer(
      await post({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256("{ other }") } } }),
    );
    const error = expectGraphqlError(a, 400, "BAD_USER_INPUT");
    expect(error.extensions.fields[0].path).toEqual(["extensions", "persistedQuery", "sha256Hash"]);
    // The right hash still works, and registers the query.
    const ok = await answer(
      await post({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } } }),
    );
    expect(ok.body.data.programs.totalCount).toBeGreaterThan(0);
    expect(errorLog).not.toHaveBeenCalled();
  });

  it("a subscription is refused as not supported", async () => {
    const a = await answer(await post({ query: "subscription { programs { totalCount } }" }));
    expect(expectGraphqlError(a, 400, "GRAPHQL_VALIDATION_FAILED").message).toMatch(/Subscriptions are not supported/);
    expect(errorLog).not.toHaveBeenCalled();
  });
});

describe("an unexpected failure on a non-GraphQL route", () => {
  it("is a JSON 500 whose id is the one logged at error level (last: it breaks the schema)", async () => {
    // Its stored files first: they refer to it.
    await server.ds.query(`DROP TABLE "snapshot_chunks"`);
    await server.ds.query(`DROP TABLE "snapshots"`);
    const a = await answer(await fetch(`${server.base}/snapshots/1.json`));
    expectJsonError(a, 500, "INTERNAL_SERVER_ERROR");
    expect(a.text).not.toMatch(/snapshots"|SELECT|relation|no such table/i);
    expect(errorLog).toHaveBeenCalledTimes(1);
    expect(errorLog.mock.calls[0][1]).toMatchObject({ errorId: a.body.error.id });
  });
});
