/**
 * The admin's data provider in Node against a real server (both databases): react-admin's page
 * numbers over the API's Relay connections, and the bulk actions, exactly as the panel calls them.
 */
import { ListingStatus } from "../../server/src/core/enums";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { loginAs } from "../support/auth";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

// react-admin's UI packages are ES modules Jest cannot load; the provider needs only its HttpError.
jest.mock("react-admin", () => ({ HttpError: jest.requireActual("ra-core").HttpError }));

const server = useTestServer({ listen: true });

/** What these tests call of the provider (its sources are type-checked with the admin, which has the DOM's types). */
interface Row {
  id: string;
  title?: string;
  status?: string;
  version: number;
}
interface Provider {
  getList(
    resource: string,
    params: object,
  ): Promise<{ data: Row[]; total?: number; pageInfo?: { hasNextPage?: boolean } }>;
  publishMany(
    resource: string,
    params: { records: { id: string; version: number }[] },
  ): Promise<{ done: Row[]; failures: { id: string; code: string; message: string }[] }>;
}
let provider: Provider;
let maxRows: number;
const realFetch = globalThis.fetch;
let graphqlCalls = 0;

const COUNT = 260;

beforeAll(async () => {
  const f = factories(server.ds);
  // Synthetic programs, titles in order ("Test program 0001"…), half drafts, to page through.
  for (let i = 0; i < COUNT; i++) await f.program({ status: i % 2 ? ListingStatus.DRAFT : ListingStatus.PUBLISHED });
  const { token, curator } = await loginAs(server, server.base, CuratorRole.EDITOR);
  const session = JSON.stringify({ token, expiresAt: null, curator: { ...curator, id: String(curator.id) } });
  const store = new Map([["directory.admin.session", session]]);
  Object.assign(globalThis, {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    },
    // The admin calls its own origin's /graphql.
    fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      graphqlCalls++;
      return realFetch(new URL(String(input), server.base), init);
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- not an import: the server's type-check would load the admin's DOM code
  ({ dataProvider: provider, MAX_LIST_ROWS: maxRows } = require("../../admin/src/data/data-provider") as {
    dataProvider: Provider;
    MAX_LIST_ROWS: number;
  });
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

const list = (page: number, perPage: number, filter: Record<string, unknown> = {}) =>
  provider.getList("programs", { pagination: { page, perPage }, sort: { field: "title", order: "ASC" }, filter });
const titles = (result: { data: { title?: string }[] }) => result.data.map((r) => r.title);

describe("the admin's data provider", () => {
  it("reads a page of more than 100 rows whole, and the next page starts right after it", async () => {
    const all = Array.from({ length: COUNT }, (_, i) => `Test program ${String(i + 1).padStart(4, "0")}`);
    const first = await list(1, 250);
    expect(first.total).toBe(COUNT);
    expect(titles(first)).toEqual(all.slice(0, 250));
    expect(first.pageInfo?.hasNextPage).toBe(true);
    const second = await list(2, 250);
    expect(titles(second)).toEqual(all.slice(250));
    expect(second.pageInfo?.hasNextPage).toBe(false);

    // The same rows in pages of 100 and 25, wherever one starts.
    expect(titles(await list(2, 100))).toEqual(all.slice(100, 200));
    expect(titles(await list(3, 100))).toEqual(all.slice(200));
    expect(titles(await list(9, 25))).toEqual(all.slice(200, 225));
    // A filter applies to every API page read for one.
    const drafts = await list(1, 150, { status: ["DRAFT"] });
    expect(drafts.total).toBe(COUNT / 2);
    expect(titles(drafts)).toEqual(all.filter((_, i) => i % 2).slice(0, 130));
  });

  it("asks the API 100 rows at a time", async () => {
    const before = graphqlCalls;
    await list(1, 250, { type: ["FELLOWSHIP"] }); // a new filter: no cursor known
    expect(graphqlCalls - before).toBe(3);
  });

  it(`refuses a page of more than ${1000} rows rather than cut it short`, async () => {
    expect(maxRows).toBe(1000);
    await expect(list(1, maxRows + 1)).rejects.toMatchObject({
      status: 400,
      body: { code: "BAD_USER_INPUT" },
      message: `A page holds from 1 to ${maxRows} rows (asked for ${maxRows + 1})`,
    });
    expect(titles(await list(1, maxRows))).toHaveLength(COUNT);
  });

  it("publishes in bulk through publishPrograms: each record on its own, the stale one refused", async () => {
    const page = await list(1, 2, { status: ["DRAFT"] });
    const [a, b] = page.data;
    const r = await server.exec(
      `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { sourceNote: "meanwhile" }) { id } }`,
      { id: String(b.id), v: b.version },
      await factories(server.ds).curator({ role: CuratorRole.EDITOR }),
    );
    expect(r.errors).toBeUndefined();
    const result = await provider.publishMany("programs", {
      records: [a, b].map((p) => ({ id: p.id, version: p.version })),
    });
    expect(result.done.map((p) => [p.id, p.status, p.version])).toEqual([[a.id, "PUBLISHED", a.version + 1]]);
    expect(result.failures).toEqual([{ id: b.id, code: "CONFLICT", message: expect.stringContaining(String(b.id)) }]);
  });
});
