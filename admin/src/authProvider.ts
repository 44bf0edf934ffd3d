import type { AuthProvider } from "react-admin";
import { run } from "./data/api";
import { forgetCursors } from "./data/data-provider";
import { errorCode, toHttpError } from "./data/errors";
import { canWrite, clearSession, readSession, saveSession, updateSessionCurator, type SessionCurator } from "./data/session";

const curatorFields = ["id", "email", "name", "role", "active"];

/** Writes that only EDITOR and ADMIN may make; everything else is reading. */
const WRITE_ACTIONS = new Set(["create", "edit", "delete", "clone", "publish", "verify", "revert", "restore", "archive", "export"]);

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { data } = await run<any>("mutation", "Login", [
      { field: "login", args: { email: String(username).trim(), password: String(password) }, select: ["token", "expiresAt", { curator: curatorFields }] },
    ]).catch((e: unknown) => {
      // The login form shows this message as it is.
      throw new Error(toHttpError(e).message);
    });
    const { token, expiresAt, curator } = data.login;
    saveSession({ token, expiresAt: expiresAt ?? null, curator: { ...curator, id: String(curator.id) } });
    forgetCursors();
  },

  async logout() {
    if (readSession()) {
      // Ends the session on the server too; the local sign-out happens whatever it answers.
      await run("mutation", "Logout", [{ field: "logout", select: [] }]).catch(() => undefined);
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
      const { data } = await run<any>("query", "Me", [{ field: "me", select: curatorFields }]);
      if (data.me) {
        curator = { ...data.me, id: String(data.me.id) };
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

  /** Viewers read everything (drafts, history) and change nothing; curator accounts are for ADMIN only. */
  async canAccess({ action, resource }) {
    const role = readSession()?.curator.role;
    if (!role) return false;
    if (resource === "curators") return role === "ADMIN";
    if (WRITE_ACTIONS.has(action)) return canWrite(role);
    return true;
  },
};
