import type { Identifier, RaRecord } from "react-admin";
import { run, schemaIndex } from "./api";
import { argType, fitInput } from "./operation";
import { resourceConfig, stripTypename, toRecord } from "./resources";

export interface DashboardCounts {
  byStatus: { value: string; count: number }[];
  byType: { value: string; count: number }[];
}

const snapshotRef = ["id", "label", "createdAt", "sha256"];

/** Read-only queries beyond react-admin's CRUD: the dashboard, the review queue, snapshot diffs. */
export const directoryQueries = {
  /** `snapshotDiff(from, to)`: totals, then per entity the added, removed and changed keys, field by field. */
  async snapshotDiff({ from, to }: { from: Identifier; to: Identifier }): Promise<{ data: unknown }> {
    const { data } = await run<any>("query", "SnapshotDiff", [
      {
        field: "snapshotDiff",
        args: { from: String(from), to: String(to) },
        select: [
          "identical", "addedCount", "removedCount", "changedCount",
          { from: snapshotRef },
          { to: snapshotRef },
          { entities: ["entity", "added", "removed", { changed: ["key", { changes: ["field", "from", "to"] }] }] },
        ],
      },
    ]);
    return { data: stripTypename(data.snapshotDiff) };
  },

  /** Programs by status, and live (draft or published) programs by type: one request of `totalCount`s. */
  async dashboard(): Promise<{ data: DashboardCounts }> {
    const schema = await schemaIndex();
    const statuses = schema.enumValues("ListingStatus");
    const types = schema.enumValues("ProgramType");
    const filterType = argType(schema, "query", "programs", "filter");
    const live = statuses.filter((s) => s !== "ARCHIVED");
    const count = (alias: string, filter: Record<string, unknown>) => ({
      field: "programs",
      alias,
      args: { filter: fitInput(schema, filterType, filter), first: 0 },
      select: ["totalCount"],
    });
    const { data } = await run<any>("query", "DashboardCounts", [
      ...statuses.map((s) => count(`status_${s}`, { status: [s] })),
      ...types.map((t) => count(`type_${t}`, { type: [t], status: live })),
    ]);
    return {
      data: {
        byStatus: statuses.map((value) => ({ value, count: data[`status_${value}`]?.totalCount ?? 0 })),
        byType: types.map((value) => ({ value, count: data[`type_${value}`]?.totalCount ?? 0 })),
      },
    };
  },

  /** The review queue (`programsDueForReview`): never-verified listings first, then the longest unchecked. */
  async reviewQueue({ first }: { first: number }): Promise<{ data: RaRecord[]; total: number }> {
    const config = resourceConfig("programs");
    const { data } = await run<any>("query", "ReviewQueue", [
      {
        field: "programsDueForReview",
        args: { first },
        select: ["totalCount", { edges: [{ node: ["id", "title", "lastVerifiedAt", "status", { institution: ["name"] }] }] }],
      },
    ]);
    const connection = data.programsDueForReview;
    return { data: (connection?.edges ?? []).map((e: any) => toRecord(config, e.node)), total: connection?.totalCount ?? 0 };
  },
};
