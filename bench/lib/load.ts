import autocannon from "autocannon";
import type { ChildServer } from "./children";
import type { LoadSample, LoadSummary } from "./stats";
import { summarize } from "./stats";

export interface Target {
  name: string;
  url: string;
  /** The process serving `url`, to read the CPU time it spends on the load. */
  server?: ChildServer;
  /** JSON body POSTed on every request. */
  body: string;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
}

/** One bounded autocannon run against a loopback URL, recording every response time. */
export async function load(target: Target, options: LoadOptions): Promise<LoadSample> {
  const cpuBefore = await target.server?.cpuMs();
  const sample = await loadOnce(target, options);
  if (target.server && cpuBefore !== undefined) sample.serverCpuMs = (await target.server.cpuMs()) - cpuBefore;
  return sample;
}

function loadOnce(target: Target, options: LoadOptions): Promise<LoadSample> {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(target.url)) {
    return Promise.reject(new Error(`the bench only loads loopback addresses, not ${target.url}`));
  }
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: target.body,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
      },
      (err, result) => {
        if (err) return reject(err);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ latencies, seconds, errors: result.errors + result.timeouts, non2xx: result.non2xx });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
}

/**
 * Alternates contenders in rounds (A B, B A, A B…) after a warm-up of each, so that machine
 * noise (other work on a shared box, thermal state) falls on all of them alike.
 */
export async function alternate(
  targets: Target[],
  options: LoadOptions & { rounds: number; warmupSeconds: number },
  log: (line: string) => void,
  between?: (target: Target, round: number) => Promise<() => Promise<void>>,
): Promise<Record<string, LoadSummary>> {
  for (const t of targets) {
    log(`  warm-up ${t.name} (${options.warmupSeconds}s)`);
    await load(t, { connections: options.connections, seconds: options.warmupSeconds });
  }
  const samples = new Map<string, LoadSample[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const after = between ? await between(t, round) : undefined;
      try {
        const sample = await load(t, options);
        samples.get(t.name)!.push(sample);
        const failed = sample.non2xx + sample.errors;
        log(
          `  round ${round + 1}/${options.rounds} ${t.name}: ${(sample.latencies.length / sample.seconds).toFixed(1)} req/s${failed ? ` (WARNING: ${failed} failed responses)` : ""}`,
        );
      } finally {
        await after?.();
      }
    }
  }
  return Object.fromEntries([...samples].map(([name, s]) => [name, summarize(s)]));
}
