/** The issue's goals, judged from the results: pass, fail, or n/a with the reason. */
export interface Goal {
  goal: string;
  actual: string;
  pass: boolean | null;
  reason?: string;
}

type Num = number | null | undefined;

function check(
  goal: string,
  value: Num,
  ok: (v: number) => boolean,
  format: (v: number) => string,
  reason = "not measured",
): Goal {
  if (value === null || value === undefined || !Number.isFinite(value))
    return { goal, actual: "n/a", pass: null, reason };
  return { goal, actual: format(value), pass: ok(value) };
}

function statementsEqual(ten: Num, hundred: Num): Goal {
  const goal = "SQL statements equal for first: 10 and first: 100";
  if (typeof ten !== "number" || typeof hundred !== "number")
    return { goal, actual: "n/a", pass: null, reason: "not measured" };
  return { goal, actual: `${ten} vs ${hundred}`, pass: ten === hundred };
}

const x = (v: number) => `${v.toFixed(2)}×`;

export function judgeGoals(r: any): Goal[] {
  const exportReason = r.export?.reason ?? "not measured";
  return [
    check("page query throughput ≥ 0.5 × floor", r.ratios.pageQueryThroughputVsFloor, (v) => v >= 0.5, x),
    check("page query p95 ≤ 2 × floor", r.ratios.pageQueryP95VsFloor, (v) => v <= 2, x),
    statementsEqual(r.sql.statementsFirst10, r.sql.statementsFirst100),
    check("SQL statements for the page query ≤ 5", r.sql.statementsFirst100, (v) => v <= 5, String),
    check("export peak RSS at 10N ≤ 1.2 × at N", r.export?.rssGrowth10x, (v) => v <= 1.2, x, exportReason),
    check("export rows/s ≥ 0.5 × raw floor", r.export?.rowsPerSecondVsFloor, (v) => v >= 0.5, x, exportReason),
    check("read p95 under a 5/s writer ≤ 1.3 × reads alone", r.ratios.readP95UnderWritesVsAlone, (v) => v <= 1.3, x),
    check("rejecting an over-limit query ≤ 0.2 × a page query", r.ratios.refusalCostVsPageQuery, (v) => v <= 0.2, x),
    check(
      "curator save p50 with 5 webhook endpoints ≤ 1.1 × without",
      r.ratios.saveP50With5WebhooksVsWithout,
      (v) => v <= 1.1,
      x,
      r.webhookSave?.reason ?? "not measured",
    ),
    ...issue15Goals(r),
  ];
}

const FEATURES: [string, string][] = [
  ["search", "search"],
  ["facets", "facets"],
  ["eligibility", "eligibility (first page)"],
  ["eligibilityPage3", "eligibility (third page)"],
];

/** The goals of "fast where frontends spend their time" (facets, eligibility, search, nested lists, PostGraphile). */
function issue15Goals(r: any): Goal[] {
  const goals: Goal[] = [];
  for (const [dialect, source] of [
    ["SQLite", r],
    ["PostgreSQL", r.postgresFeatures ?? {}],
  ] as const) {
    for (const [key, label] of FEATURES) {
      const m = source[key];
      const reason = m?.reason ?? (dialect === "PostgreSQL" ? r.postgresFeatures?.reason : undefined) ?? "not measured";
      goals.push(check(`${label} CPU ≤ 2 × page (${dialect})`, m?.cpuVsPageQuery, (v) => v <= 2, x, reason));
      goals.push(check(`${label} p95 ≤ 2 × page (${dialect})`, m?.p95VsPageQuery, (v) => v <= 2, x, reason));
    }
  }
  const peer = r.peer?.postgraphile ?? {};
  // Judged at every size measured (the full run: 20,000 and 100,000 programs), named when more than one.
  const sizes: any[] = peer.bySize ?? [peer];
  for (const atSize of sizes) {
    const at = sizes.length > 1 ? ` at ${atSize.programs.toLocaleString("en-US")}` : "";
    for (const w of ["page", "detail", "institutions", "count"]) {
      const reason = atSize[w]?.difference ?? peer.reason ?? "not measured";
      goals.push(check(`${w}: CPU ≤ 1.0 × PostGraphile${at}`, atSize[w]?.cpuRatio, (v) => v <= 1, x, reason));
      goals.push(check(`${w}: req/s ≥ 1.0 × PostGraphile${at}`, atSize[w]?.rpsRatio, (v) => v >= 1, x, reason));
    }
  }
  goals.push(
    check(
      "event loop max delay ≤ 50 ms (SQLite rounds)",
      r.eventLoop?.maxDelayMs,
      (v) => v <= 50,
      (v) => `${v} ms`,
    ),
  );
  const sqliteEligibility = r.eligibility?.feature?.serverCpuMsPerRequest;
  const pgEligibility = r.postgresFeatures?.eligibility?.feature?.serverCpuMsPerRequest;
  goals.push(
    check(
      "eligibility CPU on PostgreSQL ≤ 1.5 × SQLite's",
      sqliteEligibility && pgEligibility ? pgEligibility / sqliteEligibility : null,
      (v) => v <= 1.5,
      x,
    ),
  );
  goals.push(
    check(
      "no public statement over 50 ms",
      r.slowStatements?.count,
      (v) => v === 0,
      (v) =>
        `${v} of ${r.slowStatements.distinctPublicReads} distinct public reads when run again quietly (slowest ` +
        `${Math.round(r.slowStatements.slowestReplayedMs * 10) / 10} ms; over 50 ms under load: ` +
        `${r.slowStatements.loggedUnderLoad.public} public, ${r.slowStatements.loggedUnderLoad.background} background; plans in ${r.slowStatements.dir})`,
      "run with --profile DIR to log them",
    ),
  );
  goals.push(check("app RSS after the bench ≤ 1.5 × after warm-up", r.memory?.rssGrowth, (v) => v <= 1.5, x));
  return goals;
}
