import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import type { AuthConfig } from "../../core/config";
import type { LoginAttempt, LoginCounterScope } from "./login-attempt.entity";

/**
 * The sign-in defence, as pure functions of the counters and the time (login-attempts.ts keeps the
 * counters in the database). Every attempt is charged to three counters before its password is
 * checked: the email from this address ("pair"), the email from anywhere, and the address. Each
 * allows a number of attempts, then makes the next one wait a delay that doubles with every further
 * attempt, up to a cap. The pair and the address reach long delays (a guesser is slowed to a crawl);
 * the email-wide counter allows more and its delay stays short, because the account's owner shares
 * it: a stranger's failures cost the owner, signing in from elsewhere, a few seconds at most.
 * A fourth counter limits each address to so many attempts a minute, right or wrong.
 */

export type Counter = Pick<LoginAttempt, "key" | "scope" | "count" | "windowStartedAt" | "notBefore">;
export interface CounterKey {
  key: string;
  scope: LoginCounterScope;
}

export type Decision =
  | { allowed: true; changed: Counter[]; pairCount: number }
  | { allowed: false; changed: Counter[]; retryAfterSeconds: number };

const MINUTE_MS = 60_000;

/**
 * The block an address belongs to: an IPv4 address itself, an IPv6 address's /56 (one customer's
 * allocation, which an attacker can rotate through freely), an IPv4-mapped IPv6 address as IPv4.
 */
export function addressBlock(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  const bare = address.split("%")[0];
  if (!isIPv6(bare)) return address;
  const [head, tail] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  const prefix = groups.slice(0, 4).map((g) => parseInt(g, 16) || 0);
  prefix[3] &= 0xff00;
  return `${prefix.map((g) => g.toString(16)).join(":")}::/56`;
}

function counterKey(scope: LoginCounterScope, value: string): CounterKey {
  return { scope, key: createHash("sha256").update(`${scope}:${value}`, "utf8").digest("hex") };
}

/** The counters one attempt touches, sorted by key: rows are locked in this order, so attempts never deadlock. */
export function countersFor(config: AuthConfig, email: string, address: string | null): CounterKey[] {
  const block = address ? addressBlock(address) : "";
  const keys = [counterKey("pair", `${email}\n${block}`), counterKey("email", email)];
  if (address) {
    keys.push(counterKey("address", block));
    if (config.loginAttemptsPerMinute > 0) keys.push(counterKey("minute", block));
  }
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** How long after its `count`-th charged attempt a counter makes the next one wait. */
export function delayMs(config: AuthConfig, scope: LoginCounterScope, count: number): number {
  const free =
    scope === "pair"
      ? config.loginMaxFailures
      : scope === "email"
        ? config.loginMaxFailuresPerEmail
        : config.loginMaxFailuresPerAddress;
  if (count < free) return 0;
  const cap = scope === "email" ? config.loginMaxEmailDelaySeconds : config.loginMaxDelaySeconds;
  return Math.min(cap, config.loginDelaySeconds * 2 ** Math.min(count - free, 40)) * 1000;
}

/** A counter as it stands now: a past minute's window starts over, a long-elapsed delay is forgotten. */
function current(config: AuthConfig, c: Counter, now: Date): Counter {
  const t = now.getTime();
  if (c.scope === "minute") {
    if (t - c.windowStartedAt.getTime() < MINUTE_MS) return c;
    return { ...c, count: 0, windowStartedAt: now, notBefore: new Date(t + MINUTE_MS) };
  }
  return t - c.notBefore.getTime() > config.loginWindowMinutes * MINUTE_MS ? { ...c, count: 0 } : c;
}

const secondsUntil = (until: number, now: Date) => Math.max(1, Math.ceil((until - now.getTime()) / 1000));

/**
 * Whether an attempt may check its password now, and the counters to write either way. An allowed
 * attempt is charged to every counter up front (as if it will fail: a success is forgiven later),
 * so parallel attempts cannot all slip through before the first failure is recorded.
 */
export function decide(config: AuthConfig, rows: Counter[], now: Date): Decision {
  const counters = rows.map((c) => current(config, c, now));
  const changed: Counter[] = [];
  const minute = counters.find((c) => c.scope === "minute");
  if (minute) {
    const windowEnds = minute.windowStartedAt.getTime() + MINUTE_MS;
    if (minute.count >= config.loginAttemptsPerMinute)
      return { allowed: false, changed, retryAfterSeconds: secondsUntil(windowEnds, now) };
    changed.push({ ...minute, count: minute.count + 1, notBefore: new Date(windowEnds) });
  }
  const delayed = counters.filter((c) => c.scope !== "minute");
  const waitUntil = Math.max(...delayed.map((c) => c.notBefore.getTime()));
  if (waitUntil > now.getTime()) return { allowed: false, changed, retryAfterSeconds: secondsUntil(waitUntil, now) };
  for (const c of delayed) {
    const count = c.count + 1;
    changed.push({ ...c, count, notBefore: new Date(now.getTime() + delayMs(config, c.scope, count)) });
  }
  return { allowed: true, changed, pairCount: changed.find((c) => c.scope === "pair")?.count ?? 0 };
}

/**
 * After a successful sign-in: the pair forgets the attempts charged up to this one (the owner has
 * proved who they are from this address), attempts charged after it still count; the email-wide and
 * address counters only take this attempt back, so a stranger's failures stay charged.
 */
export function forgive(rows: Counter[], pairCount: number, now: Date): Counter[] {
  return rows
    .filter((c) => c.scope !== "minute")
    .map((c) => {
      const count = Math.max(0, c.count - (c.scope === "pair" ? pairCount : 1));
      return { ...c, count, notBefore: count === 0 && c.notBefore > now ? now : c.notBefore };
    });
}
