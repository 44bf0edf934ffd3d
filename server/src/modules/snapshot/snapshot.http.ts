/**
 * GET /snapshots/:id.json and /snapshots/:id.ndjson: stored snapshot files, streamed from the
 * database a chunk at a time (snapshot-content-store.ts), so any server process serves any
 * snapshot. A snapshot of published listings is public (and immutable, so cacheable for good); one
 * that includes drafts needs a signed-in curator's token, like the drafts themselves.
 */
import { pipeline } from "node:stream/promises";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { curatorFromRequest } from "../../core/auth";
import type { AppDeps } from "../../core/context";
import { isDirectoryError } from "../../core/errors";
import { sendJsonError } from "../../core/http-guards";
import { isEntityId } from "../../core/ids";
import { log } from "../../core/logger";
import type { Curator } from "../curator/curator.entity";
import type { DownloadFormat } from "./snapshot-content-store";

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/** The signed-in curator, or a reason to refuse: a missing token, or one that is malformed, revoked or expired. */
async function downloader(deps: AppDeps, req: Request): Promise<Curator | "no token" | "invalid token"> {
  try {
    const curator = await curatorFromRequest(deps, req.headers.authorization);
    return curator?.active ? curator : curator ? "invalid token" : "no token";
  } catch (e) {
    if (isDirectoryError(e) && e.code === "UNAUTHENTICATED") return "invalid token";
    throw e;
  }
}

/** The route's handler; register it as `app.get("/snapshots/:file", snapshotDownloadHandler(deps))`. */
export function snapshotDownloadHandler(deps: AppDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const match = /^([0-9]{1,20})\.(json|ndjson)$/.exec(String(req.params.file ?? ""));
      // An id no snapshot can have (0, or past the database's integer) is simply not there.
      if (!match || !isEntityId(match[1])) {
        return void sendJsonError(
          req,
          res,
          404,
          "NOT_FOUND",
          "No such snapshot file: use /snapshots/<id>.json or /snapshots/<id>.ndjson",
        );
      }
      const format = match[2] as DownloadFormat;
      const snapshot = await deps.services.snapshots.findById(Number(match[1]));
      if (!snapshot) return void sendJsonError(req, res, 404, "NOT_FOUND", `Snapshot ${match[1]} was not found`);
      if (snapshot.includeDrafts) {
        const curator = await downloader(deps, req);
        if (typeof curator === "string") {
          res.set(
            "WWW-Authenticate",
            curator === "invalid token"
              ? 'Bearer realm="directory", error="invalid_token"'
              : 'Bearer realm="directory"',
          );
          const message =
            curator === "invalid token"
              ? "This snapshot includes draft listings, and your session token is invalid, expired or revoked: sign in again"
              : "This snapshot includes draft listings: send Authorization: Bearer <token> from the login mutation";
          return void sendJsonError(req, res, 401, "UNAUTHENTICATED", message);
        }
      }
      const etag = `"${snapshot.sha256}-${format}"`;
      const headers = () => {
        res.set({
          "Content-Type": CONTENT_TYPES[format],
          "Content-Disposition": `attachment; filename="directory-snapshot-${snapshot.id}.${format}"`,
          ETag: etag,
          "Cache-Control": snapshot.includeDrafts ? "private, no-store" : "public, max-age=31536000, immutable",
        });
        if (snapshot.includeDrafts) res.set("Vary", "Authorization");
      };
      // The client holds these bytes already (a snapshot never changes): nothing to read.
      if (req.headers["if-none-match"] === etag) return void (headers(), res.status(304).end());
      const content = await deps.services.snapshots.openContent(snapshot, format);
      if (!content) {
        log.error("snapshot content missing", { snapshotId: snapshot.id, format });
        return void sendJsonError(
          req,
          res,
          404,
          "NOT_FOUND",
          `The ${format} file of snapshot ${snapshot.id} is missing`,
        );
      }
      headers();
      res.set("Content-Length", String(format === "json" ? snapshot.jsonBytes : snapshot.ndjsonBytes));
      if (req.method === "HEAD") return void (content.destroy(), res.status(200).end());
      await pipeline(content, res);
    } catch (e) {
      // A download cut short (usually the client going away) just ends the connection.
      if (res.headersSent) return void res.destroy(e as Error);
      // Anything else: the app's final error handler logs it with an id and answers JSON.
      next(e);
    }
  };
}
