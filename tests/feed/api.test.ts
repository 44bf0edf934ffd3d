/**
 * The feed's two ways in: the directoryChanges query (every role, anonymous included; cursors and
 * page sizes checked like every list's) and GET /changes.ndjson (the same entries, one JSON object
 * per line, streamed; a bad parameter is a 400 JSON error naming it).
 */
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { loginAs } from "../support/auth";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { DIRECTORY_CHANGES } from "./feed-client";

const server = useTestServer({ listen: true });
const ENTRIES = 105; // more than one statement's worth of the NDJSON stream (100)
let editor: Curator;
let all: { cursor: string; node: Record<string, unknown> }[];

beforeAll(async () => {
  editor = await factories(server.ds).curator({ role: CuratorRole.EDITOR });
  for (let i = 0; i < ENTRIES; i++) {
    expectData(
      await server.exec(
        `mutation($input: SpecialtyInput!) { createSpecialty(input: $input) { id } }`,
        { input: { slug: `feed-specialty-${i}`, name: `Feed specialty ${i}` } },
        editor,
      ),
    );
  }
  all = [];
  let after: string | null = null;
  for (;;) {
    const page: any = expectData(await server.exec(DIRECTORY_CHANGES, { after, first: 100 })).directoryChanges;
    all.push(...page.edges);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
});

async function ndjson(query: string) {
  const res = await fetch(`${server.base}/changes.ndjson${query}`);
  const text = await res.text();
  return { res, text, lines: text.split("\n").filter(Boolean) };
}

describe("directoryChanges", () => {
  it("is the same for anonymous readers and every curator role", async () => {
    expect(all).toHaveLength(ENTRIES);
    expect(all[0].node).toMatchObject({ kind: "CREATED", recordType: "SPECIALTY", slug: "feed-specialty-0" });
    const anonymous = expectData(await server.exec(DIRECTORY_CHANGES, { first: 5 })).directoryChanges;
    for (const role of [CuratorRole.VIEWER, CuratorRole.EDITOR, CuratorRole.ADMIN]) {
      const curator = await factories(server.ds).curator({ role });
      expect(expectData(await server.exec(DIRECTORY_CHANGES, { first: 5 }, curator)).directoryChanges).toEqual(
        anonymous,
      );
    }
    const count = expectData(await server.exec(`{ directoryChanges(first: 0) { totalCount edges { cursor } } }`));
    expect(count.directoryChanges).toEqual({ totalCount: ENTRIES, edges: [] });
  });

  it("answers anonymous reads with a public Cache-Control and signed-in ones privately", async () => {
    const query = `{ directoryChanges(first: 1) { edges { cursor } } }`;
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${server.base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query }),
      });
    const anonymous = await post();
    expect(anonymous.headers.get("cache-control")).toBe(`public, max-age=${server.config.publicCacheMaxAge}`);
    const { token } = await loginAs(server, server.base, "VIEWER");
    const signedIn = await post({ authorization: `Bearer ${token}` });
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(((await signedIn.json()) as any).data.directoryChanges.edges).toHaveLength(1);
  });

  it("refuses cursors it did not issue and page sizes out of range, naming the argument", async () => {
    const programsCursor = Buffer.from(JSON.stringify({ o: "TITLE:ASC", v: ["x", 1] })).toString("base64url");
    const forged = (v: unknown) => Buffer.from(JSON.stringify({ o: "FEED", v: [v] })).toString("base64url");
    for (const after of [
      "not a cursor",
      "!!!",
      programsCursor,
      forged("12"),
      forged(-1),
      forged(1.5),
      forged(2 ** 60),
    ]) {
      const error = expectError(await server.exec(DIRECTORY_CHANGES, { after }), "BAD_USER_INPUT", [
        "directoryChanges",
      ]);
      expect(error.extensions!.fields[0].path).toEqual(["after"]);
    }
    expect(expectError(await server.exec(DIRECTORY_CHANGES, { first: 101 }), "BAD_USER_INPUT").message).toMatch(
      /at most 100/,
    );
    expectError(await server.exec(DIRECTORY_CHANGES, { first: -1 }), "BAD_USER_INPUT");
  });

  it("answers a cursor past the end with an empty page and no endCursor (keep the one you have)", async () => {
    const page = expectData(await server.exec(DIRECTORY_CHANGES, { after: all[ENTRIES - 1].cursor })).directoryChanges;
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe("GET /changes.ndjson", () => {
  it("streams the same entries as the query, one JSON object per line, with their cursors", async () => {
    const { res, lines } = await ndjson("?limit=1000");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe(`public, max-age=${server.config.publicCacheMaxAge}`);
    expect(lines.map((l) => JSON.parse(l))).toEqual(all.map((e) => ({ cursor: e.cursor, ...e.node })));
  });

  it("resumes after a cursor from either way in, up to `limit` entries (100 by default)", async () => {
    const third = await ndjson(`?after=${all[1].cursor}&limit=2`);
    expect(third.lines.map((l) => JSON.parse(l).slug)).toEqual(["feed-specialty-2", "feed-specialty-3"]);
    const next = JSON.parse(third.lines[1]).cursor;
    const page = expectData(await server.exec(DIRECTORY_CHANGES, { after: next, first: 1 })).directoryChanges;
    expect(page.edges[0].node.slug).toBe("feed-specialty-4");
    expect((await ndjson("")).lines).toHaveLength(100);
    const end = await ndjson(`?after=${all[ENTRIES - 1].cursor}`);
    expect(end.res.status).toBe(200);
    expect(end.text).toBe("");
  });

  it("refuses a bad cursor or limit with a 400 JSON error naming the parameter, never HTML", async () => {
    const cases: [string, RegExp][] = [
      ["?after=not-a-cursor", /^after: /],
      [`?after=${Buffer.from('{"o":"FEED","v":["1"]}').toString("base64url")}`, /^after: /],
      [`?after=${all[0].cursor}&after=${all[1].cursor}`, /^after: /],
      ["?limit=0", /^limit: /],
      ["?limit=1001", /^limit: /],
      ["?limit=ten", /^limit: /],
      ["?limit=1e2", /^limit: /],
    ];
    for (const [query, message] of cases) {
      const { res, text } = await ndjson(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = JSON.parse(text);
      expect(body.error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
  });
});
