import type { CuratorRole } from "./roles";

/**
 * The signed-in curator as the lower layer needs to know them. The curator module merges its
 * entity into this interface, so that everywhere above core it is the full `Curator`.
 */
export interface SignedInCurator {
  id: number;
  role: CuratorRole;
  active: boolean;
}

/** Who is asking: anonymous clients see published listings only. */
export interface Viewer {
  curator: SignedInCurator | null;
  /** VIEWER and above read drafts, archived listings and history. */
  readonly includeDrafts: boolean;
  /** The session the request signed in with (what `logout` ends); null when anonymous. */
  sessionId: number | null;
}

export function viewerFor(curator: SignedInCurator | null, sessionId: number | null = null): Viewer {
  return { curator, includeDrafts: curator !== null && curator.active, sessionId };
}

/** A bearer token that matched a live session. */
export interface Authenticated {
  curator: SignedInCurator;
  sessionId: number;
}
