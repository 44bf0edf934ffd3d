import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import type { WebhookPrivateTargets } from "../../core/config";

/**
 * Which addresses a webhook may reach (no server-side request forgery): checked when an endpoint
 * is saved and again for every attempt, on the addresses DNS gives at that moment (a name that
 * resolved to a public address yesterday may resolve to 10.0.0.1 today: DNS rebinding), and the
 * connection is made to the address that was checked.
 */

/** ipaddr.js's ranges that private networks use (allowed with WEBHOOK_ALLOW_PRIVATE_TARGETS=private). */
const PRIVATE_RANGES = new Set(["private", "uniqueLocal", "carrierGradeNat"]);

/** Why `ip` may not be reached by a webhook to a `scheme` URL, or null when it may. */
export function addressProblem(ip: string, scheme: "http" | "https", allow: WebhookPrivateTargets): string | null {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.parse(ip);
  } catch {
    return `${ip} is not an IP address`;
  }
  // ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address inside.
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress())
    address = (address as ipaddr.IPv6).toIPv4Address();
  const range = address.range();
  if (range === "loopback") return allow === "none" ? `${ip} is a loopback address` : null;
  if (scheme === "http") return `plain http may only reach this machine (loopback); ${ip} is not loopback`;
  if (range === "unicast") return null;
  if (PRIVATE_RANGES.has(range)) return allow === "private" ? null : `${ip} is a private-network address`;
  // Link-local (169.254/16: cloud metadata services; fe80::/10), multicast, broadcast, reserved and
  // every special-purpose IPv6 range (6to4, Teredo, NAT64 can embed a private IPv4 address): never.
  return `${ip} is ${RANGE_NAMES[range] ?? `a special-purpose (${range})`} address, which webhooks never reach`;
}

const RANGE_NAMES: Record<string, string> = {
  linkLocal: "a link-local",
  multicast: "a multicast",
  broadcast: "a broadcast",
  unspecified: "an unspecified",
  reserved: "a reserved",
};

export interface ParsedTarget {
  url: URL;
  scheme: "http" | "https";
  /** The host without IPv6 brackets. */
  host: string;
}

/** The URL's own problems (scheme, credentials), before any address is looked at. */
export function parseTarget(raw: string, allow: WebhookPrivateTargets): ParsedTarget | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be a full URL, e.g. https://example.org/hooks/directory";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an https:// URL";
  const scheme = url.protocol === "https:" ? "https" : "http";
  if (scheme === "http" && allow === "none")
    return "must be an https:// URL (plain http is allowed only to this machine, in development)";
  if (url.username || url.password) return "must not contain a user name or password";
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return { url, scheme, host };
}

/**
 * Resolves `host` (all its addresses) and returns them when every one may be reached, or the
 * problem. An IP literal is checked as it is.
 */
export async function resolveTarget(
  host: string,
  scheme: "http" | "https",
  allow: WebhookPrivateTargets,
): Promise<{ addresses: dns.LookupAddress[] } | { problem: string }> {
  let addresses: dns.LookupAddress[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIP(host) }];
  } else {
    try {
      addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
    } catch {
      return { problem: `the host ${host} does not resolve` };
    }
    if (addresses.length === 0) return { problem: `the host ${host} does not resolve` };
  }
  for (const a of addresses) {
    const problem = addressProblem(a.address, scheme, allow);
    if (problem)
      return { problem: net.isIP(host) ? `refused: ${problem}` : `refused: ${problem} (an address of ${host})` };
  }
  return { addresses };
}

/** Why a webhook URL may not be saved, or null. */
export async function targetProblem(raw: string, allow: WebhookPrivateTargets): Promise<string | null> {
  const parsed = parseTarget(raw, allow);
  if (typeof parsed === "string") return parsed;
  const resolved = await resolveTarget(parsed.host, parsed.scheme, allow);
  return "problem" in resolved ? resolved.problem : null;
}
