import fs from "node:fs";
import path from "node:path";
import express from "express";

/** Where `vite build` writes the app in folder `app` (admin/, site/) at the repository root: `APP/dist`. */
export function defaultAppDist(app: string): string {
  // From server/src/core (ts-node, Jest) or dist/server/src/core (compiled): the first ancestor with APP/.
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, app, "vite.config.ts")) || fs.existsSync(path.join(dir, app, "dist"))) {
      return path.join(dir, app, "dist");
    }
    dir = path.dirname(dir);
  }
  return path.resolve(process.cwd(), app, "dist");
}

/** A page saying how to build an app that the server finds unbuilt (served with 503). */
export function notBuiltPage(what: string, folder: string, buildScript: string, devScript: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${what} not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style>
</head><body>
<h1>${what} has not been built yet</h1>
<p>The server is running, but it finds no built app in <code>${folder}/dist</code>.</p>
<p>Build it with <code>npm run ${buildScript}</code> and reload this page, or restart with <code>npm start</code>, which builds it when it is missing or out of date.</p>
<p>While developing, <code>npm run ${devScript}</code> serves it with hot reload and forwards <code>/graphql</code> to this server.</p>
</body></html>`;
}

export interface AppStaticOptions {
  /** The built app (its index.html and assets/). */
  distDir: string;
  /** Answered with 503 while index.html is missing. */
  notBuilt: string;
  /** Headers for every answer that reaches the router (security headers), run first. */
  headers: express.RequestHandler[];
  /** The paths answered with index.html (the app routes them itself); others fall through to `next`. */
  appRoutes: RegExp;
}

/**
 * Serves a built single-page app (the admin at /admin, the public site at /):
 * - `index.html` with `Cache-Control: no-cache`, so a new release is picked up on the next load;
 * - `assets/*` (content-hashed names) with `public, max-age=31536000, immutable`; a missing asset is
 *   a plain 404, never index.html served as JavaScript;
 * - other top-level files of the build (icons, robots.txt) revalidated each time;
 * - a 503 page explaining how to build when the build is missing (checked per request, so a build
 *   made while the server runs is served without a restart).
 * Every answer that reaches the router carries `headers` (what it does not serve goes on to `next`).
 */
export function appStatic(options: AppStaticOptions): express.Router {
  const { distDir, notBuilt, headers, appRoutes } = options;
  const router = express.Router();
  const indexFile = path.join(distDir, "index.html");
  const fileServer = express.static(distDir, {
    index: false,
    redirect: false,
    maxAge: 0,
    setHeaders: (res) => res.setHeader("Cache-Control", "no-cache"),
  });

  const sendIndex: express.RequestHandler = (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).set("Cache-Control", "no-store").type("html").send(notBuilt);
      return;
    }
    res.set("Cache-Control", "no-cache");
    res.sendFile(indexFile);
  };

  router.use(...headers);
  router.use(
    "/assets",
    express.static(path.join(distDir, "assets"), { immutable: true, maxAge: "365d", index: false }),
    (_req: express.Request, res: express.Response) => {
      res.status(404).set("Cache-Control", "no-store").type("text").send("Not found");
    },
  );
  router.use(fileServer);
  router.get(appRoutes, sendIndex);
  return router;
}
