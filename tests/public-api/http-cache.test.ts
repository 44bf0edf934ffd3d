import { createHash } from "node:crypto";
import http from "node:http";
import { HeaderMap } from "@apollo/server";
import { createContext } from "../../server/src/composition/context";
import { cacheControlPlugin } from "../../server/src/core/cache-control";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { viewerCurator } from "./fixture";

const server = useTestServer({ env: { PUBLIC_CACHE_MAX_AGE: "120" }, listen: true });
beforeAll(async () => {
  await factories(server.ds).program({ slug: "cached-program", title: "Cached program" });
});

const QUERY = `query Titles { programs(first: 5) { totalCount edges { node { title } } } }`;
const PREFLIGHT = { "apollo-require-preflight": "true" };

function getUrl(params: Record<string, unknown>): string {
  const qs = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  );
  return `${server.base}/graphql?${qs}`;
}

describe("GET, automatic persisted queries and Cache-Control over HTTP", () => {
  it("answers a GET query with a public, cacheable response", async () => {
    const res = await fetch(getUrl({ query: QUERY }), { headers: PREFLIGHT });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=120");
    expect(res.headers.get("vary")).toMatch(/Authorization/i);
    expect(await res.json()).toEqual({
      data: { programs: { totalCount: 1, edges: [{ node: { title: "Cached program" } }] } },
    });
  });

  it("keeps CSRF prevention on: a GET without a non-simple header is refused", async () => {
    const res = await fetch(getUrl({ query: QUERY }));
    expect(res.status).toBe(400);
  });

  it("runs automatic persisted queries: unknown hash, then registration, then the hash alone (GET)", async () => {
    const sha256Hash = createHash("sha256").update(QUERY).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await fetch(getUrl({ extensions }), { headers: PREFLIGHT });
    const missBody = (await miss.json()) as any;
    expect(missBody.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(miss.headers.get("cache-control")).toBe("private, no-store");

    const register = await fetch(getUrl({ query: QUERY, extensions }), { headers: PREFLIGHT });
    expect(((await register.json()) as any).data.programs.totalCount).toBe(1);

    const hit = await fetch(getUrl({ extensions }), { headers: PREFLIGHT });
    expect(hit.status).toBe(200);
    expect(hit.headers.get("cache-control")).toBe("public, max-age=120");
    expect(((await hit.json()) as any).data.programs.edges[0].node.title).toBe("Cached program");

    // Registration over POST works as well, and so does the hash alone over POST.
    const other = `{ program(slug: "cached-program") { title } }`;
    const otherExt = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(other).digest("hex") } };
    const post = (body: unknown) =>
      fetch(`${server.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(((await (await post({ query: other, extensions: otherExt })).json()) as any).data.program.title).toBe(
      "Cached program",
    );
    expect(((await (await post({ extensions: otherExt })).json()) as any).data.program.title).toBe("Cached program");
    const wrongHash = await post({
      query: other,
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(wrongHash.status).toBe(400);
  });

  it("makes POST reads public too, and anything with credentials, errors or limits refused private", async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    expect((await post({ query: QUERY })).headers.get("cache-control")).toBe("public, max-age=120");
    expect((await post({ query: QUERY }, { authorization: "Bearer whatever" })).headers.get("cache-control")).toBe(
      "private, no-store",
    );
    const failing = await post({ query: `{ programs(first: 500) { totalCount } }` });
    expect(failing.headers.get("cache-control")).toBe("private, no-store");
    const tooCostly = await post({
      query: `{ programs(first: 100) { edges { node { institution { programs(first: 100) { edges { node { title } } } } } } } }`,
    });
    expect(tooCostly.status).toBe(400);
    expect(((await tooCostly.json()) as any).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(tooCostly.headers.get("cache-control")).toBe("private, no-store");
    const mutationOverGet = await fetch(getUrl({ query: `mutation { __typename }` }), { headers: PREFLIGHT });
    expect(mutationOverGet.status).toBe(405);
  });

  it("gives GET answers an ETag a cache can revalidate with, and POST answers none", async () => {
    const get = await fetch(getUrl({ query: QUERY }), { headers: PREFLIGHT });
    const etag = get.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    // As a cache revalidates: fetch() would add `Cache-Control: no-cache` to a conditional request.
    const again = await new Promise<number | undefined>((resolve, reject) =>
      http
        .get(getUrl({ query: QUERY }), { headers: { ...PREFLIGHT, "if-none-match": etag! } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on("error", reject),
    );
    expect(again).toBe(304);
    const post = await fetch(`${server.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get("etag")).toBeNull();
    // The POST answers come from an app mounted for them: its settings stay the server's.
    expect(post.headers.get("x-powered-by")).toBeNull();
    expect(post.headers.get("cache-control")).toBe("public, max-age=120");
    expect(((await post.json()) as any).data.programs.totalCount).toBe(1);
  });

  it("is private, no-store when a curator is signed in", async () => {
    const response = await server.apollo.executeOperation(
      { query: QUERY },
      { contextValue: createContext(server.deps, viewerCurator) },
    );
    expect(response.http.headers.get("cache-control")).toBe("private, no-store");
    const anonymous = await server.apollo.executeOperation(
      { query: QUERY },
      { contextValue: createContext(server.deps, null) },
    );
    expect(anonymous.http.headers.get("cache-control")).toBe("public, max-age=120");
  });

  it("is private, no-store for mutations (the plugin on its own)", async () => {
    const listener = await cacheControlPlugin(60).requestDidStart!({} as never);
    const respond = async (operation: "query" | "mutation") => {
      const headers = new HeaderMap();
      await listener!.willSendResponse!({
        request: { http: { headers: new HeaderMap(), method: "POST", search: "", body: {} } },
        response: { body: { kind: "single", singleResult: { data: {} } }, http: { headers, status: undefined } },
        contextValue: { viewer: { curator: null } },
        operation: { operation },
      } as never);
      return headers.get("cache-control");
    };
    expect(await respond("query")).toBe("public, max-age=60");
    expect(await respond("mutation")).toBe("private, no-store");
  });
});
