import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { EXPLORER_CSP_DIRECTIVES, explorerRoutes } from "../../server/src/core/explorer";
import { buildExplorer } from "../support/explorer";
import { createTestServer, type ListeningTestServer } from "../support/server";

jest.setTimeout(180_000);

/** What Chromium sends when a person opens an address. */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

/** "a b; c d e" → { a: ["b"], c: ["d", "e"] } */
function parseCsp(header: string | null): Record<string, string[]> {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("/graphql: the explorer for browsers, the API for everyone else", () => {
  let server: ListeningTestServer;
  let base: string;
  beforeAll(async () => {
    buildExplorer();
    server = await createTestServer();
    base = await server.listen();
  });
  afterAll(() => server?.close());

  it("sends a browser opening /graphql the explorer's page, under the explorer's security headers", async () => {
    for (const url of ["/graphql", "/graphql?tab=2"]) {
      const res = await fetch(`${base}${url}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("vary")).toMatch(/Accept/);
      const csp = parseCsp(res.headers.get("content-security-policy"));
      expect(csp).toEqual(Object.fromEntries(Object.entries(EXPLORER_CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])));
      expect(csp["script-src"]).toEqual(["'self'"]); // no inline script, no eval
      expect(csp["connect-src"]).toEqual(["'self'"]);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const html = await res.text();
      expect(html).toContain("GraphQL explorer");
      // Only same-origin files, nothing inline that the policy would block.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(
        [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
          .map((m) => m[1])
          .filter((u) => !u.startsWith("/explorer/assets/") && !u.startsWith("data:")),
      ).toEqual([]);
    }
  });

  it("serves the explorer's hashed files as immutable, and a plain 404 for anything else under /explorer", async () => {
    const html = await (await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } })).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/explorer\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(`${base}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-security-policy")).toContain("worker-src 'self'");
    }
    for (const missing of ["/explorer/assets/nope-12345678.js", "/explorer", "/explorer/index.html"]) {
      const res = await fetch(`${base}${missing}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).not.toMatch(/html/);
    }
  });

  it("leaves API clients' requests to the API, as before: POST, GET with a query, persisted queries", async () => {
    const query = "{ programs { totalCount } }";
    const post = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query }),
    });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ data: { programs: { totalCount: 0 } } });
    expect(post.headers.get("content-security-policy")).toBeNull();

    // A GET with a query is the API's even from a browser; CSRF prevention still wants its header.
    for (const accept of [undefined, "application/json", BROWSER_ACCEPT]) {
      const headers: Record<string, string> = { "apollo-require-preflight": "true", ...(accept ? { accept } : {}) };
      const res = await fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/json/);
      expect(res.headers.get("cache-control")).toBe("public, max-age=60");
      expect(await res.json()).toEqual({ data: { programs: { totalCount: 0 } } });
    }
    const refused = await fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toMatch(/json/);

    // Automatic persisted queries: the hash alone, then the query with its hash, then the hash alone.
    const hash = crypto.createHash("sha256").update(query).digest("hex");
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    const headers = { "apollo-require-preflight": "true", accept: BROWSER_ACCEPT };
    const notFound = (await (await fetch(`${base}/graphql?extensions=${extensions}`, { headers })).json()) as any;
    expect(notFound.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const both = await fetch(`${base}/graphql?query=${encodeURIComponent(query)}&extensions=${extensions}`, {
      headers,
    });
    expect(await both.json()).toEqual({ data: { programs: { totalCount: 0 } } });
    const hashOnly = await fetch(`${base}/graphql?extensions=${extensions}`, { headers });
    expect(await hashOnly.json()).toEqual({ data: { programs: { totalCount: 0 } } });

    // A GET with no operation from a client that does not prefer HTML is the API's error, as before.
    for (const accept of ["*/*", "application/json", "application/graphql-response+json"]) {
      const res = await fetch(`${base}/graphql`, { headers: { accept, "apollo-require-preflight": "true" } });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/json/);
      expect(res.headers.get("content-security-policy")).toBeNull();
    }
  });

  it("answers 503 with how to build it when the explorer is not built, and leaves the API working", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "explorer-dist-"));
    const app = express();
    const explorer = explorerRoutes(path.join(empty, "dist"));
    app.use("/explorer", explorer.assets);
    app.get("/graphql", explorer.page, (_req, res) => {
      res.json({ api: true });
    });
    const httpServer = http.createServer(app);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    try {
      const page = await fetch(`${url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(503);
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
      const body = await page.text();
      expect(body).toContain("npm run explorer:build");
      expect(body).toContain("npm start");
      expect(await (await fetch(`${url}/graphql`, { headers: { accept: "application/json" } })).json()).toEqual({
        api: true,
      });
    } finally {
      await new Promise((resolve) => httpServer.close(resolve));
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
