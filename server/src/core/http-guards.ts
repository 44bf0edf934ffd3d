import { randomUUID } from "node:crypto";
import cors from "cors";
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import type { DataSource } from "typeorm";
import type { HttpLimits } from "./config";
import { log } from "./logger";
import { DatabaseRateLimitStore } from "./rate-limit-store";

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
      res
        .status(413)
        .json(
          errorBody(`Request body is larger than the limit of ${limits.bodyLimitBytes} bytes`, "PAYLOAD_TOO_LARGE"),
        );
    } else if (type === "entity.parse.failed") {
      res.status(400).json(errorBody("Request body is not valid JSON", "BAD_REQUEST"));
    } else if (type === "encoding.unsupported" || type === "charset.unsupported") {
      res.status(415).json(errorBody("Unsupported request encoding", "BAD_REQUEST"));
    } else if (clientStatusOf(err) !== null) {
      // A body that cannot be read: corrupt gzip or deflate data, a wrong Content-Length, an aborted upload.
      res
        .status(400)
        .json(
          errorBody("Request body could not be read: check its Content-Encoding and Content-Length", "BAD_REQUEST"),
        );
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
 * The per-address request limit; answers 429 with Retry-After. Counted in the database
 * (core/rate-limit-store.ts), so every server process on it shares one count per address. Login
 * attempts have their own, stricter limits, counted where `login` runs
 * (modules/curator/login-policy.ts): a pattern on the request text cannot see through aliases,
 * spacing or persisted queries.
 */
export function rateLimits(limits: HttpLimits, dataSource: DataSource): RequestHandler[] {
  const guards: RequestHandler[] = [];
  const handler =
    (what: string): RequestHandler =>
    (req, res, _next) => {
      log.warn("rate limit reached", { what, ip: req.ip });
      res
        .status(429)
        .json(
          errorBody(
            `Too many ${what} from this address; retry after the time in the Retry-After header`,
            "RATE_LIMITED",
          ),
        );
    };
  if (limits.rateLimitPerMinute > 0) {
    guards.push(
      rateLimit({
        windowMs: 60_000,
        limit: limits.rateLimitPerMinute,
        standardHeaders: "draft-7",
        legacyHeaders: false,
        handler: handler("requests"),
        store: new DatabaseRateLimitStore(dataSource, "requests:"),
        // The database failing to count must not refuse reads it may still answer; it is logged.
        passOnStoreError: true,
        logger: {
          error: (error, message) => log.error(message ?? "rate limit store failed", { error }),
          warn: (error, message) => log.warn(message ?? "rate limit store", { error }),
        },
      }),
    );
  }
  return guards;
}

/** How long the TIMEOUT answer waits for the operation to let go of shared resources (its statements). */
const STOP_WAIT_MS = 2_000;

/**
 * A request's operation deadline. It is marked aborted when the operation times out; what the
 * operation holds that others need (on PostgreSQL: running statements, pool connections,
 * core/pg-operation-guard.ts) registers a stop, and the TIMEOUT answer goes out once those stops
 * are done (or after STOP_WAIT_MS): a client told TIMEOUT knows the server has stopped the work.
 */
export class OperationDeadline {
  private readonly stops: (() => Promise<void>)[] = [];
  /** Set once the deadline has passed (a flag: an AbortController per request cost ~1% of a count's CPU). */
  aborted = false;

  /** Registers what ends the operation's hold on shared resources once the deadline passes. */
  onAbort(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  /** Aborts, then waits (at most `waitMs`) for every registered stop. */
  async abort(waitMs: number): Promise<void> {
    this.aborted = true;
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
  Object.assign(res, {
    status: discard,
    set: discard,
    setHeader: discard,
    json: discard,
    send: discard,
    end: discard,
    writeHead: discard,
  });
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
        res
          .status(503)
          .set("Retry-After", "5")
          .json(errorBody(`The operation took longer than ${limits.operationTimeoutMs} ms and was stopped`, "TIMEOUT"));
        muffle(res);
      });
    }, limits.operationTimeoutMs);
    timer.unref();
    // "close" follows "finish" on every answer, and comes alone when the client goes away first.
    res.on("close", () => clearTimeout(timer));
    next();
  };
}

/** Codes of the errors that the HTTP layer answers itself (outside any GraphQL resolver). */
export type HttpErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INTERNAL_SERVER_ERROR";

/** What a client is told for an HTTP-level refusal: a fixed text per status, never the error's own message. */
const CLIENT_REFUSALS: Record<number, { code: HttpErrorCode; message: string }> = {
  400: {
    code: "BAD_REQUEST",
    message: "The request could not be read: check its path (percent-encoding), headers and body",
  },
  401: {
    code: "UNAUTHENTICATED",
    message: "Sign in first: send Authorization: Bearer <token> from the login mutation",
  },
  404: { code: "NOT_FOUND", message: "Nothing is served at this address: the API is POST or GET /graphql" },
  413: { code: "PAYLOAD_TOO_LARGE", message: "The request body is larger than the limit" },
  415: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Unsupported request body type or encoding" },
};

/** The 4xx status an error from Express or body-parser carries (`status`/`statusCode`), or null. */
function clientStatusOf(err: unknown): number | null {
  const e = err as { status?: unknown; statusCode?: unknown } | null;
  const status = typeof e?.status === "number" ? e.status : e?.statusCode;
  return typeof status === "number" && Number.isInteger(status) && status >= 400 && status < 500 ? status : null;
}

/**
 * Sends an error as JSON: `{"error":{"code","message","id"}}` on every route but /graphql, which
 * keeps the GraphQL shape (`{"errors":[{"message","extensions":{"code","errorId"}}]}`) its clients
 * parse. Error answers are never cached. Returns the error id (for the log line).
 */
export function sendJsonError(
  req: Request,
  res: Response,
  status: number,
  code: HttpErrorCode,
  message: string,
  id: string = randomUUID(),
): string {
  res.status(status).set("Cache-Control", "no-store");
  const isGraphql = req.path === "/graphql" || req.path.startsWith("/graphql/");
  res.json(isGraphql ? errorBody(message, code, { errorId: id }) : { error: { code, message, id } });
  return id;
}

/** The last route: an address nothing serves answers a JSON 404, not Express's HTML "Cannot GET". */
export const notFoundRoute: RequestHandler = (req, res) => {
  const { code, message } = CLIENT_REFUSALS[404];
  sendJsonError(req, res, 404, code, message);
};

/**
 * The last error handler, replacing Express's, which answers an HTML page with the stack and file
 * paths outside production. A client's mistake (a 4xx status on the error: a bad percent-encoding,
 * an unreadable body) is logged at info; anything else is a 500 logged at error with its id.
 */
export const finalErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const id = randomUUID();
  if (res.headersSent) {
    // Part of the answer is out: all that is left is to cut the connection.
    log.error("error after the response started", { errorId: id, method: req.method, path: req.path, error: err });
    res.destroy();
    return;
  }
  const status = clientStatusOf(err);
  if (status !== null) {
    const refusal = CLIENT_REFUSALS[status] ?? CLIENT_REFUSALS[400];
    log.info("request refused", {
      errorId: id,
      status,
      method: req.method,
      path: req.path,
      reason: (err as Error)?.message,
    });
    sendJsonError(req, res, status, refusal.code, refusal.message, id);
    return;
  }
  log.error("unexpected error", { errorId: id, method: req.method, path: req.path, error: err });
  sendJsonError(
    req,
    res,
    500,
    "INTERNAL_SERVER_ERROR",
    `Internal server error (error id ${id}); the problem has been logged`,
    id,
  );
};
