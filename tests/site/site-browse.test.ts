import type { Browser, Page } from "playwright-core";
import { ProgramType } from "../../server/src/modules/program/program.enums";
import { factories } from "../support/factories";
import { cspViolations, eventually, launchBrowser, newPage, screenshot } from "../support/browser";
import { recordRequests, resultTitles, startSiteServer, type SiteServer } from "../support/site-server";

jest.setTimeout(240_000);

/**
 * The public site on the built bundle against a real server: search, facets in the URL, Back,
 * the program and institution pages, compare, French, keyboard-only use, and no request leaving
 * the server's origin.
 */
describe("the public site: browsing", () => {
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

  it("search → a facet → a program page → Back keeps the filters and their results", async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("heading", { name: /^\d+ programs$/ }).waitFor();
    const all = await resultTitles(page);
    expect(all.length).toBeGreaterThan(5);

    // click, not check: the box is checked once the URL (the state) says so, a moment later.
    await page.getByRole("checkbox", { name: /^Fellowship \(\d+\)$/ }).click();
    await page.waitForURL(/[?&]type=FELLOWSHIP/);
    const fellowships = await server.gql(
      `{ programs(filter: { type: [FELLOWSHIP] }, first: 50) { totalCount edges { node { title } } } }`,
    );
    const expected = fellowships.data.programs.edges.map((e: any) => e.node.title);
    await eventually(async () => expect(await resultTitles(page)).toEqual(expected));
    await page.getByRole("heading", { name: `${fellowships.data.programs.totalCount} programs` }).waitFor();

    await page.getByRole("link", { name: expected[0] }).click();
    await page.getByRole("heading", { level: 1, name: expected[0] }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/programs\/[a-z0-9-]+$/);
    // The program page: requirements with their level and source, provenance, the source link.
    await page.getByRole("heading", { name: "Requirements" }).waitFor();
    await expect(
      page
        .getByText(/^(Last verified on .+|Not yet verified)$/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, "site-program");

    await page.goBack();
    await page.waitForURL(/[?&]type=FELLOWSHIP/);
    await eventually(async () => expect(await resultTitles(page)).toEqual(expected));
    expect(await page.getByRole("checkbox", { name: /^Fellowship \(\d+\)$/ }).isChecked()).toBe(true);

    // A shared link opens the same filtered search in a fresh page.
    const other = await newPage(browser);
    recordRequests(other, requested);
    await other.goto(page.url());
    await eventually(async () => expect(await resultTitles(other)).toEqual(expected));
    await other.context().close();
  });

  it("words and facets combine; the counts are programFacets'", async () => {
    await page.goto(`${server.baseUrl}/?country=CA`);
    const facets = await server.gql(`{ programFacets(filter: { country: [CA] }) { type { value count } } }`);
    const residency = facets.data.programFacets.type.find((f: any) => f.value === "RESIDENCY");
    await page.getByRole("checkbox", { name: `Residency (${residency.count})` }).waitFor();
    await page.getByLabel("Search programs").fill("residency");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=residency/);
    expect(new URL(page.url()).searchParams.getAll("country")).toEqual(["CA"]);
  });

  it("an institution page lists its programs", async () => {
    await page.goto(`${server.baseUrl}/institutions/mayo-clinic`);
    await page.getByRole("heading", { level: 1, name: "Mayo Clinic" }).waitFor();
    const r = await server.gql(
      `{ institution(slug: "mayo-clinic") { programs(first: 50) { edges { node { title } } } } }`,
    );
    for (const e of r.data.institution.programs.edges) await page.getByRole("link", { name: e.node.title }).waitFor();
  });

  it("compares programs side by side (at most 4)", async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("heading", { name: /^\d+ programs$/ }).waitFor();
    const boxes = page.getByTestId("results").getByRole("checkbox", { name: /^Compare/ });
    for (let i = 0; i < 4; i++) await boxes.nth(i).check();
    expect(await boxes.nth(4).isDisabled()).toBe(true);
    const titles = (await resultTitles(page)).slice(0, 4);
    await page.getByRole("link", { name: "Compare (4)" }).click();
    await page.getByRole("heading", { level: 1, name: "Compare programs" }).waitFor();
    const headers = page.locator("table.compare thead th");
    await eventually(async () => expect(await headers.count()).toBe(4));
    for (const title of titles) await page.locator("table.compare thead").getByRole("link", { name: title }).waitFor();
    await page.getByRole("rowheader", { name: "Required", exact: true }).waitFor();
    await page.getByRole("rowheader", { name: "Often required", exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.getAll("ids")).toHaveLength(4);
    await screenshot(page, "site-compare");

    await page.getByRole("button", { name: `Remove ${titles[0]}` }).click();
    await eventually(async () => expect(await headers.count()).toBe(3));
    expect(new URL(page.url()).searchParams.getAll("ids")).toHaveLength(3);
  });

  it("switching to French shows the French interface, and keeps the page", async () => {
    await page.goto(`${server.baseUrl}/?type=RESIDENCY`);
    await page.getByRole("heading", { name: /^\d+ programs$/ }).waitFor();
    await page.getByRole("link", { name: "Français" }).click();
    await page.waitForURL(/\/fr\/?\?type=RESIDENCY/);
    await page.getByRole("heading", { name: "Filtres" }).waitFor();
    await page.getByRole("heading", { name: /^\d+ programmes$/ }).waitFor();
    await page.getByRole("button", { name: "Rechercher" }).waitFor();
    expect(await page.getByRole("checkbox", { name: /^Résidence \(\d+\)$/ }).isChecked()).toBe(true);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    // Links keep the language.
    await page.getByRole("link", { name: "Suis-je admissible ?" }).click();
    await page.waitForURL(/\/fr\/eligibility$/);
    await page.getByRole("heading", { level: 1, name: "Suis-je admissible ?" }).waitFor();
    await screenshot(page, "site-french");
  });

  it("asks the API for French content: French texts where it has them, English ones marked; 'often required' said so", async () => {
    const slug = "mcgill-university-fellowships-for-imgs";
    const r = await server.gql(
      `query($slug: String!) { program(slug: $slug, locale: FR) { title titleLocale requirements { level requirement { name } } } }`,
      { slug },
    );
    const program = r.data.program;
    expect(program.titleLocale).toBe("FR");
    const often = program.requirements.filter((q: any) => q.level === "COMMONLY_REQUIRED");
    expect(often.length).toBeGreaterThan(0);

    await page.goto(`${server.baseUrl}/fr/programs/${slug}`);
    const title = page.locator("h1 [lang]").first();
    await page.getByRole("heading", { level: 1, name: program.title }).waitFor();
    expect(await title.getAttribute("lang")).toBe("fr");
    expect(await page.locator("h1").innerText()).not.toContain("(en anglais)");
    for (const q of often)
      await page.locator("li.requirement", { hasText: q.requirement.name }).getByText("Souvent exigé").waitFor();

    // An English-only listing on a French page: the API's fallback, marked lang="en" and "(en anglais)".
    await page.goto(`${server.baseUrl}/fr/programs/us-residency-through-the-match`);
    await page.getByRole("heading", { level: 2, name: "Exigences" }).waitFor();
    expect(await page.locator("h1 [lang]").first().getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").innerText()).toMatch(/\(en anglais\)$/);
    await screenshot(page, "site-program-fr-fallback");

    await page.goto(`${server.baseUrl}/programs/${slug}`);
    for (const q of often)
      await page.locator("li.requirement", { hasText: q.requirement.name }).getByText("Often required").waitFor();
    expect(await page.locator("h1").innerText()).not.toContain("(French)");
  });

  it("takes the browser's language when the URL names none", async () => {
    const context = await browser.newContext({ locale: "fr-CA" });
    const french = await context.newPage();
    recordRequests(french, requested);
    await french.goto(`${server.baseUrl}/`);
    await french.getByRole("heading", { name: "Filtres" }).waitFor();
    await french.goto(`${server.baseUrl}/en/`);
    await french.getByRole("heading", { name: "Filters" }).waitFor();
    await context.close();
  });

  it("works with the keyboard alone: from the page's start to a result's page", async () => {
    await page.goto(`${server.baseUrl}/?type=OBSERVERSHIP`);
    const first = page.getByTestId("results").locator("article h3 a").first();
    await first.waitFor();
    const title = await first.innerText();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await first.evaluate((el) => el === el.ownerDocument.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    // Focus moves to the new page's content, so the next Tab starts there.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe("main");
  });

  it("loads more results a page at a time (Relay paging), and Back keeps them", async () => {
    // Synthetic listings (named as such), so that observerships fill more than one page of 20.
    const make = factories(server.ds);
    for (let i = 1; i <= 23; i++)
      await make.program({
        title: `Synthetic paging observership ${String(i).padStart(2, "0")}`,
        type: ProgramType.OBSERVERSHIP,
      });
    const all = await server.gql(
      `{ programs(filter: { type: [OBSERVERSHIP] }, first: 100) { totalCount edges { node { title } } } }`,
    );
    const titles = all.data.programs.edges.map((e: any) => e.node.title);
    expect(titles.length).toBeGreaterThan(20);
    // A fresh browser cache: the earlier answer for observerships is cacheable for a minute, as it should be.
    const page = await newPage(browser);
    recordRequests(page, requested);
    await page.goto(`${server.baseUrl}/?type=OBSERVERSHIP`);
    await page.getByRole("heading", { name: `${titles.length} programs` }).waitFor();
    await eventually(async () => expect(await resultTitles(page)).toEqual(titles.slice(0, 20)));
    await page.getByRole("button", { name: "Load more" }).click();
    await eventually(async () => expect(await resultTitles(page)).toEqual(titles));
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    // Into a program from the second page and Back: every page loaded is there again, not only the first.
    await page.getByRole("link", { name: titles[titles.length - 1] }).click();
    await page.getByRole("heading", { level: 1, name: titles[titles.length - 1] }).waitFor();
    await page.goBack();
    await page.waitForURL(/[?&]type=OBSERVERSHIP/);
    await eventually(async () => expect(await resultTitles(page)).toEqual(titles));
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    await page.context().close();
  });

  it("never asks anything of another origin, and runs under its Content-Security-Policy", () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((u) => !u.startsWith(`${server.baseUrl}/`))).toEqual([]);
    expect(cspViolations()).toEqual([]);
  });
});
