/** How often the probe asks /healthz, like a strict load balancer's health check. */
export const PROBE_PERIOD_MS = 20;

/**
 * The most probes in a row that may go unanswered while the heaviest allowed work runs: 25, i.e.
 * half a second without an answer (docs/SECURITY.md, "SQLite concurrency", says why).
 */
export const MAX_MISSED_PROBES = 25;

export interface ProbeReport {
  /** Probes answered. */
  answered: number;
  /** Probes answered with anything but 200. */
  failed: number;
  /** The longest run of probe periods that passed without an answer. */
  longestMissed: number;
}

/**
 * Asks `base`/healthz every PROBE_PERIOD_MS, one probe at a time, until `stop()`. A probe the
 * server (or its event loop) holds up keeps the next ones from being sent: the gap between two
 * answers, in probe periods, counts the probes missed in between.
 */
export function startHealthProbe(base: string): { stop(): Promise<ProbeReport> } {
  let running = true;
  const report: ProbeReport = { answered: 0, failed: 0, longestMissed: 0 };
  const loop = (async () => {
    let lastAnswer = Date.now();
    while (running) {
      const sent = Date.now();
      const res = await fetch(`${base}/healthz`);
      await res.arrayBuffer();
      const now = Date.now();
      report.answered += 1;
      if (res.status !== 200) report.failed += 1;
      report.longestMissed = Math.max(report.longestMissed, Math.floor((now - lastAnswer) / PROBE_PERIOD_MS) - 1);
      lastAnswer = now;
      await new Promise((r) => setTimeout(r, Math.max(0, sent + PROBE_PERIOD_MS - now)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return report;
    },
  };
}
