import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import { CuratorRole } from "./roles";
import type { Context } from "./context";
import { ForbiddenError, UnauthenticatedError } from "./errors";

const RANK: Record<CuratorRole, number> = {
  [CuratorRole.VIEWER]: 1,
  [CuratorRole.EDITOR]: 2,
  [CuratorRole.ADMIN]: 3,
};

/** True when `role` is at least `minimum` (ADMIN ⊃ EDITOR ⊃ VIEWER). */
export function hasRole(role: CuratorRole, minimum: CuratorRole): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * The one place authorization is decided. `@Authorized()` needs any signed-in curator;
 * `@Authorized(CuratorRole.EDITOR)` needs that role or a higher one. Anonymous callers get
 * UNAUTHENTICATED, curators without the role FORBIDDEN.
 */
export class DirectoryAuthChecker implements AuthCheckerInterface<Context, CuratorRole> {
  check({ context }: ResolverData<Context>, roles: CuratorRole[]): boolean {
    const curator = context.viewer.curator;
    if (!curator || !curator.active) throw new UnauthenticatedError();
    if (roles.length === 0) return true;
    const minimum = roles.reduce((lowest, r) => (RANK[r] < RANK[lowest] ? r : lowest), roles[0]);
    if (!hasRole(curator.role, minimum)) {
      throw new ForbiddenError(`This needs the ${minimum} role or higher; you are ${curator.role}`);
    }
    return true;
  }
}
