import fs from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page, Request } from "playwright-core";
import { createProgram, type AdminServer } from "../support/admin-server";
import { closeAdminSession, openAdminSession, type AdminSession } from "../support/admin-session";
import {
  cspViolations,
  eventually,
  expectNotification,
  openRoute,
  ROW,
  rowTexts,
  screenshot,
} from "../support/browser";

jest.setTimeout(240_000);

const STATE = `query($slug: String) { program(slug: $slug) { id status version } }`;

/** A list opened on one search, from a clean slate (react-admin remembers a list's last parameters). */
const listUrl = (search: string) =>
  `programs?filter=${encodeURIComponent(JSON.stringify({ q: search }))}&sort=title&order=ASC&page=1&perPage=25`;

/** Reads of the program list itself (not look-ups of some rows by id) that the page sends from now on. */
function listReads(page: Page): { count: () => number; stop: () => void } {
  let count = 0;
  const seen = (request: Request) => {
    if (!request.url().endsWith("/graphql") || request.method() !== "POST") return;
    const body = JSON.parse(request.postData() ?? "{}");
    if (body.operationName === "ProgramList" && !body.variables?.filter?.ids) count++;
  };
  page.on("request", seen);
  return { count: () => count, stop: () => page.off("request", seen) };
}

describe("the program list (editor, in Chromium): bulk actions, page sizes, CSV export", () => {
  let server: AdminServer;
  let page: Page;
  const state = async (slug: string) => (await server.gql(STATE, { slug }, "editor")).data!.program;
  const draft = (slug: string, title: string) => createProgram(server, { slug, title, status: "DRAFT" });
  const row = (title: string) => page.locator(ROW, { hasText: title });
  const checkbox = (title: string) => row(title).locator('input[type="checkbox"]');

  let session: AdminSession | undefined;
  beforeAll(async () => {
    session = await openAdminSession("editor");
    ({ server, page } = session);
  });
  afterAll(() => closeAdminSession(session));

  it("bulk publish of a draft and a stale version: 1 published, 1 conflict, and the database agrees", async () => {
    await draft("synthetic-bulk-alpha", "Synthetic Bulk Alpha Observership");
    const beta = await draft("synthetic-bulk-beta", "Synthetic Bulk Beta Observership");
    await openRoute(page, server.adminUrl, listUrl("Synthetic Bulk"));
    await eventually(async () => expect(await rowTexts(page)).toHaveLength(2));
    await checkbox("Alpha").check();
    await checkbox("Beta").check();

    // Someone else saves Beta meanwhile: the version on screen is stale.
    const edited = await server.gql(
      `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { sourceNote: "Edited elsewhere" }) { version } }`,
      { id: beta.id, v: beta.version },
      "admin",
    );
    expect(edited.errors).toBeUndefined();

    const reads = listReads(page);
    await page.getByTestId("bulk-publish").click();
    const notice = page.getByRole("alert").filter({ hasText: "1 published, 1 failed" });
    await notice.waitFor();
    expect(await notice.innerText()).toContain(
      "1 published, 1 failed: Synthetic Bulk Beta Observership (changed by someone else since the list was loaded",
    );
    await screenshot(page, "22-bulk-result");

    // The database agrees: Alpha published (with its audit entry), Beta still the draft someone else saved.
    expect(await state("synthetic-bulk-alpha")).toMatchObject({ status: "PUBLISHED", version: 2 });
    expect(await state("synthetic-bulk-beta")).toMatchObject({ status: "DRAFT", version: 2 });
    const log = await server.gql(
      `query($id: ID!) { auditLog(filter: { entityType: "Program", entityId: $id }) { edges { node { action actor { email } } } } }`,
      { id: (await state("synthetic-bulk-alpha")).id },
    );
    expect(log.data.auditLog.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
      "PUBLISH",
      "CREATE",
    ]);

    // Exactly those rows changed on screen, without reading the list again; the refused one stays selected.
    await eventually(async () => expect(await row("Alpha").getByTestId("status").innerText()).toBe("Published"));
    expect(await row("Beta").getByTestId("status").innerText()).toBe("Draft");
    expect(await checkbox("Alpha").isChecked()).toBe(false);
    expect(await checkbox("Beta").isChecked()).toBe(true);
    expect(reads.count()).toBe(0);
    reads.stop();

    // Its row now holds the version just read: trying again publishes it.
    await page.getByTestId("bulk-publish").click();
    await expectNotification(page, /^1 published$/);
    expect(await state("synthetic-bulk-beta")).toMatchObject({ status: "PUBLISHED", version: 3 });
  });

  it("unpublishes and archives in bulk, saying how many", async () => {
    await openRoute(page, server.adminUrl, listUrl("Synthetic Bulk"));
    await eventually(async () => expect(await rowTexts(page)).toHaveLength(2));
    await checkbox("Alpha").check();
    await checkbox("Beta").check();
    await page.getByTestId("bulk-unpublish").click();
    await expectNotification(page, "2 unpublished");
    await eventually(async () => expect(await row("Beta").getByTestId("status").innerText()).toBe("Draft"));

    await checkbox("Alpha").check();
    await checkbox("Beta").check();
    await page.getByTestId("bulk-archive").click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
    await expectNotification(page, "2 archived");
    for (const slug of ["synthetic-bulk-alpha", "synthetic-bulk-beta"])
      expect(await state(slug)).toMatchObject({ status: "ARCHIVED" });
  });

  it("offers pages of 10, 25, 50 and 100 rows", async () => {
    await openRoute(page, server.adminUrl, listUrl(""));
    await eventually(async () => expect((await rowTexts(page)).length).toBeGreaterThan(10));
    await page.getByRole("combobox", { name: /rows per page/i }).click();
    expect(await page.getByRole("listbox").getByRole("option").allInnerTexts()).toEqual(["10", "25", "50", "100"]);
    await page.getByRole("option", { name: "10", exact: true }).click();
    await eventually(async () => expect(await rowTexts(page)).toHaveLength(10));
    expect(page.url()).toContain("perPage=10");
  });

  it("exports what the list shows, with names, as CSV", async () => {
    await openRoute(page, server.adminUrl, listUrl("Mayo"));
    await eventually(async () => {
      const rows = await rowTexts(page); // until the list on screen is the searched one
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.every((r) => r.includes("Mayo"))).toBe(true);
    });
    const shown = await rowTexts(page);
    const headers = (await page.locator("thead th").allInnerTexts()).map((h) => h.trim()).filter(Boolean);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Programs.csv");
    const rows: string[][] = parse(fs.readFileSync((await download.path())!, "utf8"));
    const [header, ...data] = rows;
    expect(header).toEqual(headers); // the list's columns, in its order, once each
    expect(new Set(header).size).toBe(header.length);
    expect(header).not.toContain("requirements");
    expect(header).not.toContain("specialtyIds");
    expect(data).toHaveLength(shown.length);
    // Names and labels, as on screen: every exported row's title, institution and type appear in its row.
    data.forEach(([title, institution, type, status, country], i) => {
      expect(shown[i]).toContain(title);
      expect(shown[i]).toContain(institution);
      expect(shown[i]).toContain(type);
      expect(shown[i]).toContain(status);
      expect(shown[i]).toContain(country);
    });
    expect(data.some(([, institution]) => institution === "Mayo Clinic")).toBe(true);
    expect(data.every(([, , type]) => !/^[A-Z_]+$/.test(type))).toBe(true);
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
