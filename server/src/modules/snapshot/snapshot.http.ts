/**
 * GET /snapshots/:id.json and /snapshots/:id.ndjson: stored snapshot files, streamed from disk.
 * A snapshot of published listings is public (and immutable, so cacheable for good); one that
 * includes drafts needs a curator's token, like the drafts themselves.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import type { Request, RequestHandler, Response } from "express";
import { curatorFromRequest } from "../../core/auth";
import type { AppDeps } from "../../core/context";
import { log } from "../../core/logger";
import type { DownloadFormat } from "./snapshot.service";

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

function problem(res: Response, status: number, message: string): void {
  res.status(status).json({ error: message });
}

/** The route's handler; register it as `app.get("/snapshots/:file", snapshotDownloadHandler(deps))`. */
export function snapshotDownloadHandler(deps: AppDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const match = /^([1-9][0-9]{0,15})\.(json|ndjson)$/.exec(String(req.params.file ?? ""));
      if (!match) return problem(res, 404, "no such snapshot file: use /snapshots/<id>.json or /snapshots/<id>.ndjson");
      const format = match[2] as DownloadFormat;
      const snapshot = await deps.services.snapshots.findById(Number(match[1]));
      if (!snapshot) return problem(res, 404, `snapshot ${match[1]} was not found`);
      if (snapshot.includeDrafts) {
        const curator = await curatorFromRequest(deps, req.headers.authorization);
        if (!curator || !curator.active) {
          res.set("WWW-Authenticate", 'Bearer realm="directory"');
          return problem(res, 401, "this snapshot includes draft listings: send Authorization: Bearer <token> from the login mutation");
        }
      }
      const file = deps.services.snapshots.filePath(snapshot, format);
      let size: number;
      try {
        size = (await fs.promises.stat(file)).size;
      } catch {
        log.error("snapshot file missing", { snapshotId: snapshot.id, format });
        return problem(res, 404, `the ${format} file of snapshot ${snapshot.id} is missing`);
      }
      const etag = `"${snapshot.sha256}-${format}"`;
      res.set({
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="directory-snapshot-${snapshot.id}.${format}"`,
        ETag: etag,
        "Cache-Control": snapshot.includeDrafts ? "private, no-store" : "public, max-age=31536000, immutable",
      });
      if (snapshot.includeDrafts) res.set("Vary", "Authorization");
      if (req.headers["if-none-match"] === etag) return void res.status(304).end();
      res.set("Content-Length", String(size));
      if (req.method === "HEAD") return void res.status(200).end();
      await pipeline(fs.createReadStream(file), res);
    } catch (e) {
      if (res.headersSent) {
        res.destroy(e as Error);
        return;
      }
      const errorId = randomUUID();
      log.error("snapshot download failed", { errorId, error: e });
      problem(res, 500, `Internal server error (error id ${errorId}); the problem has been logged`);
    }
  };
}
