/**
 * A curator picks a day and the admin keeps it, whatever the time zones: for each of
 * America/Los_Angeles and Asia/Kolkata, a server runs in a child process with TZ set to it and
 * Chromium runs in the same zone (the context's timezoneId). An admin enters 2027-03-01 and
 * 2027-03-31 in the program form's date inputs; the show view, the form opened again and the API
 * give back those days.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildAdmin } from "../support/admin-server";
import { httpGql } from "../support/auth";
import {
  eventually,
  expectNotification,
  launchBrowser,
  openRoute,
  screenshot,
  signIn,
  UI_TIMEOUT,
} from "../support/browser";
import { startChildServer, type ChildServer } from "../support/child-server";
import { createTestDatabase, type TestDatabase } from "../support/db";

jest.setTimeout(240_000);

const ZONES = ["America/Los_Angeles", "Asia/Kolkata"] as const;
const ADMIN = { email: "dates-admin@example.test", password: "dates-admin-password-1234" };

describe.each(ZONES)("application days in the admin, server and browser in %s", (zone) => {
  let db: TestDatabase;
  let server: ChildServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  let snapshotDir: string;

  beforeAll(async () => {
    buildAdmin();
    db = await createTestDatabase();
    snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), "dates-snapshots-"));
    server = await startChildServer({
      TZ: zone,
      DATABASE_URL: db.config.kind === "sqlite" ? `sqlite:${db.config.path}` : db.config.url,
      DIRECTORY_ADMIN_EMAIL: ADMIN.email,
      DIRECTORY_ADMIN_PASSWORD: ADMIN.password,
      SNAPSHOT_DIR: snapshotDir,
    });
    const login = await httpGql(
      server.url,
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      {
        e: ADMIN.email,
        p: ADMIN.password,
      },
    );
    token = login.data!.login.token;
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: "en-US",
      timezoneId: zone,
    });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      server.proc.kill("SIGTERM");
      await server.exited;
    }
    await db?.drop();
    if (snapshotDir) fs.rmSync(snapshotDir, { recursive: true, force: true });
  });

  it("enters 2027-03-01 and reads back 2027-03-01 in the show view, the form and the API", async () => {
    // The browser really is in the zone: its local midnight of 1 March is not UTC's.
    const offset = await page.evaluate(() => new Date(2027, 2, 1).getTimezoneOffset());
    expect(offset).toBe(zone === "America/Los_Angeles" ? 480 : -330);

    const adminUrl = `${server.url}/admin/`;
    const created = await httpGql(
      server.url,
      `mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`,
      {
        input: {
          slug: "synthetic-date-entry",
          title: "Synthetic date entry",
          type: "OBSERVERSHIP",
          audience: "GRADUATE",
          country: "US",
        },
      },
      token,
    );
    const id: string = created.data!.createProgram.id;

    await signIn(page, adminUrl, ADMIN);
    await openRoute(page, adminUrl, `programs/${id}`);
    await page.getByRole("tab", { name: "Application" }).click();
    const opens = page.locator('input[name="applicationOpensOn"]');
    expect(await opens.getAttribute("type")).toBe("date"); // a day, not a date and time
    await opens.fill("2027-03-01");
    await page.locator('input[name="applicationClosesOn"]').fill("2027-03-31");
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /updated/i);

    const api = await httpGql(
      server.url,
      `query($id: ID!) { program(id: $id) { applicationOpensOn applicationClosesOn } }`,
      { id },
      token,
    );
    expect(api.data!.program).toEqual({ applicationOpensOn: "2027-03-01", applicationClosesOn: "2027-03-31" });

    await openRoute(page, adminUrl, `programs/${id}/show`);
    await page.getByRole("tab", { name: "Application" }).click();
    await eventually(async () => {
      const text = await page.locator("main").innerText();
      expect(text).toMatch(/Mar 1, 2027/);
      expect(text).toMatch(/Mar 31, 2027/);
      expect(text).not.toMatch(/Feb 28, 2027|Mar 2, 2027|Mar 30, 2027|Apr 1, 2027/);
    });
    await screenshot(page, `dates-show-${zone.replace("/", "-")}`);

    await openRoute(page, adminUrl, `programs/${id}`);
    await page.getByRole("tab", { name: "Application" }).click();
    await eventually(async () =>
      expect(await page.locator('input[name="applicationOpensOn"]').inputValue()).toBe("2027-03-01"),
    );
    expect(await page.locator('input[name="applicationClosesOn"]').inputValue()).toBe("2027-03-31");
  });
});
