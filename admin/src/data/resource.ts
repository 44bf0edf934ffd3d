import type { RaRecord } from "react-admin";
import type { BatchResult } from "./api";
import type { BulkOutcome, BulkVerb, ListOps, Values, VersionedRef } from "./resource-kit";

/** How one react-admin resource reaches the API: its typed operations (see resource-kit.ts). */
export interface Resource {
  /** GraphQL type name; also the audit log's `entityType`. */
  type: string;
  list: ListOps;
  /** Single look-up by id; absent → found by walking the list. */
  one?: { get(id: string, signal?: AbortSignal): Promise<RaRecord | null>; many(ids: string[]): Promise<BatchResult<RaRecord>> };
  create?(data: Values): Promise<RaRecord>;
  /** Null when nothing changed (then nothing is sent). */
  update?(ref: VersionedRef, data: Values, previous: Values | undefined): Promise<RaRecord | null>;
  /** Archive: the API's soft delete. */
  remove?(ref: VersionedRef): Promise<RaRecord>;
  restore?(ref: VersionedRef): Promise<RaRecord>;
  revert?(ref: VersionedRef & { toEntry: string }): Promise<RaRecord>;
  publish?(ref: VersionedRef): Promise<RaRecord>;
  unpublish?(ref: VersionedRef): Promise<RaRecord>;
  verify?(ref: VersionedRef & { note?: string | null }): Promise<RaRecord>;
  /** The API's bulk mutations (publishPrograms…): each record done or refused on its own. */
  bulk?: Partial<Record<BulkVerb, (refs: VersionedRef[]) => Promise<BulkOutcome[]>>>;
}

/** Drops Apollo's `__typename` so records and form values hold only the API's fields. */
export function stripTypename<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripTypename) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "__typename") out[k] = stripTypename(v);
    return out as T;
  }
  return value;
}

/** A node as a react-admin record: the API's fields, `id` a string. */
export const plainRecord = <N extends { id: string }>(node: N): RaRecord => ({ ...stripTypename(node), id: String(node.id) });
