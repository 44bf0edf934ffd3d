import { HttpError, type RaRecord } from "react-admin";
import type { CursorCache } from "./cursors";
import { toHttpError } from "./errors";
import type { BulkResult, VersionedRef } from "./provider-types";
import type { Resource } from "./resource";
import { resourceOf } from "./resources";

type Action = "publish" | "unpublish" | "verify" | "restore" | "revert";
type BulkAction = "publish" | "archive";

const notSupported = (what: string, resource: string) =>
  new HttpError(`The ${resource} resource cannot ${what}`, 405, { code: "NOT_SUPPORTED", details: [] });

const ref = (p: VersionedRef) => ({ id: String(p.id), version: p.version });

/**
 * The curation verbs beyond CRUD: `publishProgram`, `unpublishProgram`, `verifyProgram`,
 * `restoreX`, `revertX(id, version, toEntry)`, and the bulk forms. Each answers the saved record;
 * every write forgets the resource's list cursors.
 */
export function curationActions(cursors: CursorCache) {
  async function act(resource: string, action: Action, run: (r: Resource) => Promise<RaRecord> | undefined): Promise<{ data: RaRecord }> {
    try {
      cursors.invalidate(resource);
      const pending = run(resourceOf(resource));
      if (!pending) throw notSupported(action, resource);
      return { data: await pending };
    } catch (e) {
      throw toHttpError(e);
    }
  }

  /** Runs the action on each record in one request, keeping what succeeded. */
  async function bulk(resource: string, action: BulkAction, records: VersionedRef[]): Promise<BulkResult> {
    const run = resourceOf(resource).bulk?.[action];
    if (!run || records.length === 0) return { data: [], failures: [] };
    cursors.invalidate(resource);
    const { results, errors } = await run(records.map(ref));
    const failures = errors.map(({ index, error }) => ({ id: records[index]?.id ?? "?", message: error.message }));
    return { data: records.filter((_, i) => results[i]).map((r) => r.id), failures };
  }

  return {
    bulk,
    publish: (resource: string, p: VersionedRef) => act(resource, "publish", (r) => r.publish?.(ref(p))),
    unpublish: (resource: string, p: VersionedRef) => act(resource, "unpublish", (r) => r.unpublish?.(ref(p))),
    verify: (resource: string, p: VersionedRef & { note?: string | null }) =>
      act(resource, "verify", (r) => r.verify?.({ ...ref(p), note: p.note || undefined })),
    restore: (resource: string, p: VersionedRef) => act(resource, "restore", (r) => r.restore?.(ref(p))),
    revert: (resource: string, p: VersionedRef & { toEntry: string | number }) =>
      act(resource, "revert", (r) => r.revert?.({ ...ref(p), toEntry: String(p.toEntry) })),
    publishMany: (resource: string, p: { records: VersionedRef[] }) => bulk(resource, "publish", p.records),
    archiveMany: (resource: string, p: { records: VersionedRef[] }) => bulk(resource, "archive", p.records),
  };
}
