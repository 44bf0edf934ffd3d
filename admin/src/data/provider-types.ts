import type { DataProvider, Identifier, RaRecord } from "react-admin";

export interface VersionedRef {
  id: Identifier;
  version: number;
}

/** What a bulk action did: the records as saved, and each refused one with the API's code and message. */
export interface BulkResult {
  done: RaRecord[];
  failures: { id: Identifier; code: string; message: string }[];
}

export interface DashboardCounts {
  byStatus: { value: string; count: number }[];
  byType: { value: string; count: number }[];
}

/** react-admin's data provider plus the curation actions the API offers. */
export interface DirectoryDataProvider extends DataProvider {
  publish(resource: string, params: VersionedRef): Promise<{ data: RaRecord }>;
  unpublish(resource: string, params: VersionedRef): Promise<{ data: RaRecord }>;
  verify(resource: string, params: VersionedRef & { note?: string | null }): Promise<{ data: RaRecord }>;
  restore(resource: string, params: VersionedRef): Promise<{ data: RaRecord }>;
  revert(resource: string, params: VersionedRef & { toEntry: Identifier }): Promise<{ data: RaRecord }>;
  publishMany(resource: string, params: { records: VersionedRef[] }): Promise<BulkResult>;
  unpublishMany(resource: string, params: { records: VersionedRef[] }): Promise<BulkResult>;
  archiveMany(resource: string, params: { records: VersionedRef[] }): Promise<BulkResult>;
  snapshotDiff(params: { from: Identifier; to: Identifier }): Promise<{ data: unknown }>;
  dashboard(): Promise<{ data: DashboardCounts }>;
  reviewQueue(params: { first: number }): Promise<{ data: RaRecord[]; total: number }>;
}
