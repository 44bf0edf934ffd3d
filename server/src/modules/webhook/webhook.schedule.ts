import type { WebhookConfig } from "../../core/config";

/** The longest wait between two attempts, in units of WEBHOOK_RETRY_BASE_MS (about 5.7 h by default). */
export const MAX_BACKOFF_FACTOR = 2 ** 11;
/** Each wait is its exponential value times a random factor from this to 1 (jitter: endpoints recovering from an outage are not all retried at once). */
export const MIN_JITTER = 0.75;

/**
 * How long to wait after the `attempts`-th failed attempt: base × 2^(attempts − 1), at most
 * base × 2^11, times a random factor in [0.75, 1). With the defaults (10 s, 18 attempts) the 17
 * waits add up to 39.8 h, at least 29.9 h with the shortest jitter: retries go on for over 24 hours.
 */
export function retryDelayMs(attempts: number, config: WebhookConfig, random: () => number = Math.random): number {
  const factor = Math.min(2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_FACTOR);
  return Math.round(config.retryBaseMs * factor * (MIN_JITTER + (1 - MIN_JITTER) * random()));
}

/** The shortest total time retries of one event span: the sum of every wait at its least jitter. */
export function shortestRetrySpanMs(config: WebhookConfig): number {
  let total = 0;
  for (let n = 1; n < config.maxAttempts; n++) total += retryDelayMs(n, config, () => 0);
  return total;
}
