import type { Curator } from "../modules/curator/curator.entity";
import type { AppDeps } from "./context";

/**
 * Resolves the curator behind an `Authorization: Bearer <token>` header.
 * Sessions arrive with the curation work; until then every request is anonymous.
 */
export async function curatorFromRequest(_deps: AppDeps, _authorization: string | undefined): Promise<Curator | null> {
  return null;
}
