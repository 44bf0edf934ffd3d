import type { Browser } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import { cspViolations, launchBrowser, newPage, screenshot } from "../support/browser";

jest.setTimeout(180_000);

describe("the admin in a browser, signed out", () => {
  let server: AdminServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAdminServer({ curators: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("sends a visitor to the sign-in form, which asks for an email and a password", async () => {
    const page = await newPage(browser);
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400 && r.url().includes("/admin/")) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(server.adminUrl);
    await page.locator('input[name="username"]').waitFor();
    expect(page.url()).toMatch(/\/admin\/#\/login$/);
    await expect(page.getByLabel("Email").count()).resolves.toBe(1);
    await expect(page.locator('input[name="password"][type="password"]').count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: /sign in/i }).count()).resolves.toBe(1);
    expect(await page.title()).toContain("IMG Program Directory");
    expect(failed).toEqual([]);
    await screenshot(page, "01-login");
  });

  it("refuses unknown credentials with a message and stays on the sign-in form", async () => {
    const page = await newPage(browser);
    await page.goto(server.adminUrl);
    await page.locator('input[name="username"]').fill("nobody@example.test");
    await page.locator('input[name="password"]').fill("not-a-password");
    await page.locator('button[type="submit"]').click();
    // The admin introspected the API and sent `login`; whatever the server says is shown.
    const alert = page.getByRole("alert").first();
    await alert.waitFor();
    expect((await alert.innerText()).trim().length).toBeGreaterThan(0);
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.evaluate(() => (globalThis as any).localStorage.getItem("directory.admin.session"))).toBeNull();
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
