import { WebhookEndpoint } from "../../server/src/modules/webhook/webhook-endpoint.entity";
import { WebhookMessage } from "../../server/src/modules/webhook/webhook-message.entity";
import { sendWebhook } from "../../server/src/modules/webhook/webhook.sender";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import {
  aChange,
  eventually,
  recordChange,
  startReceiver,
  verifyStandardWebhook,
  type Answer,
  type Receiver,
} from "../support/webhooks";

// Retries 1 ms apart and 6 attempts per event: the schedule is counted in attempts, not waited for.
const server = useTestServer({
  reset: true,
  env: {
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback",
    WEBHOOK_POLL_INTERVAL_MS: "20",
    WEBHOOK_RETRY_BASE_MS: "1",
    WEBHOOK_MAX_ATTEMPTS: "6",
  },
});

const CREATE = `mutation($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id version } }
}`;
const LOG = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 50) {
  totalCount edges { node { id messageId eventType attempt status responseStatus error durationMs } }
} }`;

let admin: Curator;
const receivers: Receiver[] = [];
beforeEach(async () => {
  admin = await factories(server.ds).curator({ role: CuratorRole.ADMIN });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(answer?: (n: number) => Answer) {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}

async function endpoint(url: string, eventTypes = ["PROGRAM_CHANGED", "PROGRAM_REMOVED"]) {
  return expectData(await server.exec(CREATE, { input: { url, eventTypes } }, admin)).createWebhookEndpoint as {
    secret: string;
    endpoint: { id: string; version: number };
  };
}

/** The delivery log, oldest attempt first. */
async function log(id: string) {
  const edges = expectData(await server.exec(LOG, { id }, admin)).webhookDeliveries.edges;
  return edges.map((e: { node: unknown }) => e.node).reverse();
}

const messages = () => server.ds.getRepository(WebhookMessage).find({ order: { id: "ASC" } });

describe("delivering changes to webhook endpoints", () => {
  it("POSTs the change as JSON signed in the Standard Webhooks format (checked independently)", async () => {
    const r = await receiver();
    const { secret, endpoint: e } = await endpoint(r.url);
    await recordChange(
      server.ds,
      aChange({ sequence: 41, kind: "CHANGED", recordId: 12, slug: "mayo-im", changedFields: ["title", "positions"] }),
    );
    const [got] = await r.waitForRequests(1);
    expect(verifyStandardWebhook(secret, got.headers, got.body)).toBe(true);
    // The check is not vacuous: another body, id or secret fails it.
    expect(verifyStandardWebhook(secret, got.headers, got.body.replace("mayo", "MAYO"))).toBe(false);
    expect(verifyStandardWebhook(secret, { ...got.headers, "webhook-id": "msg_other" }, got.body)).toBe(false);
    expect(verifyStandardWebhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`, got.headers, got.body)).toBe(false);
    expect(got.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(got.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(got.body)).toEqual({
      type: "program.changed",
      timestamp: "2026-11-30T12:00:00.000Z",
      data: { sequence: 41, recordType: "PROGRAM", id: "12", slug: "mayo-im", changedFields: ["title", "positions"] },
    });
    const attempt = await eventually("the logged attempt", async () => (await log(e.id))[0]);
    expect(attempt).toMatchObject({
      attempt: 1,
      status: "SUCCEEDED",
      responseStatus: 204,
      error: null,
      eventType: "program.changed",
    });
    expect(attempt.messageId).toBe(got.headers["webhook-id"]);
  });

  it("queues an event only for enabled endpoints that want its type, and only when the change commits", async () => {
    const r = await receiver();
    const wantsPrograms = await endpoint(r.url, ["PROGRAM_REMOVED"]);
    const wantsAll = await endpoint(r.url, ["PROGRAM_REMOVED", "INSTITUTION_CREATED"]);
    const off = await endpoint(r.url, ["INSTITUTION_CREATED"]);
    await server.ds.getRepository(WebhookEndpoint).update(Number(off.endpoint.id), { enabled: false });
    await recordChange(server.ds, aChange({ kind: "CREATED", recordType: "INSTITUTION" }));
    await expect(
      recordChange(server.ds, aChange({ kind: "REMOVED", changedFields: [] }), async () => {
        throw new Error("the save failed after the listeners ran");
      }),
    ).rejects.toThrow("the save failed");
    const queued = await messages();
    expect(queued.map((m) => [m.endpointId, m.eventType])).toEqual([
      [Number(wantsAll.endpoint.id), "institution.created"],
    ]);
    await r.waitForRequests(1);
    expect(JSON.parse(r.received[0].body).type).toBe("institution.created");
    void wantsPrograms;
  });

  it("retries a failing receiver with the same webhook-id until it succeeds: 3 failures, then delivered", async () => {
    const r = await receiver((n) => (n <= 3 ? { status: n === 3 ? 503 : 500 } : { status: 200 }));
    const { secret, endpoint: e } = await endpoint(r.url);
    await recordChange(server.ds, aChange());
    const got = await r.waitForRequests(4);
    expect(new Set(got.map((g) => g.headers["webhook-id"])).size).toBe(1);
    expect(new Set(got.map((g) => g.body)).size).toBe(1);
    for (const g of got) expect(verifyStandardWebhook(secret, g.headers, g.body)).toBe(true);
    const attempts = await eventually("four logged attempts", async () => {
      const l = await log(e.id);
      return l.length === 4 && l;
    });
    expect(attempts.map((a: any) => [a.attempt, a.status, a.responseStatus])).toEqual([
      [1, "FAILED", 500],
      [2, "FAILED", 500],
      [3, "FAILED", 503],
      [4, "SUCCEEDED", 200],
    ]);
    expect(attempts[0].error).toBe("the endpoint answered HTTP 500");
    expect((await messages())[0]).toMatchObject({ status: "DELIVERED", attempts: 4 });
    expect(r.received).toHaveLength(4);
  });

  it("does not follow a redirect; an event failing every attempt disables its endpoint, shown to the dashboard", async () => {
    const target = await receiver();
    let redirect = true;
    const r = await receiver(() => (redirect ? { status: 302, location: target.url } : { status: 204 }));
    const { endpoint: e } = await endpoint(r.url);
    await recordChange(server.ds, aChange());
    const disabled = await eventually("the endpoint disabled", async () => {
      const row = await server.ds.getRepository(WebhookEndpoint).findOneByOrFail({ id: Number(e.id) });
      return !row.enabled && row;
    });
    const attempts = await log(e.id);
    expect(attempts.map((a: any) => [a.attempt, a.status, a.responseStatus])).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => [n, "FAILED", 302]),
    );
    expect(attempts[0].error).toBe(`redirect not followed (to ${target.url})`);
    expect(target.received).toHaveLength(0);
    expect(disabled.disabledReason).toMatch(/^Disabled after 6 failed attempts/);
    expect((await messages())[0]).toMatchObject({ status: "FAILED", attempts: 6 });
    const NOTICE = `{ webhookEndpoints(disabledByServer: true) { edges { node { id enabled disabledAt disabledReason } } } }`;
    const listed = expectData(await server.exec(NOTICE, {}, admin)).webhookEndpoints.edges;
    expect(listed.map((x: any) => x.node.id)).toEqual([e.id]);

    // Resend: refused while disabled; once enabled (which clears the notice), the same event goes out again.
    const RESEND = `mutation($id: ID!) { resendWebhookDelivery(id: $id) { id } }`;
    expectError(await server.exec(RESEND, { id: attempts[5].id }, admin), "BAD_USER_INPUT", ["resendWebhookDelivery"]);
    const UPDATE = `mutation($id: ID!, $v: Int!) { updateWebhookEndpoint(id: $id, version: $v, input: { enabled: true }) { disabledAt } }`;
    expect(
      expectData(await server.exec(UPDATE, { id: e.id, v: disabled.version }, admin)).updateWebhookEndpoint.disabledAt,
    ).toBeNull();
    expect(expectData(await server.exec(NOTICE, {}, admin)).webhookEndpoints.edges).toHaveLength(0);
    redirect = false;
    expectData(await server.exec(RESEND, { id: attempts[5].id }, admin));
    const last = await eventually("the resent attempt", async () => (await log(e.id))[6]);
    expect(last).toMatchObject({ attempt: 7, status: "SUCCEEDED", messageId: attempts[0].messageId });
    expect(r.received.at(-1)!.headers["webhook-id"]).toBe(attempts[0].messageId);
  });

  it("checks the address again at delivery time: an endpoint whose host now points at 169.254.x is refused", async () => {
    const r = await receiver();
    const { endpoint: e } = await endpoint(r.url);
    // What a DNS answer changed after the endpoint was saved would do (rebinding), written directly.
    await server.ds
      .getRepository(WebhookEndpoint)
      .update(Number(e.id), { url: "https://169.254.169.254/latest/meta-data" });
    await recordChange(server.ds, aChange());
    const attempt = await eventually("the refused attempt", async () => (await log(e.id))[0]);
    expect(attempt).toMatchObject({ status: "FAILED", responseStatus: null });
    expect(attempt.error).toMatch(/^refused: 169\.254\.169\.254 is a link-local address/);
  });

  it("resolves a name at delivery time and refuses loopback when the setting does not allow it; times out a silent receiver", async () => {
    const r = await receiver(() => "hang");
    const config = { ...server.config.webhooks, allowPrivateTargets: "none" as const, timeoutMs: 200 };
    const event = {
      url: r.url.replace("http://127.0.0.1", "https://localhost"),
      secret: "whsec_AAAA",
      messageId: "msg_1",
      body: "{}",
    };
    const refused = await sendWebhook(event, config);
    expect(refused).toMatchObject({ ok: false, responseStatus: null });
    expect(refused.error).toMatch(/^refused: (127\.0\.0\.1|::1) is a loopback address \(an address of localhost\)$/);
    expect(r.received).toHaveLength(0);
    const silent = await sendWebhook({ ...event, url: r.url }, { ...config, allowPrivateTargets: "loopback" });
    expect(silent).toMatchObject({ ok: false, responseStatus: null, error: "no answer within 200 ms" });
    expect(r.received).toHaveLength(1);
  });
});
