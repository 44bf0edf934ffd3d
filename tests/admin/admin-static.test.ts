import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { ADMIN_CSP_DIRECTIVES } from "../../server/src/core/admin-headers";
import { adminStatic } from "../../server/src/core/admin-static";
import { buildAdmin } from "../support/admin-server";
import { createTestServer } from "../support/server";

jest.setTimeout(180_000);

async function serve(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

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

describe("the admin at /admin", () => {
  it("is built by the same script npm start runs, with hashed, code-split bundles", () => {
    buildAdmin();
    const dist = path.resolve(__dirname, "..", "..", "admin", "dist");
    const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
    expect(html).toMatch(/src="\/admin\/assets\/index-[\w-]{8}\.js"/);
    const assets = fs.readdirSync(path.join(dist, "assets"));
    // vendor chunks, plus one lazily loaded chunk per resource view
    for (const chunk of [
      "vendor-react",
      "vendor-mui",
      "vendor-react-admin",
      "vendor-graphql",
      "ProgramList",
      "ProgramEdit",
      "AuditList",
      "Dashboard",
    ]) {
      expect(assets.some((a) => a.startsWith(`${chunk}-`) && a.endsWith(".js"))).toBe(true);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node before any build
    const { staleReason } = require("../../scripts/ensure-admin-build.js") as { staleReason(): string | null };
    expect(staleReason()).toBeNull();
  });

  it("serves index.html with no-cache and hashed assets as immutable for a year", async () => {
    buildAdmin();
    const server = await createTestServer();
    try {
      const base = await server.listen();
      for (const entry of ["/admin", "/admin/", "/admin/index.html"]) {
        const res = await fetch(`${base}${entry}`, { redirect: "manual" });
        expect(res.status).toBe(200);
        expect(res.headers.get("cache-control")).toBe("no-cache");
        expect(res.headers.get("content-type")).toMatch(/text\/html/);
      }
      const html = await (await fetch(`${base}/admin/`)).text();
      const scripts = [...html.matchAll(/(?:src|href)="(\/admin\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(1);
      for (const asset of scripts) {
        const res = await fetch(`${base}${asset}`);
        expect(res.status).toBe(200);
        expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        expect(res.headers.get("content-type")).toMatch(/javascript/);
      }
      // A missing asset is a 404, never index.html served as JavaScript.
      const missing = await fetch(`${base}/admin/assets/nope-12345678.js`);
      expect(missing.status).toBe(404);
      // GraphQL and health are untouched.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("sends a Content-Security-Policy and the other security headers with every /admin answer", async () => {
    buildAdmin();
    const server = await createTestServer();
    try {
      const base = await server.listen();
      const html = await (await fetch(`${base}/admin/`)).text();
      const asset = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)![1];
      for (const url of ["/admin", "/admin/", asset, "/admin/assets/nope-12345678.js"]) {
        const res = await fetch(`${base}${url}`, { redirect: "manual" });
        const csp = parseCsp(res.headers.get("content-security-policy"));
        expect(csp).toEqual(Object.fromEntries(Object.entries(ADMIN_CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])));
        expect(csp["script-src"]).toEqual(["'self'"]); // no inline script, no eval
        expect(csp["frame-ancestors"]).toEqual(["'none'"]);
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        expect(res.headers.get("x-frame-options")).toBe("DENY");
        expect(res.headers.get("referrer-policy")).toBe("no-referrer");
        expect(res.headers.get("x-powered-by")).toBeNull();
      }
      // The built page has nothing inline that the policy would block.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      // The API keeps its own headers: the admin's policy is for the admin.
      const api = await fetch(`${base}/healthz`);
      expect(api.headers.get("content-security-policy")).toBeNull();
    } finally {
      await server.close();
    }
  });

  it("answers 503 with how to build it when the build is missing", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "admin-dist-"));
    const app = express();
    app.use("/admin", adminStatic(path.join(empty, "dist")));
    const { url, close } = await serve(app);
    try {
      const res = await fetch(`${url}/admin/`);
      expect(res.status).toBe(503);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.text();
      expect(body).toContain("npm run admin:build");
      expect(body).toContain("npm start");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    } finally {
      await close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
