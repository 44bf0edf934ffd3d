import type { CuratorRole } from "../gql/graphql";

export type { CuratorRole };

/** The signed-in curator, kept in localStorage so that a reload keeps the session. */

export interface SessionCurator {
  id: string;
  email: string;
  name: string;
  role: CuratorRole;
}

export interface Session {
  token: string;
  expiresAt: string | null;
  curator: SessionCurator;
}

const KEY = "directory.admin.session";

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session?.token || !session.curator) return null;
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
      localStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function updateSessionCurator(curator: SessionCurator): void {
  const session = readSession();
  if (session) saveSession({ ...session, curator });
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export function currentRole(): CuratorRole | null {
  return readSession()?.curator.role ?? null;
}

/** EDITOR and ADMIN write; VIEWER only reads. */
export function canWrite(role: CuratorRole | null | undefined): boolean {
  return role === "EDITOR" || role === "ADMIN";
}
