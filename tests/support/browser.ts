import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium (CHROMIUM_PATH overrides): a test tool's own browser download cannot work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const SCREENSHOTS = path.resolve(__dirname, "..", "..", "test-output", "screenshots");

/** Generous: the CI machine is small and runs several test files at once. */
export const UI_TIMEOUT = 45_000;

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Console errors and uncaught page errors of every page this test file opened. */
const consoleErrors: string[] = [];

/** Reports Content-Security-Policy violations to the console even where Chromium would not log them. */
const REPORT_CSP_VIOLATIONS = `document.addEventListener("securitypolicyviolation", (e) =>
  console.error("Content Security Policy violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline code")));`;

/** A page in its own context (own localStorage, so its own session), English, a desktop viewport. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
  await context.addInitScript(REPORT_CSP_VIOLATIONS);
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  page.setDefaultNavigationTimeout(UI_TIMEOUT);
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => {
    consoleErrors.push(`page error: ${e.message}`);
    console.warn(`[browser] page error: ${e.message}`);
  });
  return page;
}

/** Console errors so far that come from the Content-Security-Policy (the admin must need no exception). */
export function cspViolations(): string[] {
  return consoleErrors.filter((m) => /Content[- ]Security[- ]Policy/i.test(m));
}

/** Saves a screenshot for reviewers under test-output/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, adminUrl: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(adminUrl);
  await page.locator('input[name="username"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId("dashboard").waitFor();
}

/** Goes to a route of the hash router, e.g. "programs" or "programs/3". */
export async function openRoute(page: Page, adminUrl: string, route: string): Promise<void> {
  await page.goto(`${adminUrl}#/${route}`);
}

/** Waits for react-admin's success notification. */
export async function expectNotification(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("alert").filter({ hasText: text }).first().waitFor();
}

/**
 * Clicks the form's Save and waits for this save's own answer from the API, then for `notice`.
 * The notice alone is not enough: the previous save's "updated" notice may still be on screen, and
 * a read made then races the save.
 */
export async function saveForm(page: Page, notice: string | RegExp = /updated|created/i): Promise<void> {
  const answered = page.waitForResponse(
    (r) => r.url().includes("/graphql") && /"operationName":"(Create|Update)\w*"/.test(r.request().postData() ?? ""),
  );
  await page.getByRole("button", { name: "Save" }).click();
  await answered;
  await expectNotification(page, notice);
}

/** Retries `check` (an assertion) until it passes or the time is up; UI updates arrive asynchronously. */
export async function eventually<T>(check: () => Promise<T> | T, timeout = UI_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** A body row of react-admin's Datagrid (its header row has the same class). */
export const ROW = "tbody .RaDatagrid-row";

/** The text of every row of the list on screen. */
export async function rowTexts(page: Page): Promise<string[]> {
  return page.locator(ROW).allInnerTexts();
}

/** Picks an option of an autocomplete input (by its form field name): types to filter, then clicks the option. */
export async function pickAutocomplete(
  page: Page,
  name: string,
  typed: string,
  option: string | RegExp,
): Promise<void> {
  const input = page.locator(`input[name="${name}"]`);
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

/** Picks an option of a (MUI) select input, found by its form field name. */
export async function pickSelect(page: Page, name: string, option: string | RegExp): Promise<void> {
  await page.locator(`.MuiInputBase-root:has(input[name="${name}"]) [role="combobox"]`).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** What `countNavigations` counts, read from the page. */
export interface NavigationCount {
  pushState: number;
  replaceState: number;
  hashchange: number;
}

/** Runs before the page's own scripts (a string: the test code is compiled without the DOM's types). */
const COUNT_NAVIGATIONS = `(() => {
  const count = { pushState: 0, replaceState: 0, hashchange: 0 };
  globalThis.__navigations = count;
  for (const method of ["pushState", "replaceState"]) {
    const original = history[method].bind(history);
    history[method] = (...args) => {
      count[method]++;
      return original(...args);
    };
  }
  addEventListener("hashchange", () => count.hashchange++);
})();`;

/**
 * Counts the page's history changes from its first script on: every `history.pushState` and
 * `replaceState` call and every `hashchange` event. A redirect that fights the router shows as
 * hundreds of calls however fast the machine is. Call before `goto`; the counts restart on each load.
 */
export async function countNavigations(page: Page): Promise<() => Promise<NavigationCount>> {
  await page.addInitScript(COUNT_NAVIGATIONS);
  return () =>
    page.evaluate(() => ({ ...(globalThis as unknown as { __navigations: NavigationCount }).__navigations }));
}
