/** Latency and throughput summaries over raw per-request samples (autocannon's own histogram has no p95). */
export interface LoadSummary {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  errors: number;
  non2xx: number;
  /** CPU time the server process spent per request (ms): robust to other load on a shared machine. */
  serverCpuMsPerRequest: number | null;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export interface LoadSample {
  latencies: number[];
  seconds: number;
  errors: number;
  non2xx: number;
  serverCpuMs?: number;
}

/** Pools the samples of several rounds of one contender. */
export function summarize(samples: LoadSample[]): LoadSummary {
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((a, s) => a + s.seconds, 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: all.length,
    seconds: round(seconds),
    rps: round(all.length / seconds),
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    p99: round(percentile(all, 99)),
    mean: round(all.reduce((a, b) => a + b, 0) / Math.max(1, all.length)),
    errors: samples.reduce((a, s) => a + s.errors, 0),
    non2xx: samples.reduce((a, s) => a + s.non2xx, 0),
    serverCpuMsPerRequest: samples.every((s) => s.serverCpuMs !== undefined)
      ? Math.round((samples.reduce((a, s) => a + s.serverCpuMs!, 0) / Math.max(1, all.length)) * 1000) / 1000
      : null,
  };
}

export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return Math.round((a / b) * 1000) / 1000;
}
