import type { Browser, Page } from "playwright-core";
import { startAdminServer, type AdminServer } from "../support/admin-server";
import {
  cspViolations,
  eventually,
  launchBrowser,
  newPage,
  openRoute,
  ROW,
  screenshot,
  signIn,
} from "../support/browser";

jest.setTimeout(240_000);

/** The browser's default `toLocaleString()` ("11/29/2026, 3:13:32 AM"): the admin writes dates one way, never so. */
const NUMERIC_DATE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;
/** An ISO instant as the API sends it. */
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A full-page screenshot from the top with nothing focused: a page reached by a hash change or scrolled
 * by clicks would otherwise show its sticky app bar mid-page and the focused "Skip to content" link.
 */
async function settledScreenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    (globalThis as any).document.activeElement?.blur();
    (globalThis as any).scrollTo(0, 0);
  });
  await screenshot(page, name);
}

describe("a record's history in the admin (editor, in Chromium)", () => {
  let server: AdminServer;
  let browser: Browser;
  let page: Page;
  let programId: string;
  let version: number;

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await server.gql(query, variables, "editor");
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const update = async (input: Record<string, unknown>) => {
    const data = await api(
      `mutation($id: ID!, $version: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $version, input: $input) { version } }`,
      { id: programId, version, input },
    );
    version = data.updateProgram.version;
  };

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    const { requirements } = await api(`query { requirements(first: 100) { edges { node { id code } } } }`);
    const req = Object.fromEntries(requirements.edges.map((e: any) => [e.node.code, e.node.id]));
    const institution = async (slug: string, name: string) =>
      (
        await api(`mutation($input: InstitutionInput!) { createInstitution(input: $input) { id } }`, {
          input: { slug, name, kind: "HOSPITAL", country: "US", region: "MN", city: "Synthetic City" },
        })
      ).createInstitution.id;
    const first = await institution("synthetic-teaching-hospital", "Synthetic Teaching Hospital");
    const second = await institution("synthetic-general-hospital", "Synthetic General Hospital");
    // A synthetic program (the sample directory's real listings keep what their sources say).
    const created = await api(`mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
      input: {
        slug: "synthetic-history-residency",
        title: "Synthetic History Residency",
        type: "RESIDENCY",
        audience: "GRADUATE",
        country: "US",
        status: "DRAFT",
        institutionId: first,
        applicationFeeCents: 9500,
        feeCurrency: "USD",
        applicationOpensOn: "2026-09-01",
        requirements: [
          { requirementId: req.MCCQE_PART_1, level: "RECOMMENDED" },
          { requirementId: req.ECFMG_CERTIFICATION, level: "REQUIRED" },
        ],
      },
    });
    programId = created.createProgram.id;
    version = created.createProgram.version;
    // One change of the requirement list: one link added, one removed, one changed.
    await update({
      requirements: [
        { requirementId: req.MCCQE_PART_1, level: "REQUIRED" },
        { requirementId: req.USMLE_STEP_2_CK, level: "REQUIRED", minimumScore: 220 },
      ],
    });
    await update({ institutionId: second, applicationFeeCents: 12000 });
    const { specialty } = await api(`query { specialty(slug: "cardiology") { id } }`);
    await update({ feeCurrency: "CAD", applicationFeeCents: 15000, specialtyIds: [specialty.id] });
    // Thirteen entries in all: a page that must stay compact.
    for (let i = 1; i <= 9; i++) await update({ sourceNote: `Synthetic note, revision ${i}` });
    await signIn(page, server.adminUrl, server.curators.editor);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows each entry in one line, and 13 entries in a compact page", async () => {
    await openRoute(page, server.adminUrl, `programs/${programId}/show/history`);
    const history = page.getByTestId("history");
    await eventually(async () => expect(await history.locator(ROW).count()).toBe(13));
    const rows = history.locator(ROW);
    const heights = await rows.evaluateAll((els) => els.map((e) => (e as any).getBoundingClientRect().height));
    // One line each (the page of 13 entries used to be 6,488 px tall, about 500 px an entry).
    for (const h of heights) expect(h).toBeLessThanOrEqual(56);
    const box = await history.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(13 * 56 + 80); // the rows and the header
    expect(await page.getByTestId("change-details").count()).toBe(0);

    const summaries = await history.getByTestId("change-summary").allInnerTexts();
    expect(summaries).toContain("Requirements (+1 −1 ~1)");
    expect(summaries).toContain("Application fee, Institution");
    expect(summaries).toContain("Application fee, Fee currency, Specialties (+1)");
    expect(summaries).toContain(
      "Source note (what the source says, and where it is): Synthetic note, revision 8 → Synthetic note, revision 9",
    );
  });

  it("expands a requirement-list change into one added, one removed and one changed row, by name", async () => {
    const history = page.getByTestId("history");
    await history.locator(ROW, { hasText: "Requirements (+1 −1 ~1)" }).click();
    const details = page.getByTestId("change-details");
    await details.waitFor();
    expect(await details.getByTestId("change-added").allInnerTexts()).toEqual([
      expect.stringMatching(/^\+\s*USMLE Step 2 CK \(required, minimum 220\)$/),
    ]);
    expect(await details.getByTestId("change-removed").allInnerTexts()).toEqual([
      expect.stringMatching(/^−\s*ECFMG certification$/),
    ]);
    expect(await details.getByTestId("change-changed").allInnerTexts()).toEqual([
      expect.stringMatching(/^~\s*MCCQE Part I: recommended → required$/),
    ]);
    await settledScreenshot(page, "history-entry-requirements");
  });

  it("names references, writes money as money and dates as dates", async () => {
    const history = page.getByTestId("history");
    await history.locator(ROW, { hasText: "Application fee, Institution" }).click();
    const institution = page.getByTestId("change-institutionId");
    await institution.waitFor();
    expect(await institution.innerText()).toMatch(/Synthetic Teaching Hospital\s+Synthetic General Hospital/);
    expect(await page.getByTestId("change-applicationFeeCents").first().innerText()).toMatch(
      /\$95\.00 USD\s+\$120\.00 USD/,
    );

    await history.locator(ROW, { hasText: "Specialties (+1)" }).click();
    // The entry that changed the currency: its details, beside the other entries' open ones.
    const currencyChange = page.getByTestId("change-details").filter({ has: page.getByTestId("change-feeCurrency") });
    await currencyChange.waitFor();
    expect(await currencyChange.getByTestId("change-applicationFeeCents").innerText()).toMatch(
      /\$120\.00 USD\s+CA\$150\.00$/,
    );
    expect(await currencyChange.getByTestId("change-specialtyIds").getByTestId("change-added").allInnerTexts()).toEqual(
      [expect.stringMatching(/^\+\s*Cardiology$/)],
    );

    await history.locator(ROW, { hasText: "Created" }).click();
    const opens = page.getByTestId("change-applicationOpensOn");
    await opens.waitFor();
    expect(await opens.innerText()).toMatch(/Sep 1, 2026$/);
    const createdRequirements = await page.getByTestId("change-requirements").last().innerText();
    expect(createdRequirements).toMatch(/MCCQE Part I \(recommended\)/);
    expect(createdRequirements).toMatch(/ECFMG certification \(required\)/);
    await settledScreenshot(page, "history-entries-expanded");

    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(NUMERIC_DATE);
    expect(text).not.toMatch(ISO_INSTANT);
    expect(text).not.toMatch(/requirementId|institutionId|9500/);
  });

  it("names records on the dashboard and in the whole directory's history", async () => {
    await openRoute(page, server.adminUrl, "");
    const recent = page.getByTestId("recent-changes");
    await recent.getByText("Updated: Synthetic History Residency — Synthetic General Hospital").first().waitFor();
    expect(await recent.innerText()).not.toMatch(/Program \d+/);
    expect(await recent.innerText()).toMatch(
      /Eddie Editor · Source note \(what the source says, and where it is\): Synthetic note, revision 8 → Synthetic note, revision 9/,
    );
    expect(await page.getByTestId("dashboard").innerText()).not.toMatch(NUMERIC_DATE);
    await settledScreenshot(page, "dashboard");

    await openRoute(page, server.adminUrl, `audit`);
    const audit = page.getByTestId("audit");
    await audit
      .locator(ROW, { hasText: "Program: Synthetic History Residency — Synthetic General Hospital" })
      .first()
      .waitFor();
    expect(await audit.innerText()).not.toMatch(NUMERIC_DATE);
  });

  it("ran under the Content-Security-Policy with no violation", () => {
    expect(cspViolations()).toEqual([]);
  });
});
