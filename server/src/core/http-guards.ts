import cors from "cors";
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from "express";
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

function isLoginAttempt(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === "string" && /\blogin\s*\(/.test(query);
}

/** Per-address limits: generous for reads, strict for login attempts. Both answer 429 with Retry-After. */
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
  if (limits.loginRateLimitPerMinute > 0) {
    guards.push(
      rateLimit({
        windowMs: 60_000,
        limit: limits.loginRateLimitPerMinute,
        standardHeaders: "draft-7",
        legacyHeaders: false,
        skip: (req) => !isLoginAttempt(req.body),
        handler: handler("login attempts"),
      }),
    );
  }
  return guards;
}

/** How long the TIMEOUT answer waits for the operation to let go of shared resources (its statements). */
const STOP_WAIT_MS = 2_000;

/**
 * A request's operation deadline. Its signal aborts when the operation times out; what the
 * operation holds that others need (on PostgreSQL: running statements, pool connections,
 * core/pg-operation-guard.ts) registers a stop, and the TIMEOUT answer goes out once those stops
 * are done (or after STOP_WAIT_MS): a client told TIMEOUT knows the server has stopped the work.
 */
export class OperationDeadline {
  private readonly controller = new AbortController();
  private readonly stops: (() => Promise<void>)[] = [];
  readonly signal = this.controller.signal;

  /** Registers what ends the operation's hold on shared resources once the deadline passes. */
  onAbort(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  /** Aborts, then waits (at most `waitMs`) for every registered stop. */
  async abort(waitMs: number): Promise<void> {
    this.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    await Promise.race([Promise.allSettled(this.stops.map((stop) => stop())), bound]);
    clearTimeout(timer);
  }
}

/** The deadline `operationTimeout` set for this request. */
export function operationDeadline(res: Response): OperationDeadline | undefined {
  return (res.locals as { operationDeadline?: OperationDeadline }).operationDeadline;
}

type ResponseWriters = Pick<Response, "status" | "set" | "setHeader" | "json" | "send" | "end" | "write" | "writeHead">;

/** Makes every writer of `res` a no-op (the late execution's answer is discarded); returns the real ones. */
function muffle(res: Response): ResponseWriters {
  const real: ResponseWriters = {
    status: res.status,
    set: res.set,
    setHeader: res.setHeader,
    json: res.json,
    send: res.send,
    end: res.end,
    write: res.write,
    writeHead: res.writeHead,
  };
  const discard = (() => res) as never;
  Object.assign(res, { status: discard, set: discard, setHeader: discard, json: discard, send: discard, end: discard, writeHead: discard });
  res.write = (() => true) as never;
  return real;
}

/**
 * Answers an operation that runs past the timeout with an error and lets the server go on
 * serving; whatever the late execution writes afterwards is discarded. The answer waits for the
 * deadline's stops (see OperationDeadline).
 */
export function operationTimeout(limits: HttpLimits): RequestHandler {
  return (req, res, next) => {
    const deadline = new OperationDeadline();
    res.locals.operationDeadline = deadline;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      log.warn("operation timed out", { ms: limits.operationTimeoutMs, ip: req.ip });
      const real = muffle(res);
      void deadline.abort(STOP_WAIT_MS).then(() => {
        if (res.headersSent) return;
        Object.assign(res, real);
        res.status(503).set("Retry-After", "5").json(errorBody(`The operation took longer than ${limits.operationTimeoutMs} ms and was stopped`, "TIMEOUT"));
        muffle(res);
      });
    }, limits.operationTimeoutMs);
    timer.unref();
    res.on("close", () => clearTimeout(timer));
    res.on("finish", () => clearTimeout(timer));
    next();
  };
}
