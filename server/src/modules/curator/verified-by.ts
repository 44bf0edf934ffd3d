import type { Context } from "../../core/context";
import type { Curator } from "./curator.entity";

export const VERIFIED_BY_DESCRIPTION =
  "The curator who last verified the record; anonymous readers may ask only for its name (other fields are UNAUTHENTICATED)";

/** The curator who verified a record with provenance columns, through the request's loader. */
export function verifiedByOf(row: { verifiedById: number | null }, ctx: Context): Promise<Curator | null> | null {
  return row.verifiedById === null ? null : ctx.loaders.curatorById.load(row.verifiedById);
}
