import type { DataSource } from "typeorm";
import type { AppConfig } from "../../core/config";
import { makePage, type ConnectionArgs, type Edge, type Page } from "../../core/connection";
import { decodeCursor } from "../../core/cursor";
import { dialectOf } from "../../core/data-source";
import { ListingStatus } from "../../core/enums";
import { applyKeyset, applyOrdering, cursorChecked, cursorOf, type Ordering } from "../../core/pagination";
import { isTranslationStale } from "../../core/translation";
import { Program } from "../program/program.entity";
import { ReviewItem, ReviewReason, ReviewRecordType } from "./review.types";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where each kind of record lives, what names it, and what "not archived" means for it. */
const SOURCES: Record<ReviewRecordType, { table: string; name: string; active: string }> = {
  [ReviewRecordType.PROGRAM]: { table: "programs", name: "title", active: `x."status" <> '${ListingStatus.ARCHIVED}'` },
  [ReviewRecordType.INSTITUTION]: { table: "institutions", name: "name", active: `x."archivedAt" IS NULL` },
  [ReviewRecordType.PATHWAY]: { table: "pathways", name: "name", active: `x."archivedAt" IS NULL` },
  [ReviewRecordType.REQUIREMENT]: { table: "requirements", name: "name", active: `x."archivedAt" IS NULL` },
};
const TYPE_ORDER = Object.keys(SOURCES) as ReviewRecordType[];
const REASONS = [
  ReviewReason.NEVER_VERIFIED,
  ReviewReason.CHANGED_SINCE_VERIFIED,
  ReviewReason.STALE,
  ReviewReason.TRANSLATION_STALE,
];
/** The columns a page reads from the union (besides the rank keys). */
const COLUMNS = [
  "recordType",
  "id",
  "name",
  "lastVerifiedAt",
  "verifiedById",
  "changedSinceVerified",
  "translationUpdatedAt",
  "sourceTextUpdatedAt",
];
/** core/translation.ts's translationStaleSql, with the quoted names a raw union needs on PostgreSQL. */
const TRANSLATION_STALE = `(x."sourceTextUpdatedAt" IS NOT NULL AND (x."translationUpdatedAt" IS NULL OR x."translationUpdatedAt" < x."sourceTextUpdatedAt"))`;

/**
 * The review queue across record types: every program, institution, pathway and requirement that is
 * not archived and is due for review by the programs' rule (never verified, a fact changed since the
 * last verification, or verified longer ago than REVIEW_INTERVAL_DAYS), or whose French translation
 * is older than its English text. One statement reads a page of the union of the four tables, in the
 * queue's order: reason (never verified, then changed, then stale, then translation stale; a record
 * due for several reasons shows the most pressing), the oldest verification first, then type and id,
 * with keyset cursors.
 */
export class ReviewQueueService {
  private readonly ordering: Ordering;
  private readonly yes: string;

  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {
    const postgres = dialectOf(ds) === "postgres";
    this.yes = postgres ? "true" : "1";
    // Keyset paging cannot compare NULLs, so "never" sorts as the earliest possible date.
    const never = postgres ? "TIMESTAMP '1970-01-01 00:00:00'" : "'1970-01-01 00:00:00.000'";
    const verified = `COALESCE(q."lastVerifiedAt", ${never})`;
    this.ordering = {
      name: "REVIEW_QUEUE",
      keys: [
        { expr: `q."reasonRank"`, direction: "ASC" },
        // PostgreSQL keeps microseconds a JavaScript Date would drop: the cursor carries text.
        postgres
          ? { expr: verified, direction: "ASC", cursorExpr: `CAST(${verified} AS text)` }
          : { expr: verified, direction: "ASC" },
        { expr: `q."typeRank"`, direction: "ASC" },
        { expr: `q."id"`, direction: "ASC" },
      ],
    };
  }

  /** Verified before this instant means stale. */
  cutoff(now = new Date()): Date {
    return new Date(now.getTime() - this.config.reviewIntervalDays * DAY_MS);
  }

  private selectOf(type: ReviewRecordType): string {
    const { table, name, active } = SOURCES[type];
    const changed = `x."changedSinceVerified" = ${this.yes}`;
    const stale = `x."lastVerifiedAt" < :cutoff`;
    return (
      `SELECT '${type}' AS "recordType", ${TYPE_ORDER.indexOf(type)} AS "typeRank", x."id" AS "id", ` +
      `x."${name}" AS "name", x."lastVerifiedAt" AS "lastVerifiedAt", x."verifiedById" AS "verifiedById", ` +
      `x."changedSinceVerified" AS "changedSinceVerified", x."translationUpdatedAt" AS "translationUpdatedAt", ` +
      `x."sourceTextUpdatedAt" AS "sourceTextUpdatedAt", ` +
      `CASE WHEN x."lastVerifiedAt" IS NULL THEN 0 WHEN ${changed} THEN 1 WHEN ${stale} THEN 2 ELSE 3 END AS "reasonRank" ` +
      `FROM "${table}" x WHERE ${active} AND ` +
      `(x."lastVerifiedAt" IS NULL OR ${changed} OR ${stale} OR ${TRANSLATION_STALE})`
    );
  }

  private query(types: readonly ReviewRecordType[] | null | undefined) {
    const wanted = types?.length ? TYPE_ORDER.filter((t) => types.includes(t)) : TYPE_ORDER;
    const union = wanted.map((t) => this.selectOf(t)).join(" UNION ALL ");
    return this.ds.createQueryBuilder().from(`(${union})`, "q").setParameters({ cutoff: this.cutoff() });
  }

  async list(args: ConnectionArgs & { types?: ReviewRecordType[] | null }): Promise<Page<ReviewItem>> {
    const base = this.query(args.types);
    const page = base.clone();
    for (const column of COLUMNS) page.addSelect(`q."${column}"`, column);
    page.addSelect(`q."reasonRank"`, "reasonRank");
    if (args.after)
      applyKeyset(page, this.ordering.keys, decodeCursor(args.after, this.ordering.name, this.ordering.keys.length));
    applyOrdering(page, this.ordering);
    const rows =
      args.first === 0
        ? []
        : await cursorChecked(args.after, () => page.limit(args.first + 1).getRawMany<Record<string, unknown>>());
    const edges: Edge<ReviewItem>[] = rows
      .slice(0, args.first)
      .map((raw) => ({ node: this.item(raw), cursor: cursorOf(this.ordering, raw) }));
    const count = async () => {
      const row = await base.clone().select("COUNT(*)", "n").getRawOne<{ n: string | number }>();
      return Number(row?.n ?? 0);
    };
    return makePage(edges, rows.length > args.first, Boolean(args.after), count);
  }

  /** One raw row as an item; dates and booleans converted as TypeORM converts program columns. */
  private item(raw: Record<string, unknown>): ReviewItem {
    const metadata = this.ds.getMetadata(Program);
    const hydrate = (property: string) => {
      const value = raw[property];
      const column = metadata.findColumnWithPropertyName(property)!;
      return value === null || value === undefined ? null : this.ds.driver.prepareHydratedValue(value, column);
    };
    const item = new ReviewItem();
    item.recordType = raw.recordType as ReviewRecordType;
    item.id = String(raw.id);
    item.name = String(raw.name);
    item.lastVerifiedAt = hydrate("lastVerifiedAt") as Date | null;
    item.changedSinceVerified = hydrate("changedSinceVerified") === true;
    item.verifiedById = raw.verifiedById === null || raw.verifiedById === undefined ? null : Number(raw.verifiedById);
    item.translationStale = isTranslationStale({
      translationUpdatedAt: hydrate("translationUpdatedAt") as Date | null,
      sourceTextUpdatedAt: hydrate("sourceTextUpdatedAt") as Date | null,
    });
    item.reason = REASONS[Number(raw.reasonRank)];
    return item;
  }
}
