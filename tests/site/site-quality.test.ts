import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, screenshot } from "../support/browser";
import { recordRequests, startSiteServer, type SiteServer } from "../support/site-server";

jest.setTimeout(240_000);

/** What a cold load of the search page may transfer, all told (HTML, scripts, styles, API answers, headers). */
const COLD_LOAD_BUDGET_BYTES = 130_000;

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — e.g. ${v.nodes[0].html.slice(0, 160)}: ${v.nodes[0].failureSummary}`);
}

/** The verdicts on the page, in order: [title, verdict] per program. */
async function verdicts(page: Page): Promise<[string, string][]> {
  return page
    .getByTestId("eligibility-results")
    .locator("article")
    .evaluateAll((articles) =>
      articles.map((a) => [a.querySelector("h3")?.textContent ?? "", a.getAttribute("data-verdict") ?? ""]),
    ) as Promise<[string, string][]>;
}

/** Fills the eligibility form as an applicant would and submits it. */
async function checkEligibility(page: Page, base: string, fill: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`${base}/eligibility`);
  await page.getByRole("checkbox", { name: "USMLE Step 1", exact: true }).waitFor();
  await fill(page);
  await page.getByRole("button", { name: "Check my eligibility" }).click();
  await page.getByRole("heading", { name: /^\d+ programs checked$/ }).waitFor();
}

describe("the public site: eligibility, accessibility, weight", () => {
  let server: SiteServer;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    server = await startSiteServer();
    browser = await launchBrowser();
    page = await newPage(browser);
    recordRequests(page, requested);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function apiOrder(profile: Record<string, unknown>): Promise<[string, string][]> {
    const r = await server.gql(
      `query($p: CandidateProfile!) { eligibility(profile: $p, first: 20) { edges { node { eligible program { title } } } } }`,
      { p: profile },
    );
    return r.data.eligibility.edges.map((e: any) => [
      e.node.program.title,
      e.node.eligible ? "ELIGIBLE" : "INELIGIBLE",
    ]);
  }

  it("a graduate with USMLE Steps 1 and 2 CK and ECFMG certification: eligible for the Match, not for CaRMS", async () => {
    await checkEligibility(page, server.baseUrl, async (p) => {
      await p.getByLabel(/^a graduate/).check();
      await p.getByRole("checkbox", { name: "USMLE Step 1", exact: true }).check();
      await p.getByLabel("Score for USMLE Step 1").fill("231");
      await p.getByRole("checkbox", { name: "USMLE Step 2 CK", exact: true }).check();
      await p.getByRole("checkbox", { name: "ECFMG certification" }).check();
    });
    const url = new URL(page.url());
    expect(url.searchParams.get("stage")).toBe("GRADUATE");
    expect(url.searchParams.getAll("score")).toEqual(["USMLE_STEP_1:231"]);
    const expected = await apiOrder({
      stage: "GRADUATE",
      holds: ["ECFMG_CERTIFICATION", "USMLE_STEP_1", "USMLE_STEP_2_CK"],
      scores: [{ code: "USMLE_STEP_1", score: 231 }],
    });
    expect(await verdicts(page)).toEqual(expected);
    const match = page.locator("article", { hasText: "(The Match)" });
    await match.getByText("You appear eligible").waitFor();
    const carms = page.locator("article", { hasText: "(CaRMS)" });
    await carms.getByText("Not eligible yet").waitFor();
    await carms.getByText("You do not hold MCCQE Part I, which its pathway asks for").waitFor();
    await screenshot(page, "site-eligibility-graduate");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a student enrolled in medical school: electives yes, residencies no (in the applicant's words, in French too)", async () => {
    await checkEligibility(page, server.baseUrl, async (p) => {
      // The last profile checked in this browser fills the form again (localStorage); start afresh.
      expect(await p.getByLabel(/^a graduate/).isChecked()).toBe(true);
      expect(await p.getByRole("checkbox", { name: "ECFMG certification" }).isChecked()).toBe(true);
      expect(await p.getByLabel("Score for USMLE Step 1").inputValue()).toBe("231");
      await p.getByRole("button", { name: "Start again" }).click();
      expect(await p.getByRole("checkbox", { name: "ECFMG certification" }).isChecked()).toBe(false);
      await p.getByLabel(/^a student/).check();
      await p.getByRole("checkbox", { name: "Enrolled medical student" }).check();
    });
    const expected = await apiOrder({ stage: "STUDENT", holds: ["ENROLLED_MEDICAL_STUDENT"] });
    expect(await verdicts(page)).toEqual(expected);
    expect(expected[0][1]).toBe("ELIGIBLE");
    const match = page.locator("article", { hasText: "(The Match)" });
    await match.getByText("This program is for graduates; you are a student").waitFor();
    // The profile is in the URL: the same answer in French from the shared address.
    await page.getByRole("link", { name: "Français" }).click();
    await page.getByRole("heading", { name: /^\d+ programmes vérifiés$/ }).waitFor();
    await page
      .locator("article", { hasText: "(The Match)" })
      .getByText("Ce programme s'adresse aux diplômés ; vous êtes étudiant")
      .waitFor();
    expect(await verdicts(page)).toEqual(expected);
  });

  it("passes an axe-core scan on every page (no serious or critical violation)", async () => {
    for (const [path, ready] of [
      ["/", "article h3"],
      ["/fr/?type=FELLOWSHIP", "article h3"],
      ["/programs/us-residency-through-the-match", "#requirements-title"],
      ["/institutions/mcgill-university", "article h3"],
      ["/compare?ids=1&ids=2", "table.compare"],
      ["/eligibility", "form"],
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.locator(ready).first().waitFor();
      expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it("a cold load of the search page stays under its byte budget and does not jump as results arrive", async () => {
    // Warm the server's persisted-query cache as any earlier visitor would; the browser stays cold.
    const warm = await newPage(browser);
    await warm.goto(`${server.baseUrl}/`);
    await warm.locator("article h3").first().waitFor();
    await warm.context().close();

    const cold = await newPage(browser);
    recordRequests(cold, requested);
    await cold.context().addInitScript(`globalThis.__layoutShift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) globalThis.__layoutShift += e.value; })
        .observe({ type: "layout-shift", buffered: true });`);
    const cdp = await cold.context().newCDPSession(cold);
    await cdp.send("Network.enable");
    const bytes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on("Network.requestWillBeSent", (e: any) => urls.set(e.requestId, e.request.url));
    cdp.on("Network.loadingFinished", (e: any) => bytes.set(e.requestId, e.encodedDataLength));
    await cold.goto(`${server.baseUrl}/`, { waitUntil: "networkidle" });
    await cold.locator("article h3").first().waitFor();
    await cold.waitForLoadState("networkidle");
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    const lines = [...bytes].map(([id, n]) => `${n}\t${urls.get(id)?.replace(server.baseUrl, "").slice(0, 90)}`);
    console.log(`cold load of the search page: ${total} bytes in ${bytes.size} responses\n${lines.join("\n")}`);
    expect(bytes.size).toBeGreaterThan(3);
    expect(total).toBeLessThan(COLD_LOAD_BUDGET_BYTES);
    const shift = (await cold.evaluate("globalThis.__layoutShift")) as number;
    console.log(`cumulative layout shift while loading: ${shift}`);
    expect(shift).toBeLessThan(0.01);
    await cold.context().close();
  });

  it("never asks anything of another origin", () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((u) => !u.startsWith(`${server.baseUrl}/`))).toEqual([]);
  });
});
