/**
 * GET /changes.ndjson?after=<cursor>&limit=<n>: the public change feed for tools without GraphQL,
 * one JSON object per line (the fields of a DirectoryChange and its cursor), oldest first, written
 * as it is read. A bad parameter is a 400 JSON error naming it.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { AppDeps } from "../../core/context";
import { isDirectoryError } from "../../core/errors";
import { sendJsonError } from "../../core/http-guards";
import type { DirectoryChangeEntry } from "./directory-change.entity";
import { feedCursor, sequenceOf } from "./feed.service";

export const NDJSON_DEFAULT_LIMIT = 100;
export const NDJSON_MAX_LIMIT = 1000;
/** Entries per statement while streaming. */
const READ_CHUNK = 100;

/** One line of the NDJSON feed: what the GraphQL node holds (ids as strings, like GraphQL IDs), and its cursor. */
export function changeLine(entry: DirectoryChangeEntry): string {
  return `${JSON.stringify({
    cursor: feedCursor(entry.sequence),
    sequence: entry.sequence,
    kind: entry.kind,
    recordType: entry.recordType,
    recordId: String(entry.recordId),
    slug: entry.slug,
    changedFields: entry.changedFields,
    occurredAt: entry.occurredAt.toISOString(),
  })}\n`;
}

class BadParameter extends Error {}

/** A query parameter given at most once, as text (Express makes `?a=1&a=2` an array). */
function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new BadParameter(`${name}: give it once, as text`);
  return value;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return NDJSON_DEFAULT_LIMIT;
  const n = /^[0-9]{1,7}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= NDJSON_MAX_LIMIT)) throw new BadParameter(`limit: a whole number from 1 to ${NDJSON_MAX_LIMIT}`);
  return n;
}

function parseAfter(text: string | undefined): number {
  if (text === undefined || text === "") return 0;
  try {
    return sequenceOf(text);
  } catch (e) {
    if (isDirectoryError(e) && e.code === "BAD_USER_INPUT") throw new BadParameter(`after: ${e.message}`);
    throw e;
  }
}

/** The route's handler; register it as `app.get("/changes.ndjson", changesNdjsonHandler(deps))`. */
export function changesNdjsonHandler(deps: AppDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    let after: number;
    let limit: number;
    try {
      after = parseAfter(single(req, "after"));
      limit = parseLimit(single(req, "limit"));
    } catch (e) {
      if (e instanceof BadParameter) return void sendJsonError(req, res, 400, "BAD_REQUEST", e.message);
      return next(e);
    }
    try {
      const maxAge = deps.config.publicCacheMaxAge;
      res.status(200).set({
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Cache-Control": maxAge > 0 ? `public, max-age=${maxAge}` : "no-store",
      });
      let first = true;
      while (limit > 0) {
        const entries = await deps.services.directoryChanges.entriesAfter(after, Math.min(READ_CHUNK, limit));
        // Headers go out with the first chunk, so a failing first read is still a clean JSON 500.
        if (first) res.flushHeaders();
        first = false;
        if (entries.length) res.write(entries.map(changeLine).join(""));
        if (entries.length < Math.min(READ_CHUNK, limit)) break;
        after = entries[entries.length - 1].sequence;
        limit -= entries.length;
      }
      res.end();
    } catch (e) {
      // Part of the answer is out: cut the connection (the final handler logs it).
      if (res.headersSent) return void res.destroy(e as Error);
      next(e);
    }
  };
}
