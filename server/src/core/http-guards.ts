import cors from "cors";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { HttpLimits } from "./config";
import { log } from "./logger";

/** A GraphQL-shaped error body, so every client error reads the same way. */
function errorBody(message: string, code: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

/** JSON bodies up to the limit; a larger one is a 413 with a readable error, a malformed one a 400. */
export function jsonBody(limits: HttpLimits): RequestHandler[] {
  const parse = express.json({ limit: limits.bodyLimitBytes });
  const onError: ErrorRequestHandler = (err, _req, res, next) => {
    const type = (err as { type?: string }).type;
    if (type === "entity.too.large") {
      res.status(413).json(errorBody(`Request body is larger than the limit of ${limits.bodyLimitBytes} bytes`, "PAYLOAD_TOO_LARGE"));
    } else if (type === "entity.parse.failed") {
      res.status(400).json(errorBody("Request body is not valid JSON", "BAD_REQUEST"));
    } else if (type === "encoding.unsupported" || type === "charset.unsupported") {
      res.status(415).json(errorBody("Unsupported request encoding", "BAD_REQUEST"));
    } else {
      next(err);
    }
  };
  return [parse, onError as unknown as RequestHandler];
}

/** CORS limited to the configured origins; without any, browsers on other origins get no CORS headers. */
export function corsGuard(limits: HttpLimits): RequestHandler {
  const allowed = new Set(limits.corsOrigins);
  return cors({
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name"],
    maxAge: 600,
  });
}

/**
 * The per-address request limit; answers 429 with Retry-After. Login attempts have their own,
 * stricter limits, counted where `login` runs (modules/curator/login-policy.ts): a pattern on the
 * request text cannot see through aliases, spacing or persisted queries.
 */
export function rateLimits(limits: HttpLimits): RequestHandler[] {
  const guards: RequestHandler[] = [];
  const handler = (what: string): RequestHandler => (req, res, _next) => {
    log.warn("rate limit reached", { what, ip: req.ip });
    res.status(429).json(errorBody(`Too many ${what} from this address; retry after the time in the Retry-After header`, "RATE_LIMITED"));
  };
  if (limits.rateLimitPerMinute > 0) {
    guards.push(
      rateLimit({ windowMs: 60_000, limit: limits.rateLimitPerMinute, standardHeaders: "draft-7", legacyHeaders: false, handler: handler("requests") }),
    );
  }
  return guards;
}

/**
 * Answers an operation that runs past the timeout with an error and lets the server go on
 * serving; whatever the late execution writes afterwards is discarded.
 */
export function operationTimeout(limits: HttpLimits): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      log.warn("operation timed out", { ms: limits.operationTimeoutMs, ip: req.ip });
      res.status(503).set("Retry-After", "5").json(errorBody(`The operation took longer than ${limits.operationTimeoutMs} ms and was stopped`, "TIMEOUT"));
      const discard = (() => res) as never;
      res.status = discard;
      res.set = discard;
      res.setHeader = discard;
      res.json = discard;
      res.send = discard;
      res.end = discard;
      res.write = (() => true) as never;
      res.writeHead = discard;
    }, limits.operationTimeoutMs);
    timer.unref();
    res.on("close", () => clearTimeout(timer));
    res.on("finish", () => clearTimeout(timer));
    next();
  };
}
