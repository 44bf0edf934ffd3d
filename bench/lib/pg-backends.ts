/**
 * CPU time of the PostgreSQL backends serving one database, read from /proc (the server runs on
 * this machine): with PostgreSQL, a contender's cost is its own process plus the backends doing
 * its SQL. Backends are sampled while a round runs, so that one closing mid-round keeps the time
 * it had used; the backend of this sampler is left out.
 */
import fs from "node:fs";
import { Client } from "pg";
import type { ChildServer } from "./children";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process in ms, or null when it is gone (or /proc is not readable). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export class BackendCpu {
  private readonly seen = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly client: Client,
    private readonly database: string,
  ) {}

  static async open(url: string, database: string): Promise<BackendCpu> {
    const client = new Client({ connectionString: url });
    await client.connect();
    const sampler = new BackendCpu(client, database);
    await sampler.sample();
    sampler.timer = setInterval(() => void sampler.sample().catch(() => undefined), 500);
    return sampler;
  }

  /** Refreshes every backend's CPU time; a backend that is gone keeps its last reading. */
  async sample(): Promise<void> {
    const { rows } = await this.client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [this.database],
    );
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (ms !== null) this.seen.set(pid, ms);
    }
  }

  /** CPU ms every backend of the database has used (as of now). */
  async totalMs(): Promise<number> {
    await this.sample();
    let sum = 0;
    for (const ms of this.seen.values()) sum += ms;
    return sum;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.client.end();
  }
}

/**
 * The contender seen with its database's backends: its `cpuMs()` adds theirs. Contenders on the
 * same database take turns, so the backends' time during a round is the loaded contender's.
 */
export function withBackendCpu(server: ChildServer, backends: BackendCpu): ChildServer {
  return { ...server, cpuMs: async () => (await server.cpuMs()) + (await backends.totalMs()) };
}
