import type { Browser } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import {
  cspViolations,
  eventually,
  expectNotification,
  launchBrowser,
  newPage,
  openRoute,
  screenshot,
  signIn,
} from "../support/browser";

jest.setTimeout(240_000);

const SLUG = "mayo-clinic-clinical-electives-for-ims";

describe("two curators editing the same program", () => {
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

  it("shows the conflict to the second saver, keeps their input, and saves both after a reload", async () => {
    const read = async () =>
      (
        await server.gql(`query($slug: String) { program(slug: $slug) { id title description version } }`, {
          slug: SLUG,
        })
      ).data!.program;
    const original = await read();
    const [a, b] = [await newPage(browser), await newPage(browser)]; // two contexts: two sessions
    await signIn(a, server.adminUrl, server.curators.editor);
    await signIn(b, server.adminUrl, server.curators.admin);
    for (const page of [a, b]) {
      await openRoute(page, server.adminUrl, `programs/${original.id}`);
      await eventually(async () => expect(await page.locator('input[name="title"]').inputValue()).toBe(original.title));
    }

    await a.locator('input[name="title"]').fill("Title saved first, by A");
    await a.getByRole("button", { name: "Save" }).click();
    await expectNotification(a, /updated/i);

    const description = b.locator('textarea[name="description"]');
    await description.fill("Description typed by B while A saved");
    await b.getByRole("button", { name: "Save" }).click();
    const banner = b.getByTestId("conflict");
    await banner.waitFor();
    expect(await banner.innerText()).toContain("This record changed since you opened it");
    expect(await description.inputValue()).toBe("Description typed by B while A saved"); // nothing lost
    await screenshot(b, "09-conflict");
    expect((await read()).description).toBe(original.description); // the stale save changed nothing

    await b.getByTestId("conflict-reload").click();
    await banner.waitFor({ state: "hidden" });
    await eventually(async () =>
      expect(await b.locator('input[name="title"]').inputValue()).toBe("Title saved first, by A"),
    );
    expect(await description.inputValue()).toBe("Description typed by B while A saved");
    await b.getByRole("button", { name: "Save" }).click();
    await expectNotification(b, /updated/i);
    await b.waitForURL(new RegExp(`#/programs/${original.id}/show$`)); // opened from the dashboard, not a list

    const saved = await read();
    expect(saved.title).toBe("Title saved first, by A");
    expect(saved.description).toBe("Description typed by B while A saved");
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
