import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface ChildServer {
  name: string;
  url: string;
  child: ChildProcess;
  /** CPU time (user + system, ms) the contender's process has used so far. */
  cpuMs(): Promise<number>;
  /** Asks the contender one of its own figures (contenders that do not answer leave it pending: app only). */
  ask(question: "rss" | "eventLoopMaxMs" | "eventLoopMaxOnCpuMs" | "eventLoopReset"): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts one contender in its own process (one Node event loop, as in production), listening
 * on an ephemeral loopback port, and waits for it to say where.
 */
export function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Promise<ChildServer> {
  const child = fork(path.join(__dirname, "..", "servers", script), [], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    // Long enough for the app's first index builds at 100,000 programs on a loaded machine (it starts once ready).
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 180 s`)), 180_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
    child.on("message", (msg: { port?: number }) => {
      if (!msg.port) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        name,
        url: `http://127.0.0.1:${msg.port}/graphql`,
        child,
        cpuMs: () =>
          new Promise<number>((done) => {
            const onMessage = (m: { cpuMs?: number }) => {
              if (m.cpuMs === undefined) return;
              child.off("message", onMessage);
              done(m.cpuMs);
            };
            child.on("message", onMessage);
            child.send("cpu");
          }),
        ask: (question) =>
          new Promise<number>((done) => {
            const onMessage = (m: { answer?: string; value?: number }) => {
              if (m.answer !== question) return;
              child.off("message", onMessage);
              done(m.value ?? NaN);
            };
            child.on("message", onMessage);
            child.send(question);
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.send("stop");
          }),
      });
    });
  });
}

/** Runs `fn` on a child and always stops it. */
/** For contender processes: answers the parent's "cpu" question. */
export function answerCpuQuestions(): void {
  process.on("message", (msg) => {
    if (msg !== "cpu") return;
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMs: (user + system) / 1000 });
  });
}

export async function withChildren<T>(
  starts: Promise<ChildServer>[],
  fn: (servers: ChildServer[]) => Promise<T>,
): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const servers = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  try {
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return await fn(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
