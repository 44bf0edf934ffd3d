import type { Page } from "playwright-core";
import { createProgram, type AdminServer } from "../support/admin-server";
import { closeAdminSession, openAdminSession, type AdminSession } from "../support/admin-session";
import { cspViolations, eventually, openRoute, rowTexts, saveForm, screenshot, signIn } from "../support/browser";

jest.setTimeout(240_000);

const PROGRAM = `query($id: ID) { program(id: $id) { title titleFr version translationStale } }`;

/**
 * The admin edits French beside English: each translated field sits next to its source, an English
 * edit flags the French as older (the notice, and the lists' filter find it), and the curator marks
 * it checked or retranslates it. A French-speaking browser still edits the English source in `title`.
 */
describe("French text in the admin (editor, in Chromium)", () => {
  let server: AdminServer;
  let page: Page;
  let session: AdminSession | undefined;
  const program = async (id: string) => (await server.gql(PROGRAM, { id }, "editor")).data!.program;
  const save = () => saveForm(page, /updated/i);

  beforeAll(async () => {
    session = await openAdminSession("editor");
    ({ server, page } = session);
  });
  afterAll(() => closeAdminSession(session));

  it("asks for the English source text whatever the browser's language", async () => {
    const { id } = await createProgram(server, {
      slug: "synthetic-french-browser",
      title: "Synthetic program for a French browser",
      titleFr: "Programme synthétique pour un navigateur français",
    });
    // A French-speaking curator's browser sends Accept-Language: fr-CA; the API would answer French
    // in `title`, and a save would then write the French over the English.
    const context = await session!.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "fr-CA" });
    try {
      const french = await context.newPage();
      const sent: string[] = [];
      french.on("request", (r) => {
        if (r.url().endsWith("/graphql")) sent.push(r.headers()["accept-language"]);
      });
      await signIn(french, server.adminUrl, server.curators.editor);
      await openRoute(french, server.adminUrl, `programs/${id}`);
      await eventually(async () =>
        expect(await french.locator('input[name="title"]').inputValue()).toBe("Synthetic program for a French browser"),
      );
      expect(await french.locator('input[name="titleFr"]').inputValue()).toBe(
        "Programme synthétique pour un navigateur français",
      );
      expect(sent.length).toBeGreaterThan(0);
      expect(new Set(sent)).toEqual(new Set(["en"]));
    } finally {
      await context.close();
    }
  });

  it("shows each French field beside its English one, flags it when the English changes, and clears the flag", async () => {
    const { id } = await createProgram(server, {
      slug: "synthetic-bilingual-observership",
      title: "Synthetic bilingual observership",
      titleFr: "Stage d'observation bilingue (synthétique)",
    });
    await openRoute(page, server.adminUrl, `programs/${id}`);
    const english = page.locator('input[name="title"]');
    const french = page.locator('input[name="titleFr"]');
    await eventually(async () => expect(await english.inputValue()).toBe("Synthetic bilingual observership"));
    expect(await french.inputValue()).toBe("Stage d'observation bilingue (synthétique)");
    const [a, b] = [(await english.boundingBox())!, (await french.boundingBox())!];
    expect(Math.abs(a.y - b.y)).toBeLessThan(4); // side by side
    expect(b.x).toBeGreaterThan(a.x + a.width - 1);
    expect(await page.locator('[data-testid="stale-translation"]').count()).toBe(0);

    await english.fill("Synthetic bilingual observership, renamed");
    await save();
    expect(await program(id)).toMatchObject({
      title: "Synthetic bilingual observership, renamed",
      titleFr: "Stage d'observation bilingue (synthétique)",
      translationStale: true,
    });

    // The review list: the lists' "French older than the English" filter.
    await openRoute(page, server.adminUrl, `programs?filter=${encodeURIComponent('{"translationStale":true}')}`);
    await eventually(async () => expect(await rowTexts(page)).toEqual([expect.stringContaining("renamed")]));

    await openRoute(page, server.adminUrl, `programs/${id}`);
    const notice = page.locator('[data-testid="stale-translation"]');
    await notice.waitFor();
    await screenshot(page, "60-program-stale-translation");
    await notice.locator('input[name="translationChecked"]').check();
    await save();
    expect(await program(id)).toMatchObject({
      translationStale: false,
      titleFr: "Stage d'observation bilingue (synthétique)",
    });
    expect(cspViolations()).toEqual([]);
  });
});
