/**
 * Counts failed sign-ins per email and per client address in a sliding window, in memory.
 * Each API server keeps its own counts (a client spread over N servers gets N times the
 * allowance); the window is short, so a restart forgetting them costs little.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private static readonly MAX_KEYS = 50_000;

  constructor(
    private readonly limits: { perEmail: number; perAddress: number; windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.limits.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  retryAfter(email: string, address: string | null): number {
    const checks: [string, number][] = [[`email:${email}`, this.limits.perEmail]];
    if (address) checks.push([`addr:${address}`, this.limits.perAddress]);
    let wait = 0;
    for (const [key, limit] of checks) {
      const times = this.recent(key);
      if (times.length >= limit) {
        const freesAt = times[times.length - limit] + this.limits.windowMs;
        wait = Math.max(wait, Math.ceil((freesAt - this.now()) / 1000));
      }
    }
    return wait;
  }

  recordFailure(email: string, address: string | null): void {
    if (this.failures.size > LoginLimiter.MAX_KEYS) this.failures.clear(); // bounded memory under a flood of made-up emails
    for (const key of [`email:${email}`, ...(address ? [`addr:${address}`] : [])]) {
      this.failures.set(key, [...this.recent(key), this.now()]);
    }
  }

  /** A successful sign-in forgives that email's failures (not the address's). */
  recordSuccess(email: string): void {
    this.failures.delete(`email:${email}`);
  }

  clear(): void {
    this.failures.clear();
  }
}
