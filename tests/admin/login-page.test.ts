import type { Browser } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import { countNavigations, cspViolations, launchBrowser, newPage, screenshot } from "../support/browser";

jest.setTimeout(180_000);

describe("the admin in a browser, signed out", () => {
  let server: AdminServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAdminServer();
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

  it("reaches the sign-in form from a cold load in a handful of history changes", async () => {
    const page = await newPage(browser);
    const navigations = await countNavigations(page);
    await page.goto(server.adminUrl);
    await page.locator('input[name="username"]').waitFor();
    expect(page.url()).toMatch(/#\/login$/);
    // Counted once the form is up and again after the page settles: a redirect loop goes on after it shows.
    await page.waitForLoadState("networkidle");
    const counted = await navigations();
    // The router's start and one redirect; the loop this replaced made hundreds of pushState('#/login').
    expect(counted.pushState + counted.replaceState + counted.hashchange).toBeLessThanOrEqual(4);
    expect(counted.pushState).toBe(0);
  });

  it("keeps Back useful: the sign-in form replaces the page that sent the visitor there", async () => {
    const page = await newPage(browser);
    const before = `${server.baseUrl}/healthz`;
    await page.goto(before);
    // A deep link, signed out: the form, then Back leaves the admin instead of bouncing to the form again.
    await page.goto(`${server.adminUrl}#/programs`);
    await page.locator('input[name="username"]').waitFor();
    await page.goBack();
    expect(page.url()).toBe(before);

    // Signing in goes on to the page asked for; Back from there skips the form too.
    await page.goto(`${server.adminUrl}#/programs`);
    await page.locator('input[name="username"]').fill(server.curators.editor.email);
    await page.locator('input[name="password"]').fill(server.curators.editor.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/#\/programs$/);
    await page.locator("tbody .RaDatagrid-row").first().waitFor();
    await page.goBack();
    expect(page.url()).toBe(before);
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
