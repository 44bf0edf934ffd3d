import fs from "node:fs";
import { performance } from "node:perf_hooks";

/** CPU time (ms) the main thread has run so far (Linux: /proc schedstat), or null where it cannot be read. */
function mainThreadCpuMs(): number | null {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

/**
 * The part of the event loop's longest delay that the main thread spent running, rather than
 * waiting for a CPU: on a busy shared machine monitorEventLoopDelay mostly measures the process
 * waiting to be scheduled (hundreds of ms at load 10 on 2 CPUs), which no change to the app moves.
 * Per period of a 10 ms timer: how late it fired, capped by the CPU time the main thread used in it.
 */
export function loopHoldOnCpu(): { reset(): void; maxMs(): number | null } {
  const PERIOD_MS = 10;
  let max = 0;
  let last = performance.now();
  let lastCpu = mainThreadCpuMs();
  if (lastCpu !== null) {
    setInterval(() => {
      const now = performance.now();
      const cpu = mainThreadCpuMs()!;
      const late = now - last - PERIOD_MS;
      if (late > 0) max = Math.max(max, Math.min(late, cpu - lastCpu!));
      last = now;
      lastCpu = cpu;
    }, PERIOD_MS).unref();
  }
  return {
    reset: () => (max = 0),
    maxMs: () => (lastCpu === null ? null : max),
  };
}
