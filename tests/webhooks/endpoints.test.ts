import { buildDirectorySchema } from "../../server/src/composition/schema";
import { WebhookEndpoint } from "../../server/src/modules/webhook/webhook-endpoint.entity";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback" } });
const f = () => factories(server.ds);

const CREATE = `mutation($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url description eventTypes enabled version disabledAt } }
}`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: WebhookEndpointUpdateInput!) {
  updateWebhookEndpoint(id: $id, version: $version, input: $input) { id url eventTypes enabled version }
}`;
const LIST = `{ webhookEndpoints(first: 10) { totalCount edges { node { id url enabled } } } }`;
const VALID = { url: "http://127.0.0.1:9/hooks", eventTypes: ["PROGRAM_CHANGED", "INSTITUTION_REMOVED"] };

describe("webhook endpoints through the API", () => {
  it("creates one with a server-made secret shown once, stored for signing, and never answered again", async () => {
    const admin = await f().curator({ role: CuratorRole.ADMIN });
    const created = expectData(await server.exec(CREATE, { input: { ...VALID, description: "Static site" } }, admin));
    const { secret, endpoint } = created.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(endpoint).toMatchObject({ url: VALID.url, description: "Static site", enabled: true, version: 1 });
    expect(endpoint.eventTypes).toEqual(["PROGRAM_CHANGED", "INSTITUTION_REMOVED"]);
    const stored = await server.ds.getRepository(WebhookEndpoint).findOneByOrFail({ id: Number(endpoint.id) });
    expect(stored.secret).toBe(secret);
    // No type the API answers has a field that could carry it.
    const schema = await buildDirectorySchema();
    expect(Object.keys((schema.getType("WebhookEndpoint") as any).getFields())).not.toContain("secret");
    expect(JSON.stringify(expectData(await server.exec(LIST, {}, admin)))).not.toContain(secret.slice(6));
  });

  it("changes the fields sent at the version read; a stale version is a CONFLICT", async () => {
    const admin = await f().curator({ role: CuratorRole.ADMIN });
    const { endpoint } = expectData(await server.exec(CREATE, { input: VALID }, admin)).createWebhookEndpoint;
    const changed = expectData(
      await server.exec(
        UPDATE,
        { id: endpoint.id, version: 1, input: { enabled: false, eventTypes: ["SPECIALTY_CREATED"] } },
        admin,
      ),
    );
    expect(changed.updateWebhookEndpoint).toMatchObject({
      enabled: false,
      eventTypes: ["SPECIALTY_CREATED"],
      version: 2,
    });
    expectError(
      await server.exec(UPDATE, { id: endpoint.id, version: 1, input: { enabled: true } }, admin),
      "CONFLICT",
    );
  });

  it("rotates the secret (a new one, shown once) and deletes the endpoint", async () => {
    const admin = await f().curator({ role: CuratorRole.ADMIN });
    const first = expectData(await server.exec(CREATE, { input: VALID }, admin)).createWebhookEndpoint;
    const rotated = expectData(
      await server.exec(
        `mutation($id: ID!) { rotateWebhookSecret(id: $id, version: 1) { secret endpoint { version } } }`,
        { id: first.endpoint.id },
        admin,
      ),
    ).rotateWebhookSecret;
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.endpoint.version).toBe(2);
    const stored = await server.ds.getRepository(WebhookEndpoint).findOneByOrFail({ id: Number(first.endpoint.id) });
    expect(stored.secret).toBe(rotated.secret);
    expectData(
      await server.exec(
        `mutation($id: ID!) { deleteWebhookEndpoint(id: $id, version: 2) { id } }`,
        { id: first.endpoint.id },
        admin,
      ),
    );
    expect(expectData(await server.exec(LIST, {}, admin)).webhookEndpoints.totalCount).toBe(0);
  });

  it.each([
    [
      "a link-local address (cloud metadata)",
      "https://169.254.169.254/latest/meta-data",
      /169\.254\.169\.254 is a link-local address/,
    ],
    ["link-local behind IPv4-mapped IPv6", "https://[::ffff:169.254.10.1]/x", /link-local/],
    ["a private network", "https://10.0.0.8/hooks", /10\.0\.0\.8 is a private-network address/],
    ["IPv6 unique-local", "https://[fd00::1]/hooks", /private-network/],
    ["IPv6 link-local", "https://[fe80::1]/hooks", /link-local/],
    ["the unspecified address", "https://0.0.0.0/hooks", /unspecified/],
    ["plain http to a public address", "http://93.184.215.14/hooks", /plain http may only reach this machine/],
    ["credentials in the URL", "https://user:pw@127.0.0.1/hooks", /user name or password/],
    ["another scheme", "ftp://127.0.0.1/hooks", /https:\/\//],
    ["not a URL", "hooks", /full URL/],
    ["a name that does not resolve", "https://no-such-host.invalid/hooks", /does not resolve/],
  ])("refuses %s at creation: BAD_USER_INPUT on input.url", async (_what, url, message) => {
    const admin = await f().curator({ role: CuratorRole.ADMIN });
    const error = expectError(await server.exec(CREATE, { input: { ...VALID, url } }, admin), "BAD_USER_INPUT");
    expect(error.extensions!.fields).toEqual([{ path: ["input", "url"], message: expect.stringMatching(message) }]);
    expect(await server.ds.getRepository(WebhookEndpoint).count()).toBe(0);
  });

  it("refuses a change to a refused URL and an empty list of event types", async () => {
    const admin = await f().curator({ role: CuratorRole.ADMIN });
    const { endpoint } = expectData(await server.exec(CREATE, { input: VALID }, admin)).createWebhookEndpoint;
    const r = await server.exec(
      UPDATE,
      { id: endpoint.id, version: 1, input: { url: "https://192.168.1.10/", eventTypes: [] } },
      admin,
    );
    const error = expectError(r, "BAD_USER_INPUT");
    expect(error.extensions!.fields.map((p: { path: string[] }) => p.path)).toEqual([
      ["input", "url"],
      ["input", "eventTypes"],
    ]);
  });

  it("only ADMIN manages endpoints or reads the log: anonymous UNAUTHENTICATED, VIEWER and EDITOR FORBIDDEN", async () => {
    const admin = await f().curator({ role: CuratorRole.ADMIN });
    const { endpoint } = expectData(await server.exec(CREATE, { input: VALID }, admin)).createWebhookEndpoint;
    const reads = [
      LIST,
      `{ webhookEndpoint(id: "${endpoint.id}") { id } }`,
      `{ webhookDeliveries(endpointId: "${endpoint.id}", first: 5) { totalCount } }`,
    ];
    for (const [as, code] of [
      [null, "UNAUTHENTICATED"],
      [await f().curator({ role: CuratorRole.VIEWER }), "FORBIDDEN"],
      [await f().curator({ role: CuratorRole.EDITOR }), "FORBIDDEN"],
    ] as const) {
      for (const q of reads) {
        const r = await server.exec(q, {}, as);
        expectError(r, code);
        expect(Object.values(r.data ?? {}).filter((v) => v !== null)).toEqual([]);
      }
    }
  });

  it("records endpoint writes in the audit log, which only ADMIN reads (URLs can carry a receiver's token)", async () => {
    const admin = await f().curator({ role: CuratorRole.ADMIN });
    expectData(await server.exec(CREATE, { input: VALID }, admin));
    const AUDIT = `{ auditLog(first: 10, filter: { entityType: "WebhookEndpoint" }) { edges { node { action changes } } } }`;
    const seen = expectData(await server.exec(AUDIT, {}, admin)).auditLog.edges;
    expect(seen).toHaveLength(1);
    expect(seen[0].node.changes.secret).toEqual({ from: "[redacted]", to: "[redacted]" });
    const editor = await f().curator({ role: CuratorRole.EDITOR });
    expect(expectData(await server.exec(AUDIT, {}, editor)).auditLog.edges).toHaveLength(0);
  });
});
