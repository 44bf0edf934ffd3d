import type { DirectoryChangeListener } from "../../server/src/core/directory-changes";
import { createAuditTrail } from "../../server/src/composition/audit-trail";
import { createContext } from "../../server/src/composition/context";
import { createServices } from "../../server/src/composition/services";
import type { Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData } from "../support/errors";
import type { GqlResult, TestServer } from "../support/server";

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

/**
 * An operation run as `as` through the test server's schema, on services whose audit trail calls
 * `listener` after each feed entry, inside the writing transaction (as the webhook outbox would be).
 */
export async function execWithListener(
  server: Pick<TestServer, "apollo" | "deps" | "ds" | "config">,
  listener: DirectoryChangeListener,
  as: Curator,
  query: string,
  variables: Record<string, unknown>,
): Promise<GqlResult> {
  const services = createServices(server.ds, server.config, createAuditTrail([listener]));
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: createContext({ ...server.deps, services }, as) },
  );
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  return { ...response.body.singleResult, statements: 0, sql: [] } as GqlResult;
}
