/**
 * Where a CPU profile's time went, by part of the stack: the table behind the shortfall
 * explanations in docs/BENCHMARKS.md.
 *
 *   npm run bench -- --quick --only pageQuery --profile /tmp/prof      # writes the app server's .cpuprofile
 *   npm run -s build && node dist/bench/tools/profile-summary.js /tmp/prof/*.cpuprofile [--functions 25]
 *
 * Shares are of the time the main thread was busy (idle samples are left out: under the bench's
 * load they are waits for the next request, not work).
 */
import fs from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** First matching rule names the part; order matters (SQLite's native time shows as the query runner's). */
const PARTS: [string, (f: CallFrame) => boolean][] = [
  ["idle", (f) => f.functionName === "(idle)"],
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  [
    "SQL execution (driver + database)",
    (f) =>
      (/QueryRunner\.js$/.test(f.url) && f.functionName === "query") ||
      /node_modules\/(better-sqlite3|pg|pg-protocol)\//.test(f.url) ||
      // The floor's statement wrappers: better-sqlite3's native calls are sampled as their caller.
      (/floor-sql\.js$/.test(f.url) && /^(page|count|institutions|specialties|requirements)$/.test(f.functionName)),
  ],
  ["TypeORM (query building, mapping)", (f) => f.url.includes("node_modules/typeorm/")],
  [
    "GraphQL execution (graphql-js / graphql-jit)",
    (f) => /node_modules\/graphql(-jit)?\//.test(f.url) || (f.url === "" && /Handler|__context/.test(f.functionName)),
  ],
  ["type-graphql resolver wrappers", (f) => f.url.includes("node_modules/type-graphql/")],
  ["argument validation (class-validator)", (f) => f.url.includes("node_modules/class-validator/")],
  ["Apollo Server pipeline", (f) => f.url.includes("node_modules/@apollo/") || f.url.includes("@as-integrations")],
  [
    "HTTP (node:http, Express, body parsing)",
    (f) =>
      /node:_http|node:net|node:internal\/streams|writev|node_modules\/(express|router|body-parser|raw-body|negotiator)/.test(
        f.url + f.functionName,
      ),
  ],
  ["promises and microtasks", (f) => f.functionName === "runMicrotasks" || f.url.includes("node_modules/dataloader/")],
  ["application code", (f) => /\/dist\/(server|bench)\//.test(f.url)],
];

export function summarise(profile: CpuProfile): { part: string; ms: number; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const part = PARTS.find(([, match]) => match(frame))?.[0] ?? "other (Node internals, modules)";
    ms.set(part, (ms.get(part) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const busy = [...ms].filter(([part]) => part !== "idle").reduce((n, [, v]) => n + v, 0);
  return [...ms]
    .filter(([part]) => part !== "idle")
    .map(([part, v]) => ({ part, ms: v, share: v / busy }))
    .sort((a, b) => b.ms - a.ms);
}

function topFunctions(profile: CpuProfile, n: number): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === "(idle)") return;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
    ms.set(key, (ms.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const busy = [...ms.values()].reduce((a, b) => a + b, 0);
  return [...ms]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`);
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--functions");
  const functions = i >= 0 ? Number(argv.splice(i, 2)[1]) : 0;
  if (argv.length === 0) {
    console.error("usage: profile-summary FILE.cpuprofile… [--functions N]");
    process.exit(2);
  }
  for (const file of argv) {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
    console.log(`${file}\n`);
    for (const { part, share } of summarise(profile)) console.log(`${(100 * share).toFixed(1).padStart(5)}%  ${part}`);
    if (functions) console.log(`\ntop functions:\n${topFunctions(profile, functions).join("\n")}`);
  }
}
