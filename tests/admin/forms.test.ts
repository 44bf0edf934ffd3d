import type { Page } from "playwright-core";
import { createProgram, type AdminServer } from "../support/admin-server";
import { closeAdminSession, openAdminSession, type AdminSession } from "../support/admin-session";
import {
  cspViolations,
  eventually,
  expectNotification,
  openRoute,
  pickAutocomplete,
  pickSelect,
  ROW,
  rowTexts,
  screenshot,
} from "../support/browser";

jest.setTimeout(240_000);

const PROGRAM = `query($slug: String, $id: ID) { program(slug: $slug, id: $id) {
  id title version country region institution { name } applicationFeeCents feeCurrency durationMonths positions
  requirements { requirement { code } }
} }`;

/** The text a (MUI) select input shows, found by its form field name. */
const selectText = (page: Page, name: string) =>
  page.locator(`.MuiInputBase-root:has(input[name="${name}"]) [role="combobox"]`).innerText();
/** The helper or error text under an input, found by its form field name. */
const fieldText = (page: Page, name: string) =>
  page
    .locator(".MuiFormControl-root", { has: page.locator(`[name="${name}"]`) })
    .first()
    .innerText();

describe("forms without traps (editor, in Chromium)", () => {
  let server: AdminServer;
  let page: Page;
  const program = async (by: { slug?: string; id?: string }) => (await server.gql(PROGRAM, by, "editor")).data!.program;
  const create = (input: Record<string, unknown>) => createProgram(server, input);
  const save = async () => {
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /updated|created/i);
  };

  let session: AdminSession | undefined;
  beforeAll(async () => {
    session = await openAdminSession("editor");
    ({ server, page } = session);
  });
  afterAll(() => closeAdminSession(session));

  it("creates a program at a Canadian institution: country and region follow the institution", async () => {
    await openRoute(page, server.adminUrl, "programs/create");
    await page.locator('input[name="title"]').fill("Synthetic Toronto Form Test Fellowship");
    // No country is assumed before an institution is picked.
    expect(await page.locator('input[name="country"]').inputValue()).toBe("");
    await pickAutocomplete(page, "institutionId", "Toronto", /University of Toronto/);
    await eventually(async () => expect(await selectText(page, "country")).toBe("Canada"));
    expect(await page.locator('input[name="region"]').inputValue()).toBe("ON");
    await screenshot(page, "30-program-create-institution-place");
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /created/i);
    await page.waitForURL(/#\/programs\/\d+$/);
    const created = await program({ slug: "synthetic-toronto-form-test-fellowship" });
    expect(created).toMatchObject({ country: "CA", region: "ON", institution: { name: "University of Toronto" } });

    // On the edit form too: another institution moves the program with it (Montreal, then Rochester MN).
    await openRoute(page, server.adminUrl, `programs/${created.id}`);
    await eventually(async () => expect(await page.locator('input[name="region"]').inputValue()).toBe("ON"));
    await pickAutocomplete(page, "institutionId", "McGill", /McGill University/);
    await eventually(async () => expect(await page.locator('input[name="region"]').inputValue()).toBe("QC"));
    expect(await selectText(page, "country")).toBe("Canada");
    await pickAutocomplete(page, "institutionId", "Mayo", /Mayo Clinic/);
    await eventually(async () => expect(await selectText(page, "country")).toBe("United States"));
    expect(await page.locator('input[name="region"]').inputValue()).toBe("MN");
    await save();
    expect(await program({ id: created.id })).toMatchObject({
      country: "US",
      region: "MN",
      institution: { name: "Mayo Clinic" },
      version: 2,
    });
  });

  it("shows an unknown fee (and any unknown number) as an empty box, never 0, and saves it unknown", async () => {
    const { id } = await create({ slug: "synthetic-unknown-fee", title: "Synthetic Unknown Fee Observership" });
    expect(await program({ id })).toMatchObject({ applicationFeeCents: null, durationMonths: null, positions: null });
    await openRoute(page, server.adminUrl, `programs/${id}`);
    const title = page.locator('input[name="title"]');
    await eventually(async () => expect(await title.inputValue()).toBe("Synthetic Unknown Fee Observership"));
    expect(await page.locator('input[name="durationMonths"]').inputValue()).toBe("");
    expect(await page.locator('input[name="positions"]').inputValue()).toBe("");
    await page.getByRole("tab", { name: "Application" }).click();
    const fee = page.locator('input[name="applicationFeeCents"]');
    await fee.waitFor();
    expect(await fee.inputValue()).toBe("");
    await screenshot(page, "31-program-unknown-fee");

    // Saving another change leaves every unknown number unknown.
    await page.getByRole("tab", { name: "Overview" }).click();
    await title.fill("Synthetic Unknown Fee Observership (renamed)");
    await save();
    expect(await program({ id })).toMatchObject({
      title: "Synthetic Unknown Fee Observership (renamed)",
      applicationFeeCents: null,
      durationMonths: null,
      positions: null,
      version: 2,
    });

    // A known fee shows in units of its currency; emptying the box makes it unknown again.
    const withFee = await create({
      slug: "synthetic-known-fee",
      title: "Synthetic Known Fee Observership",
      applicationFeeCents: 9550,
      feeCurrency: "CAD",
    });
    await openRoute(page, server.adminUrl, `programs/${withFee.id}/application`);
    await eventually(async () => expect(await fee.inputValue()).toBe("95.5"));
    await fee.fill("");
    await pickSelect(page, "feeCurrency", "Canadian dollar");
    await save();
    expect((await program({ id: withFee.id })).applicationFeeCents).toBeNull();
  });

  it("words the server's refusals with the form's labels", async () => {
    await openRoute(page, server.adminUrl, "programs/create");
    await page.locator('input[name="title"]').fill("Synthetic Fee Wording Observership");
    await pickSelect(page, "country", "United States");
    await page.getByRole("tab", { name: "Application" }).click();
    await page.locator('input[name="applicationFeeCents"]').fill("75");
    await page.getByRole("button", { name: "Save" }).click();
    // The server's rule (feeNeedsCurrency), in the admin's words, on the field it names.
    await eventually(async () =>
      expect(await fieldText(page, "feeCurrency")).toContain("Fee currency is required when a fee is given"),
    );
    expect(await fieldText(page, "feeCurrency")).not.toContain("applicationFeeCents");
    await screenshot(page, "32-server-message-labels");
    // The rule is checked on the server only: nothing was created.
    expect(await program({ slug: "synthetic-fee-wording-observership" })).toBeNull();
    await pickSelect(page, "feeCurrency", "US dollar");
    await page.getByRole("button", { name: "Save" }).click();
    await expectNotification(page, /created/i);
  });

  it("returns after a save to the list as the curator left it, else to the record", async () => {
    const { id } = await create({ slug: "synthetic-return-target", title: "Synthetic Return Target Observership" });
    // From a searched, sorted list: back to exactly that list.
    await openRoute(page, server.adminUrl, `programs?filter=${encodeURIComponent("{}")}&order=DESC&sort=title`);
    await page.locator('input[name="q"]').fill("Synthetic Return Target");
    await eventually(async () => expect(await rowTexts(page)).toEqual([expect.stringContaining("Synthetic Return")]));
    await page.locator(ROW).first().click();
    const title = page.locator('input[name="title"]');
    await eventually(async () => expect(await title.inputValue()).toBe("Synthetic Return Target Observership"));
    await page.getByRole("tab", { name: "Application" }).click(); // moving between tabs changes nothing
    await page.getByRole("tab", { name: "Overview" }).click();
    await title.fill("Synthetic Return Target Observership (edited from the list)");
    await save();
    await page.waitForURL(/#\/programs\?/);
    const query = decodeURIComponent(page.url());
    expect(query).toContain('"q":"Synthetic Return Target"');
    expect(query).toContain("sort=title");
    expect(query).toContain("order=DESC");
    await page.getByText("Synthetic Return Target Observership (edited from the list)").waitFor();

    // A search left in the list long ago, then the record opened from elsewhere: back to the record.
    await page.locator('input[name="q"]').fill("no program has this title");
    await openRoute(page, server.adminUrl, "");
    await page.getByTestId("dashboard").waitFor();
    await openRoute(page, server.adminUrl, `programs/${id}`);
    await eventually(async () => expect(await title.inputValue()).toMatch(/edited from the list/));
    await title.fill("Synthetic Return Target Observership (edited from a link)");
    await save();
    await page.waitForURL(new RegExp(`#/programs/${id}/show$`));
    await page.getByText("Synthetic Return Target Observership (edited from a link)").first().waitFor();
  });

  it("keeps each requirement row's Remove button visible and reachable from the keyboard", async () => {
    const mayo = await program({ slug: "mayo-clinic-fellowships-for-imgs" });
    expect(mayo.requirements.length).toBeGreaterThan(1);
    await openRoute(page, server.adminUrl, `programs/${mayo.id}/requirements`);
    const rows = page.locator(".ra-input-requirements li.RaSimpleFormIterator-line");
    await eventually(async () => expect(await rows.count()).toBe(mayo.requirements.length));
    await page.mouse.move(0, 0); // no row is hovered
    const remove = page.getByRole("button", { name: "Remove" });
    expect(await remove.count()).toBe(mayo.requirements.length);
    // Playwright counts an element with `visibility: hidden` (react-admin's rule until hovered) as not visible.
    for (const button of await remove.all()) expect(await button.isVisible()).toBe(true);
    await screenshot(page, "33-requirement-rows-remove");

    // Tab from the last field of the first row reaches its Remove button; Enter removes the row.
    const lastRow = mayo.requirements.length - 1;
    await page.locator(`input[name="requirements.${lastRow}.note"]`).focus();
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.getAttribute("aria-label")).toBe("Remove");
    expect(await focused.getAttribute("class")).toContain(`button-remove-requirements-${lastRow}`);
    await page.keyboard.press("Enter");
    await eventually(async () => expect(await rows.count()).toBe(mayo.requirements.length - 1));
    await save();
    expect((await program({ id: mayo.id })).requirements).toHaveLength(mayo.requirements.length - 1);
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
