import type { Browser, Page } from "playwright-core";
import { WebhookEndpoint } from "../../server/src/modules/webhook/webhook-endpoint.entity";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import {
  ROW,
  cspViolations,
  eventually,
  expectNotification,
  launchBrowser,
  newPage,
  openRoute,
  screenshot,
  signIn,
} from "../support/browser";
import { aChange, recordChange, startReceiver, verifyStandardWebhook, type Receiver } from "../support/webhooks";

jest.setTimeout(240_000);

describe("webhooks in the admin (in Chromium)", () => {
  let server: AdminServer;
  let browser: Browser;
  let receiver: Receiver;
  let page: Page;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startAdminServer({
      env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback", WEBHOOK_POLL_INTERVAL_MS: "50" },
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    await signIn(page, server.adminUrl, server.curators.admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it("an ADMIN adds an endpoint, sees its secret once, and its delivery log offers Resend", async () => {
    await openRoute(page, server.adminUrl, "webhooks/create");
    await page.locator('input[name="url"]').fill(receiver.url);
    await page.locator('.MuiInputBase-root:has(input[name="eventTypes"]) [role="combobox"]').click();
    await page.getByRole("option", { name: "program.changed" }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Save" }).click();
    const value = page.getByTestId("webhook-secret-value");
    await value.waitFor();
    const secret = await value.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await screenshot(page, "webhook-secret");
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.getByTestId("webhooks").waitFor();
    expect(await page.locator(ROW).allInnerTexts()).toEqual([expect.stringContaining(receiver.url)]);
    // The secret is nowhere on the list (it is never answered again).
    expect(await page.content()).not.toContain(secret.slice(6));

    await recordChange(server.ds, aChange());
    const [got] = await receiver.waitForRequests(1);
    expect(verifyStandardWebhook(secret, got.headers, got.body)).toBe(true);

    await page.locator(ROW).first().click();
    const log = page.getByTestId("webhook-deliveries");
    await eventually(async () => {
      await page.reload();
      await log.waitFor({ timeout: 5000 });
      expect(await log.locator(ROW).allInnerTexts()).toEqual([
        expect.stringMatching(/program\.changed[\s\S]*Succeeded/),
      ]);
    });
    await screenshot(page, "webhook-edit");
    await log.getByRole("button", { name: "Resend" }).click();
    await expectNotification(page, "Queued to be sent again");
    const [, again] = await receiver.waitForRequests(2);
    expect(again.headers["webhook-id"]).toBe(got.headers["webhook-id"]);
    expect(cspViolations()).toEqual([]);
  });

  it("the dashboard tells ADMINs about an endpoint the server disabled; an editor sees no webhooks at all", async () => {
    const [endpoint] = await server.ds.getRepository(WebhookEndpoint).find();
    await server.ds.getRepository(WebhookEndpoint).update(endpoint.id, {
      enabled: false,
      disabledAt: new Date(),
      disabledReason: "Disabled after 18 failed attempts to deliver msg_x: the endpoint answered HTTP 500",
    });
    await page.goto(server.adminUrl);
    const notice = page.getByTestId("webhook-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toContain(receiver.url);
    expect(await notice.innerText()).toContain("answered HTTP 500");
    await screenshot(page, "webhook-dashboard-notice");

    const editor = await newPage(browser);
    await signIn(editor, server.adminUrl, server.curators.editor);
    await editor.getByTestId("recent-changes").waitFor();
    expect(await editor.getByTestId("webhook-notice").count()).toBe(0);
    expect(await editor.getByRole("menuitem", { name: "Webhooks" }).count()).toBe(0);
    expect(await page.getByRole("menuitem", { name: "Webhooks" }).count()).toBe(1);
  });
});
