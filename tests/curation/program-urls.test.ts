/**
 * A program's own web page (`websiteUrl`) and where one applies (`applicationUrl`): written through
 * the API like any other program field (saved, read, audited, reverted) and held to the API's URL
 * rule (http:// or https://, at most 500 characters).
 */
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
let editor: Curator;
beforeAll(() => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editor = await f.curator({ role: CuratorRole.EDITOR });
});

const FIELDS = "id version websiteUrl applicationUrl";
const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $v, input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishProgram(id: $id, version: $v) { version } }`;
const REVERT = `mutation($id: ID!, $v: Int!, $to: ID!) { revertProgram(id: $id, version: $v, toEntry: $to) { ${FIELDS} } }`;
const READ = `query($slug: String) { program(slug: $slug) { websiteUrl applicationUrl } }`;
const LOG = `query($filter: AuditFilter) { auditLog(filter: $filter, first: 20) { edges { node { id action changes } } } }`;
const PROGRAM = {
  slug: "url-fellowship",
  title: "A fellowship",
  type: "FELLOWSHIP",
  audience: "GRADUATE",
  country: "US",
  sourceNote: "Synthetic test listing",
};
const SITE = "https://www.example.org/programs/cardiology";
const APPLY = "https://apply.example.org/cardiology?cycle=2026";

const run = async (query: string, variables: Record<string, unknown>) =>
  expectData(await server.exec(query, variables, editor));

describe("a program's web page and application page", () => {
  it("are created, read publicly, updated one at a time, cleared with null, audited and reverted", async () => {
    const created = (await run(CREATE, { input: { ...PROGRAM, websiteUrl: SITE, applicationUrl: APPLY } }))
      .createProgram;
    expect(created).toMatchObject({ version: 1, websiteUrl: SITE, applicationUrl: APPLY });
    await run(PUBLISH, { id: created.id, v: 1 });
    expect(expectData(await server.exec(READ, { slug: PROGRAM.slug })).program).toEqual({
      websiteUrl: SITE,
      applicationUrl: APPLY,
    });

    const moved = (
      await run(UPDATE, { id: created.id, v: 2, input: { applicationUrl: "http://apply.example.org/new" } })
    ).updateProgram;
    expect(moved).toMatchObject({ version: 3, websiteUrl: SITE, applicationUrl: "http://apply.example.org/new" }); // the other one stays
    const cleared = (await run(UPDATE, { id: created.id, v: 3, input: { websiteUrl: null } })).updateProgram;
    expect(cleared).toMatchObject({ version: 4, websiteUrl: null, applicationUrl: "http://apply.example.org/new" });

    const entries = expectData(
      await server.exec(LOG, { filter: { entityType: "Program", entityId: created.id } }, editor),
    ).auditLog.edges.map((e: { node: { id: string; action: string; changes: Record<string, unknown> } }) => e.node);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(["UPDATE", "UPDATE", "PUBLISH", "CREATE"]);
    const [clearing, moving, , creation] = entries;
    expect(clearing.changes).toEqual({ websiteUrl: { from: SITE, to: null } });
    expect(moving.changes).toEqual({ applicationUrl: { from: APPLY, to: "http://apply.example.org/new" } });
    expect(creation.changes).toMatchObject({
      websiteUrl: { from: null, to: SITE },
      applicationUrl: { from: null, to: APPLY },
    });

    // Back to before the application page moved: both fields as they were created.
    const reverted = (await run(REVERT, { id: created.id, v: 4, to: moving.id })).revertProgram;
    expect(reverted).toMatchObject({ version: 5, websiteUrl: SITE, applicationUrl: APPLY });
  });

  it.each([
    [
      "a javascript: web page",
      "websiteUrl",
      "javascript:alert(document.cookie)",
      "websiteUrl must be a full http:// or https:// URL",
      "isUrl",
    ],
    [
      "an ftp: application page",
      "applicationUrl",
      "ftp://example.org/apply",
      "applicationUrl must be a full http:// or https:// URL",
      "isUrl",
    ],
    [
      "an application page without a scheme",
      "applicationUrl",
      "www.example.org/apply",
      "applicationUrl must be a full http:// or https:// URL",
      "isUrl",
    ],
    [
      "a web page of 501 characters",
      "websiteUrl",
      `https://example.org/${"p".repeat(481)}`,
      "websiteUrl must be at most 500 characters",
      "maxLength",
    ],
  ])("refuse %s on create and on update, naming the field", async (_name, field, value, message, rule) => {
    const refused = expectError(
      await server.exec(CREATE, { input: { ...PROGRAM, [field]: value } }, editor),
      "BAD_USER_INPUT",
    );
    expect(refused.extensions!.fields).toEqual([{ path: ["input", field], message, rule }]);
    const made = (await run(CREATE, { input: PROGRAM })).createProgram;
    const again = expectError(
      await server.exec(UPDATE, { id: made.id, v: 1, input: { [field]: value } }, editor),
      "BAD_USER_INPUT",
    );
    expect(again.extensions!.fields).toEqual([{ path: ["input", field], message, rule }]);
  });

  it("accept a URL of exactly 500 characters", async () => {
    const url = `https://example.org/${"p".repeat(480)}`;
    expect(url).toHaveLength(500);
    expect((await run(CREATE, { input: { ...PROGRAM, websiteUrl: url } })).createProgram.websiteUrl).toBe(url);
  });
});
