import { randomUUID } from "node:crypto";
import { ArrayMaxSize, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, Int, ObjectType, type ClassType } from "type-graphql";
import { BadUserInputError, InternalError, isDirectoryError } from "./errors";
import { log } from "./logger";
import { VersionArgs } from "./write-args";

/**
 * Bulk curation (publishPrograms, archivePrograms…): the single mutation run once per record, each
 * in its own transaction with its own audit entry, answering per record. One failure (a stale
 * version, a record already published) neither stops nor undoes the others, and is reported
 * with the code and message the single mutation would have answered.
 */

/** The most records one bulk mutation takes: each is a transaction, and the operation has a deadline. */
export const MAX_BULK_REFS = 100;

@ArgsType()
export class BulkArgs {
  @Field(() => [VersionArgs], {
    description: `The records, at most ${MAX_BULK_REFS}; each is done or refused on its own, in this order`,
  })
  @ArrayMaxSize(MAX_BULK_REFS, {
    message: `refs must hold at most ${MAX_BULK_REFS} records: split the work into several calls`,
  })
  @ValidateNested({ each: true })
  refs: VersionArgs[];
}

@ObjectType({ description: "Why one record of a bulk mutation was not changed" })
export class BulkItemError {
  @Field(() => String, {
    description:
      "What the single mutation would have answered in extensions.code: BAD_USER_INPUT, CONFLICT, NOT_FOUND, UNAVAILABLE or INTERNAL_SERVER_ERROR",
  })
  code: string;

  @Field(() => String)
  message: string;

  @Field(() => Int, { nullable: true, description: "With CONFLICT: the record's version now" })
  currentVersion: number | null;
}

/** One record's outcome: `record` (as saved) when ok, `error` when not. */
export interface BulkItem<T> {
  id: string;
  ok: boolean;
  error: BulkItemError | null;
  record: T | null;
}

/** The GraphQL type of one outcome of a bulk mutation over `type`, named `<name>BulkItem`. */
export function BulkItemType<T extends object>(type: ClassType<T>, name: string): ClassType<BulkItem<T>> {
  @ObjectType(`${name}BulkItem`, {
    description: `One ${name} of a bulk mutation: changed (ok, with the record as saved) or not (error), independently of the others`,
  })
  class Item implements BulkItem<T> {
    @Field(() => ID)
    id: string;

    @Field(() => Boolean)
    ok: boolean;

    @Field(() => BulkItemError, { nullable: true })
    error: BulkItemError | null;

    @Field(() => type, { nullable: true })
    record: T | null;
  }
  return Item;
}

/** A typed error as the client would have seen it; anything else logged and masked, as formatError does. */
function itemError(e: unknown, typeName: string, id: string): BulkItemError {
  if (isDirectoryError(e)) {
    const currentVersion = e.extensions.currentVersion;
    return {
      code: e.code,
      message: e.message,
      currentVersion: typeof currentVersion === "number" ? currentVersion : null,
    };
  }
  const errorId = randomUUID();
  log.error("unexpected error in a bulk mutation", { errorId, typeName, id, error: e });
  const masked = new InternalError(errorId);
  return { code: masked.code, message: masked.message, currentVersion: null };
}

/**
 * Runs `write` for each ref in turn, each in its own transaction (the write's own), and answers one
 * item per ref in the order given. A record listed twice is done once: its later refs are refused.
 */
export async function eachIndependently<T>(
  typeName: string,
  refs: readonly VersionArgs[],
  write: (id: number, version: number) => Promise<T>,
): Promise<BulkItem<T>[]> {
  const seen = new Set<string>();
  const items: BulkItem<T>[] = [];
  for (const [index, ref] of refs.entries()) {
    const id = String(Number(ref.id));
    try {
      if (seen.has(id))
        throw BadUserInputError.field(["refs", String(index), "id"], `${typeName} ${id} is listed more than once`);
      seen.add(id);
      items.push({ id, ok: true, error: null, record: await write(Number(ref.id), ref.version) });
    } catch (e) {
      items.push({ id, ok: false, error: itemError(e, typeName, id), record: null });
    }
  }
  return items;
}
