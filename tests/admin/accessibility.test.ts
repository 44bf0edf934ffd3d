import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import { cspViolations, launchBrowser, newPage, openRoute, ROW, signIn } from "../support/browser";

jest.setTimeout(240_000);

/** axe-core's serious and critical findings on the page as it is now, one line each (empty: none). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} element(s), e.g. ${v.nodes[0].html.slice(0, 160)}: ${v.nodes[0].failureSummary}`,
    );
}

describe("the admin's main screens pass an axe-core scan (no serious or critical violation)", () => {
  let server: AdminServer;
  let browser: Browser;
  let page: Page;
  let programId: string;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    const r = await server.gql(
      `query { programs(first: 50) { edges { node { id version requirements { level } } } } }`,
    );
    // A program with requirement links, so that its Requirements tab has rows to scan.
    const program = r.data.programs.edges.map((e: any) => e.node).find((p: any) => p.requirements.length > 0);
    programId = program.id;
    // One change, so that the history has an entry to expand.
    const updated = await server.gql(
      `mutation($id: ID!, $version: Int!) { updateProgram(id: $id, version: $version, input: { sourceNote: "Checked by the synthetic accessibility test" }) { id } }`,
      { id: programId, version: program.version },
    );
    expect(updated.errors).toBeUndefined();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the sign-in page", async () => {
    await page.goto(server.adminUrl);
    await page.locator('input[name="username"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the dashboard", async () => {
    await signIn(page, server.adminUrl, server.curators.editor);
    await page.getByTestId("recent-changes").getByRole("link").first().waitFor();
    await page.getByTestId("due-for-review").getByRole("link").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the program list", async () => {
    await openRoute(page, server.adminUrl, "programs");
    await page.locator(ROW).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a program's edit form", async () => {
    await openRoute(page, server.adminUrl, `programs/${programId}`);
    await page.locator('input[name="title"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("tab", { name: "Requirements" }).click();
    await page.locator('input[name="requirements.0.requirementId"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("the history view, an entry expanded", async () => {
    await openRoute(page, server.adminUrl, `programs/${programId}/show/history`);
    const history = page.getByTestId("history");
    await history.locator(ROW, { hasText: "Source note" }).click();
    await page.getByTestId("change-details").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await openRoute(page, server.adminUrl, "audit");
    await page.getByTestId("audit").locator(ROW).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
