import helmet from "helmet";
import type { RequestHandler } from "express";

/**
 * The Content-Security-Policy the built admin runs under. Vite emits only external, same-origin
 * scripts (no inline script, no eval); MUI's emotion injects <style> elements and style attributes
 * at run time, hence 'unsafe-inline' for styles only. The favicon is a data: URL. The app talks to
 * /graphql and downloads /snapshots/* on its own origin.
 */
export const ADMIN_CSP_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "frame-ancestors": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
} as const;

/**
 * Security headers for everything under /admin (issue 8), through helmet: the CSP above,
 * X-Frame-Options DENY (older browsers' frame-ancestors), nosniff, no referrer (record URLs name
 * drafts), plus helmet's cross-origin isolation defaults. No Strict-Transport-Security: the server
 * cannot tell whether it is behind TLS; the TLS-terminating proxy sets it. No
 * upgrade-insecure-requests, for the same reason (a plain-HTTP deployment on a LAN must work).
 */
export function adminSecurityHeaders(): RequestHandler {
  return securityHeaders(ADMIN_CSP_DIRECTIVES);
}

/** The headers above with another Content-Security-Policy (the public site's: core/site-static.ts). */
export function securityHeaders(csp: Readonly<Record<string, readonly string[]>>): RequestHandler {
  const directives: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(csp)) directives[name] = [...values];
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: false,
    xContentTypeOptions: true,
  }) as RequestHandler;
}
