import type { Browser, Page } from "playwright-core";
import { startAdminServer, type AdminServer, type Role } from "./admin-server";
import { launchBrowser, newPage, signIn } from "./browser";

export interface AdminSession {
  server: AdminServer;
  browser: Browser;
  /** Signed in, on the dashboard. */
  page: Page;
}

/** A browser test file's set-up: the admin server, Chromium, and one page signed in as `role`. */
export async function openAdminSession(role: Role = "editor"): Promise<AdminSession> {
  const server = await startAdminServer();
  const browser = await launchBrowser();
  const page = await newPage(browser);
  await signIn(page, server.adminUrl, server.curators[role]);
  return { server, browser, page };
}

export async function closeAdminSession(session: Partial<AdminSession> | undefined): Promise<void> {
  await session?.browser?.close();
  await session?.server?.close();
}
