import compression from "compression";
import type express from "express";
import { securityHeaders } from "./admin-headers";
import { appStatic, defaultAppDist, notBuiltPage } from "./app-static";

/**
 * The public site's Content-Security-Policy: the admin's, stricter still on styles. The site's
 * CSS is one same-origin file and React sets style properties through the DOM (which CSP allows),
 * so no 'unsafe-inline' at all. It talks only to /graphql on its own origin.
 */
export const SITE_CSP_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
} as const;

/**
 * The site's own addresses, answered with its index.html (it routes them itself): the search at
 * `/`, `/programs/SLUG`, `/institutions/SLUG`, `/eligibility`, `/compare`, each also under `/en` and
 * `/fr` (a language named in the URL; without one the browser's language is used).
 * Anything else falls through to the server's JSON 404.
 */
export const SITE_ROUTES = /^\/(?:(?:en|fr)\/?)?(?:(?:programs|institutions)\/[^/]+\/?|eligibility\/?|compare\/?)?$/;

/**
 * Serves the built public site (site/dist) at `/`, gzip-compressed (its bundle is most of a cold
 * load's bytes; hashed assets stay cacheable for a year, index.html is revalidated).
 */
export function siteStatic(distDir: string = defaultAppDist("site")): express.Router {
  return appStatic({
    distDir,
    notBuilt: notBuiltPage("The public site", "site", "site:build", "site:dev"),
    headers: [compression() as express.RequestHandler, securityHeaders(SITE_CSP_DIRECTIVES)],
    appRoutes: SITE_ROUTES,
  });
}
