import { HttpError, type RaRecord } from "react-admin";
import type { CursorCache } from "./cursors";
import { toHttpError } from "./errors";
import type { BulkResult, VersionedRef } from "./provider-types";
import type { Resource } from "./resource";
import type { BulkVerb } from "./resource-kit";
import { resourceOf } from "./resources";

type Action = "publish" | "unpublish" | "verify" | "restore" | "revert";

const notSupported = (what: string, resource: string) =>
  new HttpError(`The ${resource} resource cannot ${what}`, 405, { code: "NOT_SUPPORTED", details: [] });

const ref = (p: VersionedRef) => ({ id: String(p.id), version: p.version });

/**
 * The curation verbs beyond CRUD: `publishProgram`, `unpublishProgram`, `verifyProgram`,
 * `restoreX`, `revertX(id, version, toEntry)`, and the bulk mutations (`publishPrograms(refs)`…). Each answers the saved record;
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

  /**
   * Runs a bulk mutation: each record is done or refused on its own. Answers the records as saved
   * and, for the others, the API's code and message.
   */
  async function bulk(resource: string, verb: BulkVerb, records: VersionedRef[]): Promise<BulkResult> {
    const run = resourceOf(resource).bulk?.[verb];
    if (!run) throw notSupported(`${verb} in bulk`, resource);
    if (records.length === 0) return { done: [], failures: [] };
    cursors.invalidate(resource);
    let outcomes;
    try {
      outcomes = await run(records.map(ref));
    } catch (e) {
      throw toHttpError(e);
    }
    return {
      done: outcomes.flatMap((o) => (o.ok && o.record ? [o.record] : [])),
      failures: outcomes
        .filter((o) => !o.ok)
        .map((o) => ({ id: o.id, code: o.error?.code ?? "ERROR", message: o.error?.message ?? "" })),
    };
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
    unpublishMany: (resource: string, p: { records: VersionedRef[] }) => bulk(resource, "unpublish", p.records),
    archiveMany: (resource: string, p: { records: VersionedRef[] }) => bulk(resource, "archive", p.records),
  };
}
