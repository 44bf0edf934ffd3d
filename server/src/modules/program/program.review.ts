import type { DataSource } from "typeorm";
import type { AppConfig } from "../../core/config";
import type { ConnectionArgs, Page } from "../../core/connection";
import { dialectOf } from "../../core/data-source";
import { ListingStatus } from "../../core/enums";
import { paginate, type Ordering } from "../../core/pagination";
import type { Program } from "./program.entity";
import type { ProgramService } from "./program.service";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Listings due for review: not archived, and never verified, changed since verified, or last
 * verified longer ago than REVIEW_INTERVAL_DAYS. Never-verified ones come first, then the longest
 * unverified. (The queue across record types is modules/review.)
 */
export class ProgramReview {
  private readonly ordering: Ordering;

  constructor(
    dataSource: DataSource,
    private readonly programs: ProgramService,
    private readonly config: AppConfig,
  ) {
    // Keyset paging cannot compare NULLs, so "never" sorts as the earliest possible date.
    const never =
      dialectOf(dataSource) === "postgres" ? "TIMESTAMP '1970-01-01 00:00:00'" : "'1970-01-01 00:00:00.000'";
    this.ordering = {
      name: "DUE_FOR_REVIEW",
      keys: [
        // PostgreSQL keeps microseconds a JavaScript Date would drop: the cursor carries text.
        dialectOf(dataSource) === "postgres"
          ? {
              expr: `COALESCE(p.lastVerifiedAt, ${never})`,
              direction: "ASC",
              cursorExpr: `CAST(COALESCE(p.lastVerifiedAt, ${never}) AS text)`,
            }
          : { expr: `COALESCE(p.lastVerifiedAt, ${never})`, direction: "ASC" },
        { expr: "p.id", direction: "ASC" },
      ],
    };
  }

  /** Verified before this instant means due. */
  cutoff(now = new Date()): Date {
    return new Date(now.getTime() - this.config.reviewIntervalDays * DAY_MS);
  }

  list(args: ConnectionArgs): Promise<Page<Program>> {
    const qb = this.programs
      .query(true)
      .andWhere("p.status <> :archived", { archived: ListingStatus.ARCHIVED })
      .andWhere("(p.lastVerifiedAt IS NULL OR p.lastVerifiedAt < :cutoff OR p.changedSinceVerified = :changed)", {
        cutoff: this.cutoff(),
        changed: true,
      });
    return paginate(qb, this.ordering, args);
  }
}
