import type { Browser, Page } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import {
  ROW,
  cspViolations,
  eventually,
  expectNotification,
  launchBrowser,
  newPage,
  openRoute,
  pickSelect,
  screenshot,
  signIn,
} from "../support/browser";

jest.setTimeout(240_000);

const SLUG = "mayo-clinic-fellowships-for-imgs";

describe("what each role sees", () => {
  let server: AdminServer;
  let browser: Browser;
  let programId: string;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchBrowser();
    const p = (await server.gql(`query($slug: String) { program(slug: $slug) { id version } }`, { slug: SLUG })).data!
      .program;
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

    // Typing an edit route by hand lands on the read-only view of the same record and tab.
    await openRoute(page, server.adminUrl, "");
    await page.getByTestId("dashboard").waitFor();
    await openRoute(page, server.adminUrl, `programs/${programId}/history`);
    await page.waitForURL(new RegExp(`#/programs/${programId}/show/history$`));
    await page.locator(ROW, { hasText: "Updated" }).waitFor();
    expect(await editControls(page)).toBe(0);
    await openRoute(page, server.adminUrl, "programs/create");
    await page.waitForURL(/#\/programs$/);
    await page.locator(ROW).first().waitFor();
    expect(await editControls(page)).toBe(0);
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
    const list = admin.getByTestId("curators");
    for (const who of Object.values(server.curators)) await list.getByText(who.email, { exact: true }).waitFor();

    // Create a curator: the password rule is the server's (at least 12 characters), checked before sending.
    await admin.getByRole("link", { name: "Create" }).click();
    await admin.locator('input[name="email"]').fill("new.editor@example.test");
    await admin.locator('input[name="name"]').fill("Nina New");
    const password = admin.locator('input[name="password"]');
    await password.fill("short-pass1"); // 11 characters
    await admin.getByRole("button", { name: "Save" }).click();
    const passwordField = admin.locator(".MuiFormControl-root", { has: password });
    await eventually(async () => expect(await passwordField.innerText()).toContain("At least 12 characters"));
    await password.fill("a-long-enough-password");
    await admin.getByRole("button", { name: "Save" }).click();
    await expectNotification(admin, /created/i);
    const created = async () =>
      (await server.gql(`query { curators(first: 100) { edges { node { id email name role active } } } }`, {}, "admin"))
        .data!.curators.edges.map((e: any) => e.node)
        .find((c: any) => c.email === "new.editor@example.test");
    expect(await created()).toMatchObject({ name: "Nina New", role: "EDITOR", active: true });
    const signIns = await server.gql(
      `mutation { login(email: "new.editor@example.test", password: "a-long-enough-password") { token } }`,
      {},
      null,
    );
    expect(signIns.data?.login.token).toBeTruthy();

    // Change the role and disable the account.
    await openRoute(admin, server.adminUrl, `curators/${(await created()).id}`);
    await eventually(async () => expect(await admin.locator('input[name="name"]').inputValue()).toBe("Nina New"));
    await pickSelect(admin, "role", "Viewer");
    await admin.locator('input[name="active"]').uncheck();
    await admin.getByRole("button", { name: "Save" }).click();
    await expectNotification(admin, /updated/i);
    await eventually(async () => expect(await created()).toMatchObject({ role: "VIEWER", active: false }));
    await list.getByText("new.editor@example.test", { exact: true }).waitFor();
    await screenshot(admin, "12-admin-curators");
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
