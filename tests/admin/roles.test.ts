import type { Browser, Page } from "playwright-core";
import { serverHasLogin, startAdminServer, type AdminServer } from "../support/admin-server";
import { ROW, eventually, launchBrowser, newPage, openRoute, screenshot, signIn } from "../support/browser";

jest.setTimeout(240_000);

const describeSignedIn = serverHasLogin() ? describe : describe.skip;
const SLUG = "mayo-clinic-fellowships-for-imgs";

describeSignedIn("what each role sees", () => {
  let server: AdminServer;
  let browser: Browser;
  let programId: string;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchBrowser();
    const p = (await server.gql(`query($slug: String) { program(slug: $slug) { id version } }`, { slug: SLUG })).data!.program;
    programId = p.id;
    // One change, so that the History tab has an entry (and a Revert an editor would see).
    const r = await server.gql(
      `mutation($id: ID!, $version: Int!) { updateProgram(id: $id, version: $version, input: { sourceNote: "Edited so that history has an entry" }) { id } }`,
      { id: p.id, version: p.version },
    );
    expect(r.errors).toBeUndefined();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const editControls = (page: Page) =>
    Promise.all([
      page.getByRole("link", { name: "Create" }).count(),
      page.getByRole("link", { name: "Edit" }).count(),
      page.getByRole("button", { name: "Save" }).count(),
      page.getByTestId("publish").count(),
      page.getByTestId("unpublish").count(),
      page.getByTestId("verify").count(),
      page.getByTestId("revert").count(),
      page.getByRole("button", { name: "Archive" }).count(),
      page.locator('input[name="title"]').count(),
    ]).then((counts) => counts.reduce((a, b) => a + b, 0));

  it("a viewer reads everything and sees no edit controls anywhere", async () => {
    const page = await newPage(browser);
    await signIn(page, server.adminUrl, server.curators.viewer);
    expect(await page.getByRole("menuitem", { name: "Curators" }).count()).toBe(0);

    await openRoute(page, server.adminUrl, "programs");
    await page.locator(ROW).first().waitFor();
    expect(await page.locator('.RaDatagrid-row input[type="checkbox"]').count()).toBe(0); // no bulk actions
    expect(await editControls(page)).toBe(0);
    await screenshot(page, "10-viewer-programs");

    await page.locator(ROW, { hasText: "Mayo Clinic fellowships" }).click();
    await page.waitForURL(/\/show/);
    await page.getByText("Mayo Clinic fellowships for international medical graduates").first().waitFor();
    for (const tab of ["Requirements", "Application", "Provenance", "History"]) {
      await page.getByRole("tab", { name: tab }).click();
      if (tab === "History") await page.locator(ROW, { hasText: "Updated" }).waitFor();
      expect(await editControls(page)).toBe(0);
    }
    await screenshot(page, "11-viewer-history");

    // Typing the edit route by hand gives no form either.
    await openRoute(page, server.adminUrl, `programs/${programId}`);
    await eventually(async () => expect(page.url()).not.toMatch(/\/login/));
    await page.waitForTimeout(1500);
    expect(await page.locator('input[name="title"]').count()).toBe(0);
  });

  it("an editor sees edit controls but not curator management; an admin manages curators", async () => {
    const editor = await newPage(browser);
    await signIn(editor, server.adminUrl, server.curators.editor);
    expect(await editor.getByRole("menuitem", { name: "Curators" }).count()).toBe(0);
    await openRoute(editor, server.adminUrl, `programs/${programId}/history`);
    await editor.getByTestId("revert").first().waitFor();

    const admin = await newPage(browser);
    await signIn(admin, server.adminUrl, server.curators.admin);
    await admin.getByRole("menuitem", { name: "Curators" }).click();
    for (const who of Object.values(server.curators)) await admin.getByText(who.email).waitFor();
    await screenshot(admin, "12-admin-curators");
  });
});
