import { ConfigError, loadConfig } from "../../server/src/core/config";
import {
  MAX_BACKOFF_FACTOR,
  retryDelayMs,
  shortestRetrySpanMs,
} from "../../server/src/modules/webhook/webhook.schedule";

const HOUR = 3_600_000;

describe("webhook settings and the retry schedule", () => {
  it("defaults: public targets only, 1 s polls, 10 s timeout, 10 s first retry, 18 attempts", () => {
    expect(loadConfig({}).webhooks).toEqual({
      allowPrivateTargets: "none",
      pollIntervalMs: 1000,
      timeoutMs: 10_000,
      retryBaseMs: 10_000,
      maxAttempts: 18,
    });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "loopback" }).webhooks.allowPrivateTargets).toBe("loopback");
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "yes" })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: "0" })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
  });

  it("with the defaults, retries of one event go on for more than 24 hours even at the shortest jitter", () => {
    const config = loadConfig({}).webhooks;
    expect(shortestRetrySpanMs(config)).toBeGreaterThan(24 * HOUR);
    // And the longest wait between two attempts is bounded (about 5.7 h).
    expect(retryDelayMs(40, config, () => 1)).toBeLessThanOrEqual(config.retryBaseMs * MAX_BACKOFF_FACTOR);
  });

  it("doubles each wait, with jitter between 0.75 and 1 of it", () => {
    const config = { ...loadConfig({}).webhooks, retryBaseMs: 1000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, config, () => 0))).toEqual([750, 1500, 3000, 6000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, config, () => 0.999999))).toEqual([1000, 2000, 4000, 8000]);
  });
});
