import type { Browser, Page } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import {
  cspViolations,
  eventually,
  expectNotification,
  launchBrowser,
  newPage,
  openRoute,
  pickAutocomplete,
  pickSelect,
  ROW,
  rowTexts,
  screenshot,
  signIn,
} from "../support/browser";

jest.setTimeout(240_000);

const MAYO_FELLOWSHIP = "mayo-clinic-fellowships-for-imgs";
const PROGRAM = `query($slug: String) { program(slug: $slug) {
  id title status version description lastVerifiedAt verifiedBy { email }
  requirements { level minimumScore note requirement { code } }
} }`;

describe("curating in the admin (editor, in Chromium)", () => {
  let server: AdminServer;
  let browser: Browser;
  let page: Page;
  const programBySlug = async (slug: string) => (await server.gql(PROGRAM, { slug }, "editor")).data!.program;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in and lands on the dashboard: counts, the review queue, recent changes", async () => {
    // A change an editor may see in the history (entries about curator accounts are for ADMINs only).
    const created = await server.gql(
      `mutation { createSpecialty(input: { slug: "dashboard-check", name: "Dashboard check" }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    await signIn(page, server.adminUrl, server.curators.editor);
    await page
      .getByTestId("counts-ListingStatus")
      .getByText(/Published: \d+/)
      .waitFor();
    const queue = page.getByTestId("due-for-review");
    await queue.getByRole("link").first().waitFor();
    // Every sample record starts unverified: all are due (programs, institutions, pathways and
    // requirements alike), never-verified first, ten on the dashboard.
    const due = (await server.gql(`query { reviewQueue(first: 1) { totalCount } }`)).data!.reviewQueue.totalCount;
    const programsDue = (await server.gql(`query { programsDueForReview(first: 1) { totalCount } }`)).data!
      .programsDueForReview.totalCount;
    expect(due).toBeGreaterThan(programsDue);
    await page.getByText(`Due for review (${due})`).waitFor();
    expect(await queue.getByRole("link").count()).toBe(10);
    await page
      .getByTestId("recent-changes")
      .getByText(/Created: (Specialty\b|Dashboard check)/)
      .first()
      .waitFor();
    expect(
      await page
        .getByTestId("recent-changes")
        .getByText(/Curator/)
        .count(),
    ).toBe(0);
    await screenshot(page, "02-dashboard");

    // The whole queue opens as the program list filtered on dueForReview, oldest first.
    await page.getByRole("link", { name: "Open the review queue" }).click();
    await page.waitForURL(/#\/programs\?/);
    expect(decodeURIComponent(page.url())).toContain('"dueForReview":true');
    // The link opens the programs among them (the list of programs filtered to those due).
    await eventually(async () => expect((await rowTexts(page)).length).toBe(programsDue));
  });

  it("finds a program by search", async () => {
    await openRoute(page, server.adminUrl, `programs?filter=${encodeURIComponent("{}")}`);
    await page.locator(ROW).first().waitFor();
    await page.locator('input[name="q"]').fill("Mayo");
    await eventually(async () => {
      const rows = await rowTexts(page);
      expect(rows.some((r) => r.includes("Mayo Clinic fellowships for international medical graduates"))).toBe(true);
      expect(rows.some((r) => r.includes("University of Toronto fellowships"))).toBe(false);
    });
    await screenshot(page, "03-programs-search");
  });

  it("finds programs by filter (type: observership)", async () => {
    // react-admin remembers the last list parameters: start from no filter at all
    await openRoute(page, server.adminUrl, "");
    await page.getByTestId("dashboard").waitFor();
    await openRoute(page, server.adminUrl, `programs?filter=${encodeURIComponent("{}")}`);
    await page.locator(ROW).first().waitFor();
    const search = page.locator('input[name="q"]');
    if (await search.inputValue()) await search.fill("");
    await eventually(async () => expect((await rowTexts(page)).length).toBeGreaterThan(2));
    await page.getByRole("button", { name: "Add filter" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Type" }).click();
    await pickSelect(page, "type", "Observership");
    await page.keyboard.press("Escape");
    await eventually(async () => {
      const rows = await rowTexts(page);
      expect(rows.length).toBe(2);
      expect(rows.every((r) => r.includes("Observership"))).toBe(true);
    });
    expect(decodeURIComponent(page.url())).toContain('"type":["OBSERVERSHIP"]');
    await screenshot(page, "04-programs-filter");
  });

  it("sorts programs by institution, both ways (ProgramOrder INSTITUTION)", async () => {
    await openRoute(page, server.adminUrl, `programs?filter=${encodeURIComponent("{}")}&sort=title&order=ASC`);
    await eventually(async () => expect((await rowTexts(page)).length).toBeGreaterThan(10));
    const institutionOfRows = async () => page.locator(`${ROW} td.column-institution\\.name`).allInnerTexts();
    await page.getByRole("columnheader", { name: "Institution" }).getByRole("button").click();
    await eventually(async () => {
      const names = await institutionOfRows();
      // A to Z, listings without an institution ("—") last.
      expect(names[0]).toBe("Cleveland Clinic");
      const named = names.filter((n) => n !== "—");
      expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b)));
      expect(names.slice(named.length).every((n) => n === "—")).toBe(true);
    });
    expect(page.url()).toMatch(/sort=institution\.name/);
    await page.getByRole("columnheader", { name: "Institution" }).getByRole("button").click();
    await eventually(async () => expect(page.url()).toMatch(/order=DESC/));
    await eventually(async () => {
      const names = await institutionOfRows();
      expect(names.filter((n) => n !== "—")[0]).toBe("University of Toronto");
    });
  });

  it("edits a title and a requirement, and the API returns the change", async () => {
    const before = await programBySlug(MAYO_FELLOWSHIP);
    await openRoute(page, server.adminUrl, `programs/${before.id}`);
    const title = page.locator('input[name="title"]');
    await eventually(async () => expect(await title.inputValue()).toBe(before.title));
    await title.fill("Mayo Clinic fellowships for IMGs (checked by the admin test)");
    await page.getByRole("tab", { name: "Requirements" }).click();
    // The rows are in the API's order; a minimum score belongs on a scored exam (Step 1 is pass/fail).
    const row = Math.max(
      0,
      before.requirements.findIndex((r: any) => r.requirement.code === "USMLE_STEP_2_CK"),
    );
    await page.locator(`input[name="requirements.${row}.minimumScore"]`).fill("230");
    await page.locator(`input[name="requirements.${row}.note"]`).fill("Score asked by the admin test");
    await screenshot(page, "05-program-edit-requirements");
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /updated/i);
    await page.waitForURL(/#\/programs(\?.*)?$/); // saved: back to the list, no "unsaved changes" prompt

    const after = await programBySlug(MAYO_FELLOWSHIP);
    expect(after.title).toBe("Mayo Clinic fellowships for IMGs (checked by the admin test)");
    expect(after.version).toBeGreaterThan(before.version);
    const codes = (p: typeof before) => p.requirements.map((r: any) => r.requirement.code).sort();
    expect(codes(after)).toEqual(codes(before)); // the whole list was sent, nothing dropped
    expect(after.requirements).toContainEqual(
      expect.objectContaining({ minimumScore: 230, note: "Score asked by the admin test" }),
    );
  });

  it("creates a program with requirements", async () => {
    await openRoute(page, server.adminUrl, "programs/create");
    await page.locator('input[name="title"]').fill("Synthetic Admin Test Residency");
    await pickSelect(page, "country", "United States"); // no institution to take it from
    await eventually(async () =>
      expect(await page.locator('input[name="slug"]').inputValue()).toBe("synthetic-admin-test-residency"),
    );
    await page.getByRole("tab", { name: "Requirements" }).click();
    await page.getByRole("button", { name: "Add" }).click();
    await pickAutocomplete(page, "requirements.0.requirementId", "USMLE Step 1", /USMLE_STEP_1/);
    await page.getByRole("button", { name: "Add" }).click();
    await pickAutocomplete(page, "requirements.1.requirementId", "ECFMG", /ECFMG_CERTIFICATION/);
    await pickSelect(page, "requirements.1.level", "Recommended");
    // A listing is published only with a source (a URL or a note).
    await page.getByRole("tab", { name: "Provenance" }).click();
    await page.locator('textarea[name="sourceNote"]').fill("Synthetic listing made by the admin test");
    await screenshot(page, "06-program-create");
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /created/i);
    await page.waitForURL(/#\/programs\/[^/]+$/);

    const created = await programBySlug("synthetic-admin-test-residency");
    expect(created.status).toBe("DRAFT");
    expect(created.requirements.map((r: any) => [r.requirement.code, r.level]).sort()).toEqual([
      ["ECFMG_CERTIFICATION", "RECOMMENDED"],
      ["USMLE_STEP_1", "REQUIRED"],
    ]);
  });

  it("publishes and marks verified", async () => {
    const draft = await programBySlug("synthetic-admin-test-residency");
    await openRoute(page, server.adminUrl, `programs/${draft.id}`);
    await page.getByTestId("publish").click();
    await expectNotification(page, "Published");
    await eventually(async () =>
      expect((await programBySlug("synthetic-admin-test-residency")).status).toBe("PUBLISHED"),
    );
    await page.getByTestId("unpublish").waitFor(); // the record on screen reloaded with its new version

    await page.getByRole("tab", { name: "Provenance" }).click();
    await page.getByTestId("verify-note").fill("Checked against the source article");
    await page.getByTestId("verify").click();
    await expectNotification(page, /verified/i);
    await eventually(async () => expect(await page.getByTestId("last-verified").innerText()).toMatch(/Last verified/));
    await screenshot(page, "07-program-verified");
    const verified = await programBySlug("synthetic-admin-test-residency");
    expect(verified.lastVerifiedAt).not.toBeNull();
    expect(verified.verifiedBy.email).toBe(server.curators.editor.email);
  });

  it("shows server validation errors on the fields they name, keeping the input", async () => {
    await openRoute(page, server.adminUrl, "programs/create");
    await page.locator('input[name="title"]').fill("Synthetic Validation Test Observership");
    await pickSelect(page, "country", "United States");
    const slug = page.locator('input[name="slug"]');
    await slug.fill(MAYO_FELLOWSHIP); // taken: only the server knows
    await page.getByRole("button", { name: "Save" }).click();
    const slugField = page.locator(".MuiFormControl-root", { has: slug });
    await eventually(async () =>
      expect(await slugField.innerText()).toContain(`already has the slug '${MAYO_FELLOWSHIP}'`),
    );
    await expectNotification(page, /some fields need attention/);
    expect(await page.locator('input[name="title"]').inputValue()).toBe("Synthetic Validation Test Observership");
    await screenshot(page, "13-server-validation");

    // A rule across fields, on another tab: a fee needs its currency (in the form's words).
    await slug.fill("synthetic-validation-test-observership");
    await page.getByRole("tab", { name: "Application" }).click();
    await page.locator('input[name="applicationFeeCents"]').fill("150");
    await page.getByRole("button", { name: "Save" }).click();
    const currency = page.locator(".MuiFormControl-root", { has: page.locator('input[name="feeCurrency"]') });
    await eventually(async () =>
      expect(await currency.innerText()).toContain("Fee currency is required when a fee is given"),
    );
    await pickSelect(page, "feeCurrency", "US dollar");
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /created/i);
    await page.waitForURL(/#\/programs\/[^/]+$/);
    const created = (
      await server.gql(
        `query { program(slug: "synthetic-validation-test-observership") { applicationFeeCents feeCurrency } }`,
      )
    ).data!.program;
    expect(created).toEqual({ applicationFeeCents: 15000, feeCurrency: "USD" });
  });

  it("shows every tab of a program's edit view", async () => {
    const program = await programBySlug(MAYO_FELLOWSHIP);
    await openRoute(page, server.adminUrl, `programs/${program.id}`);
    await eventually(async () => expect(await page.locator('input[name="title"]').inputValue()).toBe(program.title));
    await screenshot(page, "14-program-edit-overview");
    await page.getByRole("tab", { name: "Requirements" }).click();
    await page.locator('input[name="requirements.0.note"]').waitFor();
    await page.getByRole("tab", { name: "Application" }).click();
    await page.locator('input[name="applicationOpensOn"]').waitFor();
    await screenshot(page, "15-program-edit-application");
    await page.getByRole("tab", { name: "Provenance" }).click();
    await page.getByTestId("verify-panel").waitFor();
    await screenshot(page, "16-program-edit-provenance");
  });

  it("undoes a change (and every later one) from the History tab", async () => {
    const created = await server.gql(
      `mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`,
      {
        input: {
          slug: "synthetic-revert-program",
          title: "Synthetic Revert Program",
          type: "OBSERVERSHIP",
          audience: "STUDENT",
          country: "US",
          status: "DRAFT",
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createProgram;
    let version: number = created.data.createProgram.version;
    const update = async (input: Record<string, unknown>) => {
      const r = await server.gql(
        `mutation($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version } }`,
        { id, version, input },
      );
      expect(r.errors).toBeUndefined();
      version = r.data.updateProgram.version;
    };
    await update({ title: "Synthetic Revert Program (renamed)" });
    await update({ sourceNote: "A note added after the rename" });

    await openRoute(page, server.adminUrl, `programs/${id}/history`);
    const history = page.getByTestId("history");
    const createdRow = history.locator(ROW, { hasText: "Created" });
    const renameRow = history.locator(ROW, { hasText: "Synthetic Revert Program (renamed)" });
    await createdRow.waitFor();
    await renameRow.waitFor();
    await eventually(async () => expect(await history.locator(ROW).count()).toBe(3));
    // The server cannot go back to before a creation: no undo there.
    expect(await createdRow.getByTestId("revert").count()).toBe(0);
    await screenshot(page, "08-program-history");

    // Undoing the rename restores the record as it was before it: the later note goes too.
    await renameRow.getByTestId("revert").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Restore to before this change?").waitFor();
    expect(await dialog.innerText()).toMatch(/this change and every later one are undone/);
    await dialog.getByRole("button", { name: "Undo" }).click();
    await expectNotification(page, /Reverted/);
    await eventually(async () => {
      const p = (await server.gql(`query($id: ID) { program(id: $id) { title sourceNote } }`, { id })).data!.program;
      expect(p).toEqual({ title: "Synthetic Revert Program", sourceNote: null });
    });
    await history.locator(ROW, { hasText: "Reverted" }).first().waitFor();
    await eventually(async () =>
      expect(await page.locator('input[name="title"]').inputValue()).toBe("Synthetic Revert Program"),
    );
    await screenshot(page, "17-program-history-reverted");

    // The same entries in the history of the whole directory, filtered by record type and action.
    await openRoute(
      page,
      server.adminUrl,
      `audit?filter=${encodeURIComponent(JSON.stringify({ entityType: "Program", action: ["REVERT"] }))}`,
    );
    const audit = page.getByTestId("audit");
    await audit.locator(ROW, { hasText: "Program: Synthetic Revert Program" }).waitFor();
    expect(await audit.locator(ROW).count()).toBe(1);
    await screenshot(page, "21-audit");
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
