import fs from "node:fs";
import path from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import { buildExplorer } from "../support/explorer";
import { eventually, launchBrowser, newPage, screenshot } from "../support/browser";

jest.setTimeout(180_000);

const examplesDir = path.resolve(__dirname, "..", "..", "docs", "examples");
const exampleCount = fs.readdirSync(examplesDir).filter((f) => f.endsWith(".graphql")).length;

/**
 * Every request the page and its workers make, those still waiting for an answer, and every console
 * error or uncaught page error.
 */
function watch(page: Page): { requests: string[]; pending: Set<Request>; errors: string[] } {
  const seen = { requests: [] as string[], pending: new Set<Request>(), errors: [] as string[] };
  const context = page.context();
  context.on("request", (r) => {
    seen.requests.push(r.url());
    seen.pending.add(r);
  });
  context.on("requestfinished", (r) => seen.pending.delete(r));
  context.on("requestfailed", (r) => seen.pending.delete(r));
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(`page error: ${e.message}`));
  return seen;
}

describe("the GraphQL explorer at /graphql, in a browser", () => {
  let server: AdminServer;
  let browser: Browser;

  beforeAll(async () => {
    buildExplorer();
    server = await startAdminServer({ curators: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens GraphiQL with the examples as tabs and runs one, every request to its own origin, no console error", async () => {
    const page = await newPage(browser);
    const seen = watch(page);
    const response = await page.goto(`${server.baseUrl}/graphql`);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(await page.title()).toContain("GraphQL explorer");

    await page.locator(".graphiql-container").waitFor();
    // One tab per example file, named by its operation.
    const tabs = page.locator(".graphiql-tab");
    await expect(tabs.count()).resolves.toBe(exampleCount);
    await expect(tabs.first().innerText()).resolves.toContain("Programs");
    // The query editor (Monaco) holds the example and its variables. A click while GraphiQL is still
    // settling its tabs (after the schema arrives) can be lost, so click again until the tab shows.
    await eventually(async () => {
      await page.locator(".graphiql-tab", { hasText: "SearchPage" }).click();
      await page
        .locator(".graphiql-query-editor .view-lines", { hasText: "query SearchPage" })
        .waitFor({ timeout: 3000 });
    });
    await page.locator(".graphiql-editor-tool .view-lines", { hasText: "internal medicine" }).waitFor();

    // As a user would: put the cursor in the operation (GraphiQL picks the operation to run from the
    // editor it last parsed; straight after a tab switch that can still be the previous tab's).
    await page.locator(".graphiql-query-editor .view-lines", { hasText: "query SearchPage" }).click();
    const answered = page.waitForResponse((r) => r.url().endsWith("/graphql") && r.request().method() === "POST");
    await page.locator(".graphiql-execute-button").click();
    expect((await answered).status()).toBe(200);
    // The result pane shows the answer: the search found programs.
    await page.locator(".graphiql-response .view-lines", { hasText: "totalCount" }).waitFor();
    await expect(page.locator(".graphiql-response .view-lines").innerText()).resolves.toMatch(/"totalCount":\s*[1-9]/);
    await screenshot(page, "explorer-01-search-page");

    // GraphiQL fetched the schema (introspection) and its workers; nothing left the machine. Wait for
    // every request to be answered (our own count, not Playwright's "networkidle", which also waits on
    // connections the browser keeps open); a request that never is gets named in the failure.
    // Chromium starts a dedicated worker's script request in the page and finishes it in the worker's own
    // target, so Playwright may never report that request finished: a worker running from its URL is its answer.
    const unanswered = () => [...seen.pending].filter((r) => !page.workers().some((w) => w.url() === r.url()));
    await eventually(() => expect(unanswered().map((r) => `${r.method()} ${r.url()}`)).toEqual([]));
    expect(seen.requests.length).toBeGreaterThan(3);
    expect(seen.requests.filter((url) => !url.startsWith(`${server.baseUrl}/`) && !url.startsWith("data:"))).toEqual(
      [],
    );
    expect(seen.requests.some((url) => /\/explorer\/assets\/.*worker.*\.js$/.test(url))).toBe(true);
    expect(seen.errors).toEqual([]);
  });

  it("answers API clients at the same address as before: a GET with a query gets JSON, not the page", async () => {
    const page = await newPage(browser);
    const res = await page.request.get(
      `${server.baseUrl}/graphql?query=${encodeURIComponent("{ programs { totalCount } }")}`,
      {
        headers: { "apollo-require-preflight": "true", accept: "application/json" },
      },
    );
    expect(res.status()).toBe(200);
    expect(
      ((await res.json()) as { data: { programs: { totalCount: number } } }).data.programs.totalCount,
    ).toBeGreaterThan(0);
  });
});
