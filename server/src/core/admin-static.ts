import fs from "node:fs";
import path from "node:path";
import express from "express";
import { adminSecurityHeaders } from "./admin-headers";
import { builtAppDist } from "./built-app";

/** Where `npm run admin:build` writes the admin: `admin/dist` at the repository root. */
export function defaultAdminDist(): string {
  return builtAppDist("admin");
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Admin panel not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>The admin panel has not been built yet</h1>
<p>The server is running, but it finds no built admin app in <code>admin/dist</code>.</p>
<p>Build it with <code>npm run admin:build</code> and reload this page, or restart with <code>npm start</code>, which builds it when it is missing or out of date.</p>
<p>While developing, <code>npm run admin:dev</code> serves the admin with hot reload and forwards <code>/graphql</code> to this server.</p>
</body></html>`;

/**
 * Serves the built admin at its mount point (`/admin`):
 * - `index.html` with `Cache-Control: no-cache`, so a new release is picked up on the next load;
 * - `assets/*` (content-hashed names) with `public, max-age=31536000, immutable`;
 * - a 503 page explaining how to build when the build is missing (checked per request, so a build
 *   made while the server runs is served without a restart).
 * Routing inside the admin is hash-based (`/admin/#/programs`), so every other GET gets index.html.
 * Every answer (the app, its assets, the 503 page, a 404) carries the security headers of
 * admin-headers.ts.
 */
export function adminStatic(distDir: string = defaultAdminDist()): express.Router {
  const router = express.Router();
  const indexFile = path.join(distDir, "index.html");
  router.use(adminSecurityHeaders());

  router.use(
    "/assets",
    express.static(path.join(distDir, "assets"), { immutable: true, maxAge: "365d", index: false }),
    // A missing asset is a plain 404 (never index.html served as JavaScript), with the headers above.
    (_req: express.Request, res: express.Response) => {
      res.status(404).set("Cache-Control", "no-store").type("text").send("Not found");
    },
  );

  const sendIndex: express.RequestHandler = (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).set("Cache-Control", "no-store").type("html").send(NOT_BUILT);
      return;
    }
    res.set("Cache-Control", "no-cache");
    res.sendFile(indexFile);
  };

  // Other top-level files of the build (icons, robots.txt): revalidated each time.
  router.use(
    express.static(distDir, {
      index: false,
      redirect: false,
      maxAge: 0,
      setHeaders: (res) => res.setHeader("Cache-Control", "no-cache"),
    }),
  );
  router.get(/.*/, sendIndex);
  return router;
}
