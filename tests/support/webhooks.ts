import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { directoryChangeListeners } from "../../server/src/composition/directory-change-listeners";
import type { DirectoryChange } from "../../server/src/core/directory-changes";
import { inTransaction } from "../../server/src/core/transaction";

/** One request a receiver got. */
export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers its nth request (1-based): a status, a redirect, or never (hang). */
export type Answer = { status: number; location?: string } | "hang";

export interface Receiver {
  url: string;
  received: Received[];
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A local HTTP receiver on a free loopback port that records every request. */
export async function startReceiver(answer: (n: number, r: Received) => Answer = () => ({ status: 204 })) {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (d: string) => (body += d));
    req.on("end", () => {
      const r = { headers: req.headers, body };
      received.push(r);
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      const a = answer(received.length, r);
      if (a === "hang") return;
      res.writeHead(a.status, a.location ? { location: a.location } : {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    waitForRequests: (count) =>
      received.length >= count
        ? Promise.resolve(received)
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received) })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

/**
 * The Standard Webhooks check written from the specification, independently of the library the
 * server signs with: HMAC-SHA256 keyed by the base64 after `whsec_`, over `id.timestamp.body`,
 * compared with each space-separated `v1,<base64>` of the signature header.
 */
export function verifyStandardWebhook(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (typeof id !== "string" || typeof timestamp !== "string" || typeof signatures !== "string") return false;
  if (!secret.startsWith("whsec_")) return false;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.split(" ").some((s) => {
    const [version, value] = s.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

let sequence = 0;

/** A change as the feed would record it (its sequence unique within the test file). */
export function aChange(o: Partial<DirectoryChange> = {}): DirectoryChange {
  return {
    sequence: ++sequence,
    kind: "CHANGED",
    recordType: "PROGRAM",
    recordId: 7,
    slug: "a-program",
    changedFields: ["title"],
    occurredAt: new Date("2026-11-30T12:00:00.000Z"),
    ...o,
  };
}

/**
 * What the change feed does for each change it records: calls every listener of the composition
 * root inside one transaction. Tests use it to make a change of any kind without staging the write
 * (tests/webhooks/end-to-end.test.ts goes through real saves). `then` runs in that transaction after them.
 */
export function recordChange(ds: DataSource, change: DirectoryChange, then?: () => Promise<void>): Promise<void> {
  return inTransaction(ds, async (m) => {
    for (const listener of directoryChangeListeners) await listener(m, change);
    if (then) await then();
  });
}

/** Polls `probe` until it returns something truthy (or fails after `tries` polls, naming `what`). */
export async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, tries = 600) {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}
