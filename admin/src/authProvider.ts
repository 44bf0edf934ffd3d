import type { AuthProvider } from "react-admin";
import { LoginDocument, LogoutDocument, MeDocument } from "./gql/graphql";
import { mutate, query } from "./data/api";
import { forgetCursors } from "./data/data-provider";
import { errorCode, toHttpError } from "./data/errors";
import {
  canWrite,
  clearSession,
  readSession,
  saveSession,
  updateSessionCurator,
  type SessionCurator,
} from "./data/session";

/** Writes that only EDITOR and ADMIN may make; everything else is reading. */
const WRITE_ACTIONS = new Set([
  "create",
  "edit",
  "delete",
  "clone",
  "publish",
  "verify",
  "revert",
  "restore",
  "archive",
  "export",
]);

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await mutate(LoginDocument, { email: String(username).trim(), password: String(password) }).catch(
      (e: unknown) => {
        // The login form shows this message as it is.
        throw new Error(toHttpError(e).message);
      },
    );
    const { token, expiresAt, curator } = login;
    saveSession({ token, expiresAt: expiresAt ?? null, curator: { ...curator, id: String(curator.id) } });
    forgetCursors();
  },

  async logout() {
    if (readSession()) {
      // Ends the session on the server too; the local sign-out happens whatever it answers.
      await mutate(LogoutDocument, {}).catch(() => undefined);
    }
    clearSession();
    forgetCursors();
  },

  async checkAuth() {
    if (!readSession()) throw new Error("directory.auth.sign_in");
  },

  async checkError(error: unknown) {
    const status = (error as { status?: number })?.status;
    if (errorCode(error) === "UNAUTHENTICATED" || status === 401) {
      clearSession();
      throw new Error("directory.auth.session_ended");
    }
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error("directory.auth.sign_in");
    let curator: SessionCurator = session.curator;
    try {
      const { me } = await query(MeDocument, {});
      if (me) {
        curator = { ...me, id: String(me.id) };
        updateSessionCurator(curator);
      }
    } catch {
      // `me` unavailable: the curator saved at sign-in is enough to show who is signed in.
    }
    return { id: curator.id, fullName: curator.name || curator.email, email: curator.email, role: curator.role };
  },

  async getPermissions() {
    return readSession()?.curator.role ?? null;
  },

  /** Viewers read everything (drafts, history) and change nothing; curator accounts and webhooks are for ADMIN only. */
  async canAccess({ action, resource }) {
    const role = readSession()?.curator.role;
    if (!role) return false;
    if (resource === "curators" || resource.startsWith("webhook")) return role === "ADMIN";
    if (WRITE_ACTIONS.has(action)) return canWrite(role);
    return true;
  },
};
