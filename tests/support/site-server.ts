import path from "node:path";
import type { Page } from "playwright-core";
import type { DataSource } from "typeorm";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { createTestServer } from "./server";

const root = path.resolve(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node before any build
const { ensureBuild } = require(path.join(root, "scripts", "ensure-build.js")) as {
  ensureBuild(app: string, o?: { quiet?: boolean }): boolean;
};

export interface SiteServer {
  /** e.g. http://127.0.0.1:41234 (the site is at its root) */
  baseUrl: string;
  /** The server's data source (set-up the public API cannot do: synthetic listings). */
  ds: DataSource;
  /** An anonymous GraphQL POST, as an outside client would send it. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

/** Builds the public site when site/dist is missing or stale (shared with `npm start`). */
export function buildSite(): void {
  ensureBuild("site", { quiet: true });
}

/** A real server for the site's browser tests: a fresh database with the sample directory, on a free loopback port. */
export async function startSiteServer(): Promise<SiteServer> {
  buildSite();
  const server = await createTestServer();
  await seedSampleDirectory(server.ds);
  const baseUrl = await server.listen();
  return {
    baseUrl,
    ds: server.ds,
    gql: async (query, variables = {}) => {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: any; errors?: any[] };
    },
    close: () => server.close(),
  };
}

/** Every URL the page asks for (documents, scripts, styles, API calls), to check they stay on one origin. */
export function recordRequests(page: Page, into: string[]): void {
  page.on("request", (r) => into.push(r.url()));
}

/** The result cards' titles on the search page, in order. */
export async function resultTitles(page: Page): Promise<string[]> {
  return page.getByTestId("results").locator("article h3").allInnerTexts();
}
