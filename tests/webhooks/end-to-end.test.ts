/**
 * Webhooks from real writes: a curator's saves through the API reach a receiver as the same
 * changes, in the same order, that the public feed shows; a draft's edits send nothing, and a
 * failed save sends nothing either.
 */
import { WebhookMessage } from "../../server/src/modules/webhook/webhook-message.entity";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { FeedClient } from "../feed/feed-client";
import { startReceiver, verifyStandardWebhook, type Receiver } from "../support/webhooks";

const server = useTestServer({
  reset: true,
  env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback", WEBHOOK_POLL_INTERVAL_MS: "20", WEBHOOK_RETRY_BASE_MS: "1" },
});

type Ref = { id: string; version: number };
let admin: Curator;
let editor: Curator;
let receiver: Receiver;

beforeEach(async () => {
  const f = factories(server.ds);
  admin = await f.curator({ role: CuratorRole.ADMIN });
  editor = await f.curator({ role: CuratorRole.EDITOR });
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

async function write(field: string, args: string, variables: Record<string, unknown>): Promise<Ref> {
  const name = field.slice(0, field.indexOf("("));
  const data = expectData(await server.exec(`mutation(${args}) { ${field} { id version } }`, variables, editor));
  return (data as Record<string, Ref>)[name];
}
const createProgram = (input: Record<string, unknown>) =>
  write("createProgram(input: $input)", "$input: ProgramInput!", { input });
const updateProgram = (p: Ref, input: Record<string, unknown>) =>
  write("updateProgram(id: $id, version: $version, input: $input)", "$id: ID!, $version: Int!, $input: ProgramInput!", {
    ...p,
    input,
  });
const transition = (name: string, p: Ref) =>
  write(`${name}(id: $id, version: $version)`, "$id: ID!, $version: Int!", { id: p.id, version: p.version });

describe("webhooks from curators' saves", () => {
  it("delivers each public change of a listing once, signed, in the feed's order; drafts and failed saves send nothing", async () => {
    const created = expectData(
      await server.exec(
        `mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }`,
        { input: { url: receiver.url, eventTypes: ["PROGRAM_CREATED", "PROGRAM_CHANGED", "PROGRAM_REMOVED"] } },
        admin,
      ),
    ).createWebhookEndpoint as { secret: string };

    let p = await createProgram({
      type: "OBSERVERSHIP",
      audience: "GRADUATE",
      country: "US",
      slug: "hook-test",
      title: "Hook test",
      sourceNote: "Synthetic test listing",
    });
    p = await updateProgram(p, { title: "Hook test (draft 2)" });
    p = await transition("publishProgram", p);
    p = await updateProgram(p, { title: "Hook test, published" });
    // A stale version is refused: nothing is written, so nothing is sent.
    expectError(
      await server.exec(
        `mutation($id: ID!, $input: ProgramInput!) { updateProgram(id: $id, version: 1, input: $input) { id } }`,
        { id: p.id, input: { title: "stale" } },
        editor,
      ),
      "CONFLICT",
    );
    p = await transition("unpublishProgram", p);
    p = await updateProgram(p, { title: "Edited as a draft again" });

    const feed = await new FeedClient(server, null, 10).poll();
    expect(feed.map((n) => [n.kind, n.recordId])).toEqual([
      ["CREATED", p.id],
      ["CHANGED", p.id],
      ["REMOVED", p.id],
    ]);

    // The outbox holds exactly the three events (queued in the saves' transactions), and they arrive.
    expect(await server.ds.getRepository(WebhookMessage).count()).toBe(3);
    const got = await receiver.waitForRequests(3);
    for (const r of got) expect(verifyStandardWebhook(created.secret, r.headers, r.body)).toBe(true);
    const events = got
      .map(
        (r) => JSON.parse(r.body) as { type: string; data: { sequence: number; id: string; changedFields: string[] } },
      )
      .sort((a, b) => a.data.sequence - b.data.sequence);
    expect(events.map((e) => [e.type, e.data.id, e.data.sequence])).toEqual(
      feed.map((n) => [`program.${n.kind.toLowerCase()}`, n.recordId, n.sequence]),
    );
    expect(events[1].data.changedFields).toEqual(["title"]);
    expect(new Set(got.map((r) => r.headers["webhook-id"])).size).toBe(3);
  });
});
