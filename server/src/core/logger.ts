/** Readable one-line logs: time, level, message and a few fields. Quiet under Jest unless LOG_LEVEL asks. */
import { terminalJson } from "./terminal-text";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const wanted = (process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? "silent" : "info")) as Level | "silent";
  return wanted === "silent" ? Infinity : (order[wanted] ?? order.info);
}

function render(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => {
      // Values can hold user text: JSON with C1 controls escaped too (core/terminal-text.ts).
      if (v instanceof Error) return `${k}=${terminalJson(v.stack ?? v.message)}`;
      return `${k}=${terminalJson(v)}`;
    })
    .join(" ");
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold()) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${Object.keys(fields).length ? " " + render(fields) : ""}`;
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write("debug", m, f),
  info: (m: string, f?: Record<string, unknown>) => write("info", m, f),
  warn: (m: string, f?: Record<string, unknown>) => write("warn", m, f),
  error: (m: string, f?: Record<string, unknown>) => write("error", m, f),
};
