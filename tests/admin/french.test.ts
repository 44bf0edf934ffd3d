import type { Browser, Page } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import { launchBrowser, newPage, screenshot, UI_TIMEOUT } from "../support/browser";

jest.setTimeout(180_000);

/** A page in a fresh context whose browser prefers `locale` (navigator.languages, Accept-Language). */
async function pageIn(browser: Browser, locale: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  return page;
}

async function signInWith(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.locator('input[name="username"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId("dashboard").waitFor();
}

/** The language switcher (react-admin's LocalesMenuButton): opens it and picks `language`. */
async function switchTo(page: Page, current: string, language: string): Promise<void> {
  await page.locator('button[aria-haspopup="true"]', { hasText: current }).first().click();
  await page.getByRole("menuitem", { name: language }).click();
}

describe("the admin in French", () => {
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

  it("opens in French from a link (?lang=fr): react-admin's labels and the directory's own", async () => {
    const errors: string[] = [];
    const page = await pageIn(browser, "en-US", errors);
    await page.goto(`${server.adminUrl}?lang=fr`);
    // The sign-in form: react-admin's button, our field label and title.
    await page.getByRole("button", { name: "Connexion" }).waitFor();
    await expect(page.getByLabel("Courriel").count()).resolves.toBe(1);
    await page.getByText("Répertoire des programmes pour DHCEU").waitFor();
    await screenshot(page, "admin-fr-01-login");

    await signInWith(page, server.curators.editor);
    // The menu: our resource names; the dashboard: react-admin's menu entry and our headings.
    await page.getByRole("menuitem", { name: "Programmes" }).waitFor();
    await page.getByRole("menuitem", { name: "Établissements" }).waitFor();
    await page.getByRole("menuitem", { name: "Tableau de bord" }).waitFor();
    await page.getByText("Programmes par statut").waitFor();

    await page.getByRole("menuitem", { name: "Programmes" }).click();
    await page.locator("tbody .RaDatagrid-row").first().waitFor();
    // react-admin's own buttons (ra-language-french) and our column labels and enum names.
    await page.getByRole("link", { name: "Créer" }).waitFor();
    await page.getByRole("button", { name: "Exporter" }).waitFor();
    await page.getByRole("columnheader", { name: "Titre" }).waitFor();
    await page.getByRole("columnheader", { name: "Établissement" }).waitFor();
    await expect(page.getByText("Publiée").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText("Programs", { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, "admin-fr-02-programs");
    expect(errors).toEqual([]);
  });

  it("starts in French for a browser that prefers French (fr-CA), and in English for one that does not", async () => {
    const errors: string[] = [];
    const french = await pageIn(browser, "fr-CA", errors);
    await french.goto(server.adminUrl);
    await french.getByRole("button", { name: "Connexion" }).waitFor();
    await expect(french.getByLabel("Courriel").count()).resolves.toBe(1);

    const english = await newPage(browser);
    await english.goto(server.adminUrl);
    await english.getByRole("button", { name: /sign in/i }).waitFor();
    await expect(english.getByLabel("Email").count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it("switches language with the menu and remembers the choice on the next visit", async () => {
    const errors: string[] = [];
    const page = await pageIn(browser, "en-US", errors);
    await page.goto(server.adminUrl);
    await page.getByRole("button", { name: /sign in/i }).waitFor();
    await switchTo(page, "English", "Français");
    await page.getByRole("button", { name: "Connexion" }).waitFor();

    await signInWith(page, server.curators.viewer);
    await page.getByRole("menuitem", { name: "Programmes" }).waitFor();
    // Remembered: a new visit (no language in the address) starts in French.
    await page.goto(`${server.adminUrl}#/institutions`);
    await page.getByRole("menuitem", { name: "Établissements" }).waitFor();
    await page.getByRole("columnheader", { name: "Nom" }).waitFor();

    // And back to English from the app bar's switcher, remembered too.
    await switchTo(page, "Français", "English");
    await page.getByRole("menuitem", { name: "Institutions" }).waitFor();
    await page.reload();
    await page.getByRole("columnheader", { name: "Name" }).waitFor();
    await expect(page.getByRole("menuitem", { name: "Établissements" }).count()).resolves.toBe(0);

    // A link's language wins over the remembered one, in the hash router's query too.
    await page.goto(`${server.adminUrl}#/programs?locale=fr`);
    await page.getByRole("columnheader", { name: "Titre" }).waitFor();
    expect(errors).toEqual([]);
  });
});
