import type { Authenticated, SignedInCurator } from "./viewer";
import type { AppDeps } from "./context";
import { UnauthenticatedError } from "./errors";

/**
 * A request that sends a token it cannot use: answered UNAUTHENTICATED with HTTP 401 whatever it
 * asks for, rather than served as anonymous, so a client never mistakes "signed out" for
 * "nothing there".
 */
export class InvalidTokenError extends UnauthenticatedError {
  constructor(message: string) {
    super(message, {
      reason: "INVALID_TOKEN",
      http: { status: 401, headers: new Map([["www-authenticate", 'Bearer error="invalid_token"']]) },
    });
  }
}

/**
 * The session behind an `Authorization` header: null when there is no header (anonymous);
 * InvalidTokenError when there is one that is malformed, unknown, expired or revoked, or whose
 * curator is disabled.
 */
export async function sessionFromRequest(
  deps: AppDeps,
  authorization: string | undefined,
): Promise<Authenticated | null> {
  if (authorization === undefined || authorization.trim() === "") return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(authorization);
  if (!match)
    throw new InvalidTokenError(
      "The Authorization header must be 'Bearer <token>' with a token from the login mutation",
    );
  const session = await deps.services.sessions.authenticate(match[1]);
  if (!session) throw new InvalidTokenError("Your session token is invalid, expired or revoked; sign in again");
  return session;
}

/** The curator behind an `Authorization: Bearer <token>` header (see sessionFromRequest). */
export async function curatorFromRequest(
  deps: AppDeps,
  authorization: string | undefined,
): Promise<SignedInCurator | null> {
  return (await sessionFromRequest(deps, authorization))?.curator ?? null;
}
