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
  saveForm,
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
    .last() // the innermost: a list's rows sit inside the list's own form control
    .innerText();

describe("forms without traps (editor, in Chromium)", () => {
  let server: AdminServer;
  let page: Page;
  const program = async (by: { slug?: string; id?: string }) => (await server.gql(PROGRAM, by, "editor")).data!.program;
  const create = (input: Record<string, unknown>) => createProgram(server, input);
  const save = () => saveForm(page);

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

  it("gives each minimum score its requirement's scale, and shows the server's refusal beside the field", async () => {
    const ids = (
      await server.gql(
        `{ a: requirement(code: "USMLE_STEP_1") { id } b: requirement(code: "USMLE_STEP_2_CK") { id } }`,
        {},
        "editor",
      )
    ).data!;
    const { id } = await create({
      slug: "synthetic-minimum-score-form",
      title: "Synthetic Minimum Score Observership",
      requirements: [
        { requirementId: ids.a.id, level: "REQUIRED" },
        { requirementId: ids.b.id, level: "REQUIRED" },
      ],
    });
    const codes = (await program({ id })).requirements.map((r: any) => r.requirement.code);
    const step1 = `requirements.${codes.indexOf("USMLE_STEP_1")}.minimumScore`;
    const step2 = `requirements.${codes.indexOf("USMLE_STEP_2_CK")}.minimumScore`;
    await openRoute(page, server.adminUrl, `programs/${id}/requirements`);
    const scored = page.locator(`input[name="${step2}"]`);
    await eventually(async () => expect(await fieldText(page, step2)).toContain("From 1 to 300, in steps of 1"));
    expect([
      await scored.getAttribute("min"),
      await scored.getAttribute("max"),
      await scored.getAttribute("step"),
    ]).toEqual(["1", "300", "1"]);
    // Pass/fail: no minimum to give.
    await eventually(async () => expect(await fieldText(page, step1)).toContain("no minimum score"));
    expect(await page.locator(`input[name="${step1}"]`).isDisabled()).toBe(true);

    await scored.fill("350");
    await page.getByRole("button", { name: "Save" }).click();
    await eventually(async () =>
      expect(await fieldText(page, step2)).toContain("USMLE_STEP_2_CK scores run from 1 to 300; 350 is outside that"),
    );
    await screenshot(page, "34-minimum-score-refused");
    expect((await program({ id })).version).toBe(1); // refused: nothing saved
    await scored.fill("245");
    await save();
    const saved = await server.gql(
      `query($id: ID) { program(id: $id) { requirements { minimumScore requirement { code } } } }`,
      { id },
      "editor",
    );
    expect(saved.data!.program.requirements).toContainEqual({
      minimumScore: 245,
      requirement: { code: "USMLE_STEP_2_CK" },
    });

    // The requirement's own form: making Step 2 CK pass/fail empties and turns off its range, and the
    // server refuses while a program asks for a minimum on it, naming that program beside the field.
    await openRoute(page, server.adminUrl, `requirements/${ids.b.id}`);
    const scoreMin = page.locator('input[name="scoreMin"]');
    await eventually(async () => expect(await scoreMin.inputValue()).toBe("1"));
    await pickSelect(page, "scoreKind", "Pass or fail only");
    await eventually(async () => expect(await scoreMin.inputValue()).toBe(""));
    expect(await scoreMin.isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Save" }).click();
    await eventually(async () =>
      expect(await fieldText(page, "scoreKind")).toContain("synthetic-minimum-score-form (245)"),
    );
    await screenshot(page, "35-score-kind-refused");
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
