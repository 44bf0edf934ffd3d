import type { Goal } from "./goals";
import type { LoadSummary } from "./stats";

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const num = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? "n/a" : v.toFixed(digits);

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : lpad(c, widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function loadRow(name: string, s: LoadSummary | null | undefined, vs?: LoadSummary | null): string[] {
  if (!s) return [name, "n/a", "n/a", "n/a", "n/a", "n/a", ""];
  const cpu = s.serverCpuMsPerRequest;
  const cpuRatio = vs?.serverCpuMsPerRequest && cpu ? `, ${num(cpu / vs.serverCpuMsPerRequest, 2)}× CPU` : "";
  const ratio = vs ? `${num(s.rps / vs.rps, 2)}× rps, ${num(s.p95 / vs.p95, 2)}× p95${cpuRatio}` : "";
  return [name, num(s.rps), num(s.p50, 2), num(s.p95, 2), num(s.p99, 2), num(cpu, 2), ratio];
}

export function goalLines(goals: Goal[]): string {
  return goals
    .map(
      (g) =>
        `${g.pass === null ? "N/A " : g.pass ? "PASS" : "FAIL"}  ${pad(g.goal, 52)} ${g.actual}${g.reason && g.pass === null ? ` (${g.reason})` : ""}`,
    )
    .join("\n");
}
