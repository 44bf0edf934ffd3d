import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { SITE_CSP_DIRECTIVES } from "../../server/src/core/site-static";
import { buildSite } from "../support/site-server";
import { createTestServer, type ListeningTestServer } from "../support/server";

jest.setTimeout(180_000);

const root = path.resolve(__dirname, "..", "..");
const documents = JSON.parse(
  fs.readFileSync(path.join(root, "site", "src", "gql", "persisted-documents.json"), "utf8"),
) as Record<string, string>;

/** The site at / over HTTP: what it serves, with which headers, and the API it relies on. */
describe("the public site at /", () => {
  let server: ListeningTestServer;
  let base: string;

  beforeAll(async () => {
    buildSite();
    server = await createTestServer();
    await seedSampleDirectory(server.ds);
    base = await server.listen();
  });
  afterAll(() => server?.close());

  it("is built by the same script npm start runs (one check for admin and site)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script
    const { staleReason } = require("../../scripts/ensure-build.js") as { staleReason(app: string): string | null };
    expect(staleReason("site")).toBeNull();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.scripts.start).toContain("ensure-build.js admin site");
  });

  it("answers its own routes with index.html (no-cache, its CSP), in either language", async () => {
    for (const route of ["/", "/fr", "/en/", "/programs/x", "/fr/institutions/y", "/eligibility", "/compare?ids=1"]) {
      const res = await fetch(`${base}${route}`);
      expect({ route, status: res.status }).toEqual({ route, status: 200 });
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      const csp = res.headers.get("content-security-policy")!;
      for (const [name, values] of Object.entries(SITE_CSP_DIRECTIVES))
        expect(csp).toContain(`${name} ${values.join(" ")}`);
      expect(csp).not.toContain("unsafe");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(await res.text()).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    }
  });

  it("serves hashed assets for a year, gzip-compressed, and a missing one as a plain 404", async () => {
    const html = await (await fetch(`${base}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const res = await fetch(`${base}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const missing = await fetch(`${base}/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Not found");
  });

  it("leaves every other address to the API's JSON 404", async () => {
    for (const url of ["/nope", "/programs", "/programs/a/b", "/de/", "/graphqlx"]) {
      const res = await fetch(`${base}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(((await res.json()) as any).error.code).toBe("NOT_FOUND");
    }
  });

  it("asks the API by persisted-query hash over GET, answers a CDN can cache", async () => {
    const [hash, text] = Object.entries(documents).find(([, q]) => q.includes("query SearchPage"))!;
    expect(hash).toBe(`sha256:${createHash("sha256").update(text).digest("hex")}`);
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash.slice("sha256:".length) } });
    const variables = JSON.stringify({ first: 5 });
    const url = (withText: boolean) =>
      `${base}/graphql?${new URLSearchParams({ extensions, variables, ...(withText ? { query: text } : {}) })}`;
    const headers = { "apollo-require-preflight": "true" };
    const unknown = (await (await fetch(url(false), { headers })).json()) as any;
    expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await fetch(url(true), { headers })).status).toBe(200);
    const byHash = await fetch(url(false), { headers });
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const body = (await byHash.json()) as any;
    expect(body.data.programs.edges).toHaveLength(5);
    expect(body.data.programFacets.type.length).toBeGreaterThan(0);
  });
});
