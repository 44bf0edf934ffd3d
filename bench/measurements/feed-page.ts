/**
 * A page of the public change feed next to the page query: `directoryChanges(first: 50)` from a
 * cursor in the middle of a feed of FEED_ENTRIES entries. The synthetic directory is generated
 * without history, so the entries are recorded first through the feed's own recorder (as writes
 * record them): a CHANGED entry for each of that many published programs.
 */
import type { AuditRecord } from "../../server/src/core/audit-trail";
import { AuditAction } from "../../server/src/core/audit-trail";
import { inTransaction } from "../../server/src/core/transaction";
import { ChangeFeed } from "../../server/src/modules/feed/change-feed";
import { feedCursor } from "../../server/src/modules/feed/feed.service";
import { unavailable, type BenchContext, type Measurement, type Unavailable } from "../lib/types";
import { versusPage, type FeatureLatency } from "./search-facets-eligibility";

const FEED_QUERY = `query BenchFeed($first: Int!, $after: String) {
  directoryChanges(first: $first, after: $after) {
    edges { cursor node { sequence kind recordType recordId slug changedFields occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Records one CHANGED entry per published program (up to `count`); returns the cursor halfway through. */
async function fillFeed(ctx: BenchContext, count: number): Promise<{ cursor: string; entries: number }> {
  const ds = ctx.deps.dataSource;
  const ids: { id: number }[] = await ds.query(
    `SELECT id FROM programs WHERE status = 'PUBLISHED' ORDER BY id LIMIT ${Math.trunc(count)}`,
  );
  const records: AuditRecord[] = ids.map(({ id }) => ({
    action: AuditAction.UPDATE,
    entityType: "Program",
    entityId: Number(id),
    entityVersion: null,
    actorId: null,
    changes: { applicationClosesOn: { from: null, to: "2027-01-15" } },
  }));
  const written = await inTransaction(ds, (m) => new ChangeFeed().record(m, records));
  return { cursor: feedCursor(written[Math.floor(written.length / 2)].sequence), entries: written.length };
}

export const feedPage: Measurement<(FeatureLatency & { entries: number }) | Unavailable> = {
  key: "feedPage",
  title: "change feed page",
  run: async (ctx) => {
    if (!ctx.schemaHas("Query", "directoryChanges")) return unavailable("directoryChanges");
    const { cursor, entries } = await fillFeed(ctx, ctx.quick ? 2000 : 20_000);
    ctx.log(`  ${entries} feed entries; reading 50 from the middle`);
    const body = JSON.stringify({ query: FEED_QUERY, variables: { first: 50, after: cursor } });
    const latency = await versusPage(ctx, body);
    return "feature" in latency ? { ...latency, entries } : latency;
  },
};
