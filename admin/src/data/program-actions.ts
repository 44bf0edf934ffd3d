import type { RaRecord } from "react-admin";
import { run } from "./api";
import type { CursorCache } from "./cursors";
import type { BulkResult, VersionedRef } from "./data-provider";
import { toHttpError } from "./errors";
import { resourceConfig, toRecord } from "./resources";

type Bulk = (resource: string, action: string, records: VersionedRef[]) => Promise<BulkResult>;

/**
 * The curation verbs beyond CRUD: `publishProgram`, `unpublishProgram`, `verifyProgram`,
 * `restoreX`, `revertX(id, version, toEntry)`, and their bulk forms. Each answers the saved record.
 */
export function programActions(cursors: CursorCache, bulk: Bulk) {
  async function act(resource: string, action: string, args: Record<string, unknown>): Promise<{ data: RaRecord }> {
    try {
      const config = resourceConfig(resource);
      const field = `${action}${config.type}`;
      cursors.invalidate(resource);
      const { data } = await run<any>("mutation", `${action[0].toUpperCase()}${action.slice(1)}${config.type}`, [
        { field, args, select: config.select },
      ]);
      return { data: toRecord(config, data[field]) };
    } catch (e) {
      throw toHttpError(e);
    }
  }
  const ref = (p: VersionedRef) => ({ id: String(p.id), version: p.version });
  return {
    publish: (resource: string, p: VersionedRef) => act(resource, "publish", ref(p)),
    unpublish: (resource: string, p: VersionedRef) => act(resource, "unpublish", ref(p)),
    verify: (resource: string, p: VersionedRef & { note?: string | null }) => act(resource, "verify", { ...ref(p), note: p.note || undefined }),
    restore: (resource: string, p: VersionedRef) => act(resource, "restore", ref(p)),
    revert: (resource: string, p: VersionedRef & { toEntry: string | number }) =>
      act(resource, "revert", { ...ref(p), toEntry: String(p.toEntry) }),
    publishMany: (resource: string, p: { records: VersionedRef[] }) => bulk(resource, "publish", p.records),
    archiveMany: (resource: string, p: { records: VersionedRef[] }) => bulk(resource, "delete", p.records),
  };
}
