import { spawn } from "node:child_process";
import { CuratorRole } from "../../server/src/core/roles";
import { WebhookEndpoint } from "../../server/src/modules/webhook/webhook-endpoint.entity";
import { WebhookMessage } from "../../server/src/modules/webhook/webhook-message.entity";
import { WebhookEventType } from "../../server/src/modules/webhook/webhook.events";
import { percentile, ratio } from "../lib/stats";
import type { BenchContext, Measurement, Unavailable } from "../lib/types";

export interface WebhookSaveResult {
  /** Save latency (ms) with no enabled endpoint. */
  without: { saves: number; p50: number; p95: number };
  /** The same saves with 5 enabled endpoints wanting program.changed (each save queues 5 events). */
  with5: { saves: number; p50: number; p95: number };
  eventsQueued: number;
  eventsDelivered: number;
  p50With5VsWithout: number | null;
  p95With5VsWithout: number | null;
}

const ENDPOINTS = 5;
/**
 * Saves start at most every PACE_MS (10 a second, already far more than curators make): what is
 * judged is one save's latency while deliveries go on, not how many saves the machine can push
 * back to back, where any background work at all (here 50 deliveries a second) takes its share.
 */
const PACE_MS = 100;

async function post(url: string, query: string, variables: object, token?: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * Receivers in a process of their own, as real ones are on other machines: in the app's process
 * their request handling would be counted as the cost of sending.
 */
async function startReceivers(count: number): Promise<{ urls: string[]; stop: () => void }> {
  const script = `
    const http = require("node:http");
    const ports = [];
    let left = ${count};
    for (let i = 0; i < ${count}; i++) {
      const server = http.createServer((req, res) => req.resume().on("end", () => res.writeHead(204).end()));
      server.listen(0, "127.0.0.1", () => {
        ports.push(server.address().port);
        if (--left === 0) console.log(JSON.stringify(ports));
      });
    }`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const ports = await new Promise<number[]>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("\n")) resolve(JSON.parse(out) as number[]);
    });
    child.on("exit", (code) => reject(new Error(`the webhook receivers exited (${code})`)));
  });
  return { urls: ports.map((p) => `http://127.0.0.1:${p}/hooks`), stop: () => child.kill() };
}

const SAVE = `mutation($id: ID!, $version: Int!, $note: String) {
  updateProgram(id: $id, version: $version, input: { sourceNote: $note }) { version }
}`;

/**
 * A curator's save (updateProgram over HTTP, one at a time, PACE_MS apart) with 5 webhook endpoints configured
 * against none, alternating rounds. With endpoints, the save only inserts 5 outbox rows in its
 * transaction; the app's drainer delivers them to local receivers meanwhile, outside the request.
 */
export const webhookSave: Measurement<WebhookSaveResult | Unavailable> = {
  key: "webhookSave",
  title: "curator save with 5 webhook endpoints vs none",
  async run(ctx: BenchContext) {
    const ds = ctx.deps.dataSource;
    const receivers = await startReceivers(ENDPOINTS);
    const email = `bench-webhooks-${Date.now()}@example.org`;
    const password = "bench-webhook-password";
    await ctx.deps.services.curators.create(null, { email, role: CuratorRole.EDITOR, password });
    const token = (
      await post(ctx.app.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: email,
        p: password,
      })
    ).login.token;
    const [{ id }] = await ds.query(`SELECT id FROM programs WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    let version: number = (
      await post(ctx.app.url, `query($id: ID!) { program(id: $id) { version } }`, { id: String(id) }, token)
    ).program.version;
    const endpoints = await ds.getRepository(WebhookEndpoint).save(
      receivers.urls.map((url) => ({
        url,
        description: "bench",
        eventTypes: Object.values(WebhookEventType),
        enabled: false,
        secret: `whsec_${Buffer.alloc(32, 7).toString("base64")}`,
      })),
    );
    const samples = { without: [] as number[], with5: [] as number[] };
    const perRound = ctx.quick ? 40 : 100;
    let n = 0;
    try {
      for (let round = 0; round < ctx.settings.rounds * 2; round++) {
        const withEndpoints = round % 2 === 1;
        await ds.getRepository(WebhookEndpoint).update(
          endpoints.map((e) => e.id),
          { enabled: withEndpoints },
        );
        for (let i = 0; i < perRound + 5; i++) {
          const started = performance.now();
          const next = started + PACE_MS;
          version = (await post(ctx.app.url, SAVE, { id: String(id), version, note: `bench save ${n++}` }, token))
            .updateProgram.version;
          // The first saves of a round warm up.
          if (i >= 5) (withEndpoints ? samples.with5 : samples.without).push(performance.now() - started);
          const idle = next - performance.now();
          if (idle > 0) await new Promise((r) => setTimeout(r, idle));
        }
      }
      const queued = await ds.getRepository(WebhookMessage).count();
      if (queued === 0)
        return {
          value: null,
          reason: "saves queued no webhook event (is the outbox listener wired into the change feed?)",
        };
      const delivered = await ds.getRepository(WebhookMessage).countBy({ status: "DELIVERED" });
      const summary = (s: number[]) => {
        const sorted = [...s].sort((a, b) => a - b);
        return {
          saves: s.length,
          p50: Math.round(percentile(sorted, 50) * 100) / 100,
          p95: Math.round(percentile(sorted, 95) * 100) / 100,
        };
      };
      const without = summary(samples.without);
      const with5 = summary(samples.with5);
      ctx.log(
        `  save p50 ${without.p50} ms without endpoints, ${with5.p50} ms with ${ENDPOINTS}; ${queued} events queued, ${delivered} delivered so far`,
      );
      return {
        without,
        with5,
        eventsQueued: queued,
        eventsDelivered: delivered,
        p50With5VsWithout: ratio(with5.p50, without.p50),
        p95With5VsWithout: ratio(with5.p95, without.p95),
      };
    } finally {
      await ds.getRepository(WebhookEndpoint).delete(endpoints.map((e) => e.id));
      receivers.stop();
    }
  },
};
