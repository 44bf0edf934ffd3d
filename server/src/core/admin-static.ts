import type express from "express";
import { adminSecurityHeaders } from "./admin-headers";
import { appStatic, defaultAppDist, notBuiltPage } from "./app-static";

/** Where `npm run admin:build` writes the admin: `admin/dist` at the repository root. */
export function defaultAdminDist(): string {
  return defaultAppDist("admin");
}

/**
 * Serves the built admin at its mount point (`/admin`) through appStatic (caching, 503 page when
 * unbuilt). Routing inside the admin is hash-based (`/admin/#/programs`), so every other GET gets
 * index.html. Every answer (the app, its assets, the 503 page, a 404) carries the security headers
 * of admin-headers.ts.
 */
export function adminStatic(distDir: string = defaultAdminDist()): express.Router {
  return appStatic({
    distDir,
    notBuilt: notBuiltPage("The admin panel", "admin", "admin:build", "admin:dev"),
    headers: [adminSecurityHeaders()],
    appRoutes: /.*/,
  });
}
