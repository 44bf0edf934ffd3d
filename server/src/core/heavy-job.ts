/**
 * One heavy job at a time per process. A snapshot diff or import reads whole snapshot files and
 * spills them to a temporary SQLite file: memory stays flat, but disk, CPU and the database are
 * busy for seconds. Two at once would only slow both down (and let any viewer multiply the load
 * by sending the same query in parallel), so a second one is refused with UNAVAILABLE and a
 * Retry-After instead of being queued, which would hold its request open.
 */
import { UnavailableError } from "./errors";

/** What a refused caller is told to wait before trying again. */
export const HEAVY_JOB_RETRY_AFTER_SECONDS = 10;

let running: string | null = null;

/** The heavy job running now in this process ("snapshot diff", "snapshot import"), or null. */
export function runningHeavyJob(): string | null {
  return running;
}

/**
 * Runs `job` unless another heavy job is running in this process, in which case it throws
 * UnavailableError (retryable) without starting it. The slot is taken before the first await.
 */
export async function runHeavyJob<T>(name: string, job: () => Promise<T>): Promise<T> {
  if (running !== null) {
    throw new UnavailableError(
      `Another ${running} is running on this server and only one snapshot diff or import runs at a time: try again in ${HEAVY_JOB_RETRY_AFTER_SECONDS} seconds`,
      HEAVY_JOB_RETRY_AFTER_SECONDS,
    );
  }
  running = name;
  try {
    return await job();
  } finally {
    running = null;
  }
}
