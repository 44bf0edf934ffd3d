import type { DataSource } from "typeorm";
import { makePage, type ConnectionArgs, type Page } from "../../core/connection";
import { decodeCursor, encodeCursor } from "../../core/cursor";
import { BadUserInputError } from "../../core/errors";
import { getManyFast } from "../../core/rows";
import { DirectoryChangeEntry } from "./directory-change.entity";

/** The ordering name every feed cursor carries (a cursor of another list is refused). */
const FEED_ORDER = "FEED";

/** The opaque cursor of a feed position. */
export function feedCursor(sequence: number): string {
  return encodeCursor(FEED_ORDER, [sequence]);
}

/** The sequence a feed cursor stands for; BAD_USER_INPUT naming `path` for anything this API did not issue. */
export function sequenceOf(cursor: string, path: string[] = ["after"]): number {
  const [value] = decodeCursor(cursor, FEED_ORDER, 1, path);
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw BadUserInputError.field(path, "malformed cursor (not a feed position); use a cursor from directoryChanges");
  }
  return value;
}

/** Reads the public change feed, oldest first. */
export class DirectoryChangeService {
  constructor(private readonly ds: DataSource) {}

  /** Up to `limit` entries after sequence `after`, in order (one statement). */
  entriesAfter(after: number, limit: number): Promise<DirectoryChangeEntry[]> {
    const qb = this.ds
      .getRepository(DirectoryChangeEntry)
      .createQueryBuilder("c")
      .where("c.sequence > :after", { after })
      .orderBy("c.sequence", "ASC")
      .limit(limit);
    return getManyFast(qb);
  }

  /** A Relay page: `first` entries after the cursor; totalCount counts the whole feed. */
  async list(args: ConnectionArgs): Promise<Page<DirectoryChangeEntry>> {
    const after = args.after ? sequenceOf(args.after) : 0;
    const rows = args.first === 0 ? [] : await this.entriesAfter(after, args.first + 1);
    const edges = rows.slice(0, args.first).map((node) => ({ node, cursor: feedCursor(node.sequence) }));
    return makePage(edges, rows.length > args.first, Boolean(args.after), () =>
      this.ds.getRepository(DirectoryChangeEntry).count(),
    );
  }
}
