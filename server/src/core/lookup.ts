import { BadUserInputError } from "./errors";
import { entityId } from "./ids";

/** Checks that exactly one of `id` and `slug` (or `code`) was given. */
export function lookupKey(
  args: { id?: string | null; slug?: string | null },
  keyName: "slug" | "code" = "slug",
): { id: number } | { slug: string } {
  const hasId = args.id !== undefined && args.id !== null;
  const hasSlug = args.slug !== undefined && args.slug !== null;
  if (hasId === hasSlug) {
    throw new BadUserInputError(`Give exactly one of id and ${keyName}`, [
      { path: ["id"], message: `give exactly one of id and ${keyName}` },
    ]);
  }
  return hasId ? { id: entityId(args.id, ["id"]) } : { slug: args.slug as string };
}
