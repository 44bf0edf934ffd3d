import fs from "node:fs";
import path from "node:path";
import express from "express";
import { ADMIN_CSP_DIRECTIVES, securityHeaders } from "./admin-headers";
import { defaultAppDist } from "./app-static";

/**
 * The explorer's Content-Security-Policy: the admin's, with Monaco's workers named. Every script,
 * worker, style sheet and font is a same-origin file under /explorer/assets/ (the fonts GraphiQL
 * ships are data: URLs in its style sheet); the page talks to /graphql only. No 'unsafe-eval'.
 * 'unsafe-inline' for styles only, as in the admin: Monaco inserts <style> elements for its themes
 * and decorations, and GraphiQL's dialogs (Radix) one for scroll locking, with no way to give them a
 * nonce.
 */
export const EXPLORER_CSP_DIRECTIVES = {
  ...ADMIN_CSP_DIRECTIVES,
  "worker-src": ["'self'"],
} as const;

/**
 * What API clients ask for, then HTML: a GET whose Accept header prefers text/html to all of these
 * is a browser opening the page (the same negotiation Apollo's landing page used).
 */
const API_TYPES_THEN_HTML = ["application/json", "application/graphql-response+json", "multipart/mixed", "text/html"];

/** A browser opening /graphql: a GET (or HEAD) preferring HTML that carries no operation. */
export function wantsExplorer(req: express.Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const params = req.query as Record<string, unknown>;
  if (params.query !== undefined || params.extensions !== undefined) return false;
  return req.accepts(API_TYPES_THEN_HTML) === "text/html";
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphQL explorer not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>The GraphQL explorer has not been built yet</h1>
<p>The API is running at this address (POST, or GET with a query), but the server finds no built explorer in <code>explorer/dist</code>.</p>
<p>Build it with <code>npm run explorer:build</code> and reload this page, or restart with <code>npm start</code>, which builds it when it is missing or out of date.</p>
</body></html>`;

/**
 * The GraphQL explorer (GraphiQL, built from explorer/ by Vite):
 * - `page`, mounted before the API on GET /graphql: the explorer's index.html (`no-cache`) for a
 *   browser opening the address, a 503 page saying how to build it when the build is missing; every
 *   other request (a query by GET, a persisted query, a POST) goes on to the API untouched;
 * - `assets`, mounted at /explorer: the hashed scripts, styles and workers, immutable for a year.
 * Both carry the security headers above; the API's own answers carry none of them.
 */
export function explorerRoutes(distDir: string = defaultAppDist("explorer")): {
  page: express.RequestHandler;
  assets: express.Router;
} {
  const indexFile = path.join(distDir, "index.html");
  const headers = securityHeaders(EXPLORER_CSP_DIRECTIVES);

  const page: express.RequestHandler = (req, res, next) => {
    if (!wantsExplorer(req)) return next();
    res.vary("Accept");
    headers(req, res, () => {
      if (!fs.existsSync(indexFile)) {
        res.status(503).set("Cache-Control", "no-store").type("html").send(NOT_BUILT);
        return;
      }
      res.set("Cache-Control", "no-cache");
      res.sendFile(indexFile);
    });
  };

  const assets = express.Router();
  assets.use(headers);
  assets.use(
    "/assets",
    express.static(path.join(distDir, "assets"), { immutable: true, maxAge: "365d", index: false }),
  );
  // Anything else under /explorer (a missing asset included) is a plain 404, never the page.
  assets.use((_req: express.Request, res: express.Response) => {
    res.status(404).set("Cache-Control", "no-store").type("text").send("Not found");
  });
  return { page, assets };
}
