import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { type GqlResult, useTestServer } from "../support/server";

// A lone surrogate (JSON "\ud800": half of a UTF-16 pair) is not a character; both databases stored
// U+FFFD in its place without a word. Every text argument now refuses it, naming the field.

const server = useTestServer({ listen: true, reset: true });
let f: ReturnType<typeof factories>;
let editor: Curator;
beforeAll(async () => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editor = await f.curator({ role: CuratorRole.EDITOR });
});

const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { id title } }`;
const VALID = { slug: "valid-program", title: "Valid", type: "FELLOWSHIP", audience: "GRADUATE", country: "US" };
const LONE = /lone surrogate/;

function refused(result: GqlResult, path: string[]) {
  const error = expectError(result, "BAD_USER_INPUT");
  expect(error.extensions!.fields).toEqual([{ path, message: expect.stringMatching(LONE) }]);
}

describe("lone surrogates", () => {
  it("are refused in input fields, nested link fields and plain arguments, naming the field; nothing is stored", async () => {
    refused(await server.exec(CREATE, { input: { ...VALID, title: "Bad \ud800 title" } }, editor), ["input", "title"]);
    refused(await server.exec(CREATE, { input: { ...VALID, description: "ends badly \ud83d" } }, editor), [
      "input",
      "description",
    ]);
    const req = await f.requirement();
    const links = [{ requirementId: String(req.id), level: "REQUIRED", note: "x\udc00y" }];
    refused(await server.exec(CREATE, { input: { ...VALID, requirements: links } }, editor), [
      "input",
      "requirements",
      "0",
      "note",
    ]);
    expect(await server.ds.getRepository(Program).count()).toBe(0);

    const p = await f.program();
    const verify = `mutation($id: ID!, $note: String) { verifyProgram(id: $id, version: 1, note: $note) { version } }`;
    refused(await server.exec(verify, { id: String(p.id), note: "\udfff" }, editor), ["note"]);
    refused(
      await server.exec(`query($s: String) { programs(search: $s, first: 1) { totalCount } }`, { s: "card\ud800" }),
      ["search"],
    );
  });

  it("are refused when they arrive as a JSON escape over HTTP", async () => {
    const body = `{"query":"query($s: String) { programs(search: $s, first: 1) { totalCount } }","variables":{"s":"a\\ud800b"}}`;
    const res = await fetch(`${server.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    const json = (await res.json()) as { errors: { extensions: { code: string; fields: { path: string[] }[] } }[] };
    expect(json.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: ["search"] }] });
  });

  it("accept well-formed pairs (characters outside the BMP) and store them as sent", async () => {
    const title = "Emoji \u{1F600} and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
    const created = expectData(await server.exec(CREATE, { input: { ...VALID, title } }, editor)).createProgram;
    expect(created.title).toBe(title);
    expect((await server.ds.getRepository(Program).findOneByOrFail({ id: Number(created.id) })).title).toBe(title);
  });
});
