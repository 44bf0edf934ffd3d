import type { Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData } from "../support/errors";
import type { TestServer } from "../support/server";

export const DIRECTORY_CHANGES = `query($after: String, $first: Int) {
  directoryChanges(after: $after, first: $first) {
    edges { cursor node { sequence kind recordType recordId slug changedFields occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface FeedNode {
  sequence: number;
  kind: string;
  recordType: string;
  recordId: string;
  slug: string | null;
  changedFields: string[];
  occurredAt: string;
}

/**
 * A feed reader as a frontend would write one: it keeps only the last cursor it read and, on each
 * poll, pages from there (a few entries per page) until the feed has nothing more.
 */
export class FeedClient {
  cursor: string | null = null;
  readonly seen: FeedNode[] = [];

  constructor(
    private readonly server: Pick<TestServer, "exec">,
    private readonly as: Curator | null = null,
    private readonly pageSize = 2,
  ) {}

  /** Reads everything after the last cursor; returns what was new. */
  async poll(): Promise<FeedNode[]> {
    const fresh: FeedNode[] = [];
    for (;;) {
      const page = expectData(
        await this.server.exec(DIRECTORY_CHANGES, { after: this.cursor, first: this.pageSize }, this.as),
      ).directoryChanges;
      fresh.push(...page.edges.map((e: { node: FeedNode }) => e.node));
      // An empty page has no endCursor: keep the one we have.
      if (page.pageInfo.endCursor) this.cursor = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    this.seen.push(...fresh);
    return fresh;
  }
}

/** The part of a node a test states: kind, type, id, slug and the changed fields. */
export const brief = (n: FeedNode) => [n.kind, n.recordType, n.recordId, n.slug, n.changedFields];
