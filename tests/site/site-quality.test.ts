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

/** The verdicts on the page, in order: [title, verdict] per program (the title without its language marker). */
async function verdicts(page: Page): Promise<[string, string][]> {
  return page
    .getByTestId("eligibility-results")
    .locator("article")
    .evaluateAll((articles) =>
      articles.map((a) => {
        const text = a.querySelector("h3")?.textContent ?? "";
        const marker = a.querySelector("h3 .fallback")?.textContent ?? "";
        return [text.slice(0, text.length - marker.length), a.getAttribute("data-verdict") ?? ""];
      }),
    ) as Promise<[string, string][]>;
}

/**
 * The verdict list once it shows `expected`, or as it stands after ten seconds: the page keeps the previous
 * answer on screen while the next one loads (a language switch re-asks the API), so one read can be early.
 */
async function settledVerdicts(page: Page, expected: [string, string][]): Promise<[string, string][]> {
  const until = Date.now() + 10_000;
  let seen = await verdicts(page);
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < until) {
    await page.waitForTimeout(100);
    seen = await verdicts(page);
  }
  return seen;
}

/** Fills the eligibility form as an applicant would and submits it. */
async function checkEligibility(page: Page, base: string, fill: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`${base}/eligibility`);
  await page.getByRole("checkbox", { name: "USMLE Step 1", exact: true }).waitFor();
  await fill(page);
  await page.getByRole("button", { name: "Check my eligibility" }).click();
  await page
    .getByRole("heading", { name: /^\d+ programs? checked$/ })
    .waitFor()
    .catch(async (e: unknown) => {
      // What the page showed instead (an error note, say), for whoever reads the failure.
      await screenshot(page, "site-eligibility-failed");
      throw new Error(`${String(e)}\n${await page.locator("main").innerText()}`);
    });
}

interface ApiVerdict {
  title: string;
  audience: string;
  verdict: string;
  reasons: { kind: string; rule: string | null }[];
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

  /** What the API itself answers for a profile: the verdicts the site must show, in the API's order. */
  async function apiVerdicts(profile: Record<string, unknown>, locale = "EN"): Promise<ApiVerdict[]> {
    const r = await server.gql(
      `query($p: CandidateProfile!, $l: Locale) { eligibility(profile: $p, first: 20, locale: $l) {
        totalCount edges { node { verdict verdictReasons { kind rule } program { title audience } } } } }`,
      { p: profile, l: locale },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.eligibility.totalCount).toBeLessThanOrEqual(20);
    return r.data.eligibility.edges.map((e: any) => ({
      title: e.node.program.title,
      audience: e.node.program.audience,
      verdict: e.node.verdict,
      reasons: e.node.verdictReasons,
    }));
  }
  const pairs = (list: ApiVerdict[]): [string, string][] => list.map((v) => [v.title, v.verdict]);

  it("a graduate with USMLE, ECFMG certification and a J-1 to get: the API's verdicts, CaRMS not yet", async () => {
    await checkEligibility(page, server.baseUrl, async (p) => {
      await p.getByLabel(/^a graduate/).check();
      await p.getByRole("checkbox", { name: "USMLE Step 1", exact: true }).check();
      await p.getByRole("checkbox", { name: "USMLE Step 2 CK", exact: true }).check();
      // USMLE Step 1 is pass/fail: no score to give.
      expect(await p.getByLabel("Score for USMLE Step 1").count()).toBe(0);
      await p.getByLabel("Score for USMLE Step 2 CK").fill("245");
      await p.getByRole("checkbox", { name: "ECFMG certification" }).check();
      await p.getByLabel("My citizenship(s)").selectOption(["IN"]);
      await p.getByLabel("The visa I need to train there").selectOption("J1");
    });
    const url = new URL(page.url());
    expect(url.searchParams.get("stage")).toBe("GRADUATE");
    expect(url.searchParams.getAll("score")).toEqual(["USMLE_STEP_2_CK:245"]);
    expect(url.searchParams.get("visa")).toBe("J1");
    expect(url.searchParams.getAll("citizenship")).toEqual(["IN"]);
    const expected = await apiVerdicts({
      stage: "GRADUATE",
      holds: ["ECFMG_CERTIFICATION", "USMLE_STEP_1", "USMLE_STEP_2_CK"],
      scores: [{ code: "USMLE_STEP_2_CK", score: 245 }],
      citizenships: ["IN"],
      visaNeeded: "J1",
    });
    expect(await settledVerdicts(page, pairs(expected))).toEqual(pairs(expected));
    // The Match: whatever the API decides (its listing may not say whether it sponsors a J-1), never ineligible.
    const matchVerdict = expected.find((v) => v.title.includes("(The Match)"))!.verdict;
    expect(["ELIGIBLE", "UNKNOWN"]).toContain(matchVerdict);
    const match = page.locator("article", { hasText: "(The Match)" });
    expect(await match.getAttribute("data-verdict")).toBe(matchVerdict);
    await match.getByText(matchVerdict === "ELIGIBLE" ? "You appear eligible" : "Cannot tell").waitFor();
    const carms = page.locator("article", { hasText: "(CaRMS)" });
    expect(await carms.getAttribute("data-verdict")).toBe("INELIGIBLE");
    await carms.getByText("Not eligible yet").waitFor();
    await carms.getByText("Obtain MCCQE Part I, which its pathway asks for").waitFor();
    // Graduate-only programs are not blocked by the stage; student-only ones are, in the applicant's words.
    const forStudents = expected.find((v) => v.audience === "STUDENT")!;
    expect(forStudents.verdict).toBe("INELIGIBLE");
    await page
      .locator("article", { hasText: forStudents.title })
      .getByText("This program is for students; you are a graduate")
      .waitFor();
    // The verdict filter: counts from the API, and the list narrowed to one verdict.
    const ineligible = expected.filter((v) => v.verdict === "INELIGIBLE").length;
    await page.getByLabel(`Not eligible yet (${ineligible})`).check();
    await page.waitForURL(/verdict=INELIGIBLE/);
    await page.getByRole("heading", { name: `${ineligible} programs checked` }).waitFor();
    const notYet = pairs(expected.filter((v) => v.verdict === "INELIGIBLE"));
    expect(await settledVerdicts(page, notYet)).toEqual(notYet);
    await screenshot(page, "site-eligibility-graduate");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("a student with no exams: electives and observerships yes, graduate-only programs blocked (in French too)", async () => {
    await checkEligibility(page, server.baseUrl, async (p) => {
      // The last profile checked in this browser fills the form again (localStorage); start afresh.
      expect(await p.getByLabel(/^a graduate/).isChecked()).toBe(true);
      expect(await p.getByRole("checkbox", { name: "ECFMG certification" }).isChecked()).toBe(true);
      expect(await p.getByLabel("Score for USMLE Step 2 CK").inputValue()).toBe("245");
      expect(await p.getByLabel("The visa I need to train there").inputValue()).toBe("J1");
      await p.getByRole("button", { name: "Start again" }).click();
      expect(await p.getByRole("checkbox", { name: "ECFMG certification" }).isChecked()).toBe(false);
      expect(await p.getByLabel("The visa I need to train there").inputValue()).toBe("");
      await p.getByLabel(/^a student/).check();
      await p.getByRole("checkbox", { name: "Enrolled medical student" }).check();
    });
    const profile = { stage: "STUDENT", holds: ["ENROLLED_MEDICAL_STUDENT"] };
    const expected = await apiVerdicts(profile);
    expect(await settledVerdicts(page, pairs(expected))).toEqual(pairs(expected));
    const forStudents = expected.filter((v) => v.audience !== "GRADUATE");
    const graduateOnly = expected.filter((v) => v.audience === "GRADUATE");
    expect(forStudents.length).toBeGreaterThan(0);
    expect(graduateOnly.length).toBeGreaterThan(0);
    for (const v of forStudents)
      expect({ title: v.title, verdict: v.verdict }).not.toEqual({ title: v.title, verdict: "INELIGIBLE" });
    for (const v of graduateOnly) {
      expect(v.verdict).toBe("INELIGIBLE");
      expect(v.reasons).toContainEqual({ kind: "BLOCKING", rule: "audience" });
    }
    const match = page.locator("article", { hasText: "(The Match)" });
    expect(await match.getAttribute("data-verdict")).toBe("INELIGIBLE");
    await match
      .locator('li[data-kind="BLOCKING"]')
      .getByText("This program is for graduates; you are a student")
      .waitFor();
    // The profile is in the URL: the same answer in French from the shared address, French texts where the
    // directory has them, and English ones marked as such.
    await page.getByRole("link", { name: "Français" }).click();
    await page.getByRole("heading", { name: /^\d+ programmes vérifiés$/ }).waitFor();
    const frenchMatch = page.locator("article", { hasText: "(The Match)" });
    await frenchMatch.getByText("Ce programme s'adresse aux diplômés ; vous êtes étudiant").waitFor();
    const frExpected = await apiVerdicts(profile, "FR");
    expect(await settledVerdicts(page, pairs(frExpected))).toEqual(pairs(frExpected));
    const matchTitle = frenchMatch.locator("h3 [lang]").first();
    expect(await matchTitle.getAttribute("lang")).toBe("en");
    expect(await matchTitle.innerText()).toMatch(/\(en anglais\)$/);
    const elective = page.locator("article", { hasText: "Stages cliniques à option de l'Université McGill" });
    expect(await elective.locator("h3 [lang]").first().getAttribute("lang")).toBe("fr");
    expect(await elective.locator("h3").innerText()).not.toContain("(en anglais)");
    expect(await elective.getAttribute("data-verdict")).not.toBe("INELIGIBLE");
    await screenshot(page, "site-eligibility-student-fr");
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
