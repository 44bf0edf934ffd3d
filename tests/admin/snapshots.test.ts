import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import {
  ROW,
  cspViolations,
  expectNotification,
  launchBrowser,
  newPage,
  openRoute,
  screenshot,
  signIn,
} from "../support/browser";

jest.setTimeout(240_000);

const SLUG = "observerships-united-states";

describe("snapshots in the admin (editor, in Chromium)", () => {
  let server: AdminServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server.adminUrl, server.curators.editor);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const createInAdmin = async (label: string, includeDrafts = false) => {
    await openRoute(page, server.adminUrl, "snapshots/create");
    await page.locator('input[name="label"]').fill(label);
    if (includeDrafts) await page.locator('input[name="includeDrafts"]').check();
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /created/i);
    await page.waitForURL(/#\/snapshots$/);
    await page.locator(ROW, { hasText: label }).waitFor();
  };
  const stored = async () =>
    (
      await server.gql(
        `query { snapshots(first: 10) { edges { node { id label sha256 jsonUrl includeDrafts counts { programs } } } } }`,
      )
    ).data!.snapshots.edges.map((e: any) => e.node);

  it("creates snapshots, shows their counts, hash and downloads, and compares two", async () => {
    await openRoute(page, server.adminUrl, "snapshots");
    await page.getByTestId("empty-state").waitFor();
    await createInAdmin("Before the admin test");

    const program = (
      await server.gql(`query($slug: String) { program(slug: $slug) { id version title } }`, { slug: SLUG })
    ).data!.program;
    const renamed = await server.gql(
      `mutation($id: ID!, $version: Int!) { updateProgram(id: $id, version: $version, input: { title: "US observerships (renamed for the snapshot test)" }) { id } }`,
      { id: program.id, version: program.version },
    );
    expect(renamed.errors).toBeUndefined();
    await createInAdmin("After a rename");

    const [after, before] = await stored();
    expect(after.sha256).not.toBe(before.sha256);
    const firstRow = page.locator(ROW, { hasText: "Before the admin test" });
    expect(await firstRow.getByTestId("sha256").innerText()).toBe(`${before.sha256.slice(0, 12)}…`);
    expect(await firstRow.getByTestId("snapshot-counts").innerText()).toContain(`Programs: ${before.counts.programs}`);
    // A snapshot of published listings downloads through a plain link: the file the API serves, hash included.
    const href = await firstRow.getByTestId("download-json").getAttribute("href");
    expect(href).toBe(before.jsonUrl);
    const file = (await (await fetch(`${server.baseUrl}${href}`)).json()) as { meta: { sha256: string } };
    expect(file.meta.sha256).toBe(before.sha256);
    await screenshot(page, "18-snapshots");

    for (const label of ["Before the admin test", "After a rename"]) {
      await page.locator(ROW, { hasText: label }).locator('input[type="checkbox"]').check();
    }
    await page.getByTestId("compare").click();
    const diff = page.getByTestId("snapshot-diff");
    await diff.waitFor();
    const programs = diff.getByTestId("diff-programs");
    await programs.getByText(SLUG, { exact: true }).waitFor();
    expect(await programs.innerText()).toContain("US observerships (renamed for the snapshot test)");
    expect(await diff.innerText()).toContain("1 changed");
    await screenshot(page, "19-snapshot-diff");
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  });

  it("downloads a snapshot with drafts with the curator's token", async () => {
    await createInAdmin("With drafts", true);
    const withDrafts = (await stored()).find((s: any) => s.label === "With drafts");
    expect(withDrafts.includeDrafts).toBe(true);
    // The file is not public …
    expect((await fetch(`${server.baseUrl}${withDrafts.jsonUrl}`)).status).toBe(401);
    // … and the admin fetches it with the session's token.
    const row = page.locator(ROW, { hasText: "With drafts" });
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("download-json").click()]);
    expect(download.suggestedFilename()).toBe(`directory-snapshot-${withDrafts.id}.json`);
    const saved = await download.path();
    expect(JSON.parse(fs.readFileSync(saved, "utf8")).meta.sha256).toBe(withDrafts.sha256);

    await row.click();
    await page.waitForURL(/#\/snapshots\/[^/]+\/show$/);
    await page.getByText(withDrafts.sha256).waitFor();
    await screenshot(page, "20-snapshot-show");
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
