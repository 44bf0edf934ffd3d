import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>;
}

/** Starts `server/src/main.ts` in a child process on a free port and waits until it listens. */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const proc = spawn(
    process.execPath,
    ["-r", path.join(root, "tests/support/swc-register.js"), path.join(root, "server/src/main.ts")],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: "0",
        LOG_LEVEL: "info",
        JEST_WORKER_ID: "",
        RATE_LIMIT_PER_MINUTE: "0",
        LOGIN_RATE_LIMIT_PER_MINUTE: "0",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | string | null>((resolve) =>
    proc.on("exit", (code, signal) => resolve(code ?? signal)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /graphql="(http:\/\/localhost:\d+)\/graphql"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace("localhost", "127.0.0.1"));
      }
    };
    proc.stdout!.on("data", check);
    proc.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`server exited during start-up:\n${out}`));
    });
  });
  return { url, proc, output: () => out, exited };
}
