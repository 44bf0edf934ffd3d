import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { WebhookConfig } from "../../core/config";
import { signedHeaders } from "./webhook.signing";
import { parseTarget, resolveTarget } from "./webhook.target";

/** What one attempt came to. */
export interface AttemptOutcome {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface OutgoingEvent {
  url: string;
  secret: string;
  messageId: string;
  body: string;
}

/** The most of an answer's body read (then dropped): a receiver cannot make the server buffer more. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one signed event. The host is resolved and every address checked first (webhook.target.ts);
 * the connection then goes to one of those very addresses (a `lookup` that answers with them), so
 * a second DNS answer cannot swap in another. One attempt, one connection (no keep-alive), no
 * redirect followed (a 3xx fails), everything within WEBHOOK_TIMEOUT_MS.
 */
export async function sendWebhook(event: OutgoingEvent, config: WebhookConfig): Promise<AttemptOutcome> {
  const started = performance.now();
  const done = (ok: boolean, responseStatus: number | null, error: string | null): AttemptOutcome => ({
    ok,
    responseStatus,
    error: error && error.slice(0, 300),
    durationMs: Math.round(performance.now() - started),
  });
  const parsed = parseTarget(event.url, config.allowPrivateTargets);
  if (typeof parsed === "string") return done(false, null, `refused: the URL ${parsed}`);
  const resolved = await resolveTarget(parsed.host, parsed.scheme, config.allowPrivateTargets);
  if ("problem" in resolved) return done(false, null, resolved.problem);
  const checked = resolved.addresses;
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as dns.LookupAllOptions).all) (callback as (e: null, a: dns.LookupAddress[]) => void)(null, checked);
    else callback(null, checked[0].address, checked[0].family);
  };
  const headers = {
    ...signedHeaders(event.secret, event.messageId, new Date(), event.body),
    "content-type": "application/json",
    "user-agent": "img-program-directory-webhooks",
  };
  const request = parsed.scheme === "https" ? https.request : http.request;
  return new Promise<AttemptOutcome>((resolve) => {
    const req = request(parsed.url, {
      method: "POST",
      headers: { ...headers, "content-length": Buffer.byteLength(event.body) },
      lookup: pinned,
      agent: false,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      res.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) res.destroy();
      });
      const finish = () => {
        if (status >= 200 && status < 300) resolve(done(true, status, null));
        else if (status >= 300 && status < 400)
          resolve(done(false, status, `redirect not followed (to ${res.headers.location ?? "nowhere"})`));
        else resolve(done(false, status, `the endpoint answered HTTP ${status}`));
      };
      res.on("end", finish);
      res.on("close", finish); // also after destroy: the status is what counts
      res.on("error", () => undefined);
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      const timedOut = e.name === "AbortError" || e.name === "TimeoutError";
      resolve(done(false, null, timedOut ? `no answer within ${config.timeoutMs} ms` : describeError(e)));
    });
    req.end(event.body);
  });
}

function describeError(e: NodeJS.ErrnoException): string {
  if (e.code === "ECONNREFUSED") return "connection refused";
  if (e.code === "ECONNRESET") return "connection reset";
  return e.code ? `${e.code}: ${e.message}` : e.message;
}
