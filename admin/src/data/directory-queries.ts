import type { Identifier, RaRecord } from "react-admin";
import { ENUMS } from "../choices";
import { DashboardCountsDocument, ReviewQueueDocument, SnapshotDiffDocument } from "../gql/graphql";
import { query } from "./api";
import type { DashboardCounts } from "./provider-types";
import { stripTypename } from "./resource";

/** Read-only queries beyond react-admin's CRUD: the dashboard, the review queue, snapshot diffs. */
export const directoryQueries = {
  /** `snapshotDiff(from, to)`: totals, then per entity the added, removed and changed keys, field by field. */
  async snapshotDiff({ from, to }: { from: Identifier; to: Identifier }): Promise<{ data: unknown }> {
    const data = await query(SnapshotDiffDocument, { from: String(from), to: String(to) });
    return { data: stripTypename(data.snapshotDiff) };
  },

  /** Programs by status, and live (draft or published) programs by type: one request of `totalCount`s. */
  async dashboard(): Promise<{ data: DashboardCounts }> {
    const data = await query(DashboardCountsDocument, {});
    return {
      data: {
        byStatus: ENUMS.ListingStatus.map((value) => ({ value, count: data[`status_${value}`].totalCount })),
        byType: ENUMS.ProgramType.map((value) => ({ value, count: data[`type_${value}`].totalCount })),
      },
    };
  },

  /** The review queue (`programsDueForReview`): never-verified listings first, then the longest unchecked. */
  async reviewQueue({ first }: { first: number }): Promise<{ data: RaRecord[]; total: number }> {
    const { reviewQueue: connection } = await query(ReviewQueueDocument, { first });
    return {
      // Ids repeat across record types: the row id names both.
      data: connection.edges.map((e) => ({
        ...stripTypename(e.node),
        id: `${e.node.recordType}:${e.node.id}`,
        recordId: String(e.node.id),
      })),
      total: connection.totalCount,
    };
  },
};
