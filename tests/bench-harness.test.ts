import { fork } from "node:child_process";
import path from "node:path";
import { judgeGoals } from "../bench/lib/goals";
import { comparePeer } from "../bench/measurements/postgraphile-peer";
import { peerPair, PEER_WORKLOADS } from "../bench/peer-queries";
import { floorPage, openPostgresFloor, openSqliteFloor } from "../bench/servers/floor-sql";
import { measureStatements } from "../bench/measurements/sql-statements";
import { PAGE_QUERY } from "../bench/queries";
import { generateSynthetic } from "../server/src/seed/synthetic/generator";
import { expectData } from "./support/errors";
import { testDialect } from "./support/db";
import { useTestServer } from "./support/server";

const server = useTestServer();
beforeAll(async () => {
  await generateSynthetic(server.ds, { institutions: 12, programs: 500, seed: 5 });
});

describe("the bench harness on a tiny synthetic directory", () => {
  it("counts the page query's SQL statements: the same for 10 and 100 items, at most 5", async () => {
    const r = await measureStatements(server.deps, server.apollo);
    expect(r.items).toEqual({ first10: 10, first100: 100 });
    expect(r.statementsFirst10).toBe(r.statementsFirst100);
    // page, count, institutions, specialties, requirements
    expect(r.statementsFirst100).toBeLessThanOrEqual(5);
  });

  (testDialect === "postgres" ? it : it.skip)(
    "has PostGraphile 4 answering the same programs and counts as the app on the four peer workloads",
    async () => {
      const config = server.config.database;
      if (config.kind !== "postgres") throw new Error("PostgreSQL only");
      const peer = fork(path.join(__dirname, "..", "bench", "servers", "postgraphile-server.ts"), [], {
        execArgv: ["-r", path.join(__dirname, "support", "swc-register.js")],
        env: { ...process.env, DATABASE_URL: config.url, NODE_ENV: "production" },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      try {
        const port = await new Promise<number>((resolve, reject) => {
          peer.once("exit", (code) => reject(new Error(`PostGraphile exited with ${code}`)));
          peer.on("message", (m: { port?: number }) => m.port && resolve(m.port));
        });
        const appUrl = `${await server.listen()}/graphql`;
        const [{ slug }] = await server.ds.query(
          `SELECT slug FROM programs WHERE status = 'PUBLISHED' ORDER BY id OFFSET 100 LIMIT 1`,
        );
        for (const w of PEER_WORKLOADS) {
          const difference = await comparePeer(appUrl, `http://127.0.0.1:${port}/graphql`, peerPair(w, slug));
          expect({ workload: w, difference }).toEqual({ workload: w, difference: null });
        }
      } finally {
        peer.kill();
      }
    },
    60_000,
  );

  it("has a floor that answers exactly what the API answers, page after page", async () => {
    const config = server.config.database;
    const floor = config.kind === "sqlite" ? openSqliteFloor(config.path) : openPostgresFloor(config.url);
    try {
      let after: string | null = null;
      for (let page = 0; page < 3; page++) {
        const api: any = expectData(await server.exec(PAGE_QUERY, { first: 50, after }));
        const body = JSON.parse(await floorPage(floor, 50, after));
        expect(body.data).toEqual(api);
        expect(api.programs.edges.length).toBeGreaterThan(0);
        after = api.programs.pageInfo.endCursor;
      }
    } finally {
      await floor.close();
    }
  });
});

describe("the bench's goal lines", () => {
  const base = { ratios: {}, sql: { statementsFirst10: null, statementsFirst100: null } };
  const line = (r: unknown, goal: string) => judgeGoals(r).find((g) => g.goal.startsWith(goal))!;

  it("says n/a, not pass, for what a run did not measure", () => {
    expect(line(base, "SQL statements equal")).toMatchObject({ pass: null, actual: "n/a" });
    expect(line(base, "page query throughput")).toMatchObject({ pass: null, actual: "n/a" });
    const noFeed = { ...base, webhookSave: { value: null, reason: "saves queue no event" } };
    expect(line(noFeed, "curator save p50 with 5 webhook")).toMatchObject({
      pass: null,
      reason: "saves queue no event",
    });
  });

  it("judges what it measured", () => {
    const r = { ratios: { pageQueryThroughputVsFloor: 0.31 }, sql: { statementsFirst10: 5, statementsFirst100: 6 } };
    expect(line(r, "SQL statements equal")).toMatchObject({ pass: false, actual: "5 vs 6" });
    expect(line(r, "SQL statements for the page query")).toMatchObject({ pass: false, actual: "6" });
    expect(line(r, "page query throughput")).toMatchObject({ pass: false, actual: "0.31×" });
    const saves = { ...r, ratios: { saveP50With5WebhooksVsWithout: 1.04 } };
    expect(line(saves, "curator save p50 with 5 webhook")).toMatchObject({ pass: true, actual: "1.04×" });
  });

  it("judges the PostGraphile comparison at every size it ran, each named", () => {
    const at = (programs: number, count: number) => ({
      programs,
      ...Object.fromEntries(["page", "detail", "institutions"].map((w) => [w, { cpuRatio: 0.5, rpsRatio: 1.5 }])),
      count: { cpuRatio: count, rpsRatio: 1 / count },
    });
    const bySize = [at(20_000, 1.2), at(100_000, 0.5)];
    const r = { ...base, peer: { postgraphile: { ...bySize[1], bySize } } };
    expect(line(r, "count: CPU ≤ 1.0 × PostGraphile at 20,000")).toMatchObject({ pass: false, actual: "1.20×" });
    expect(line(r, "count: req/s ≥ 1.0 × PostGraphile at 20,000")).toMatchObject({ pass: false });
    expect(line(r, "count: CPU ≤ 1.0 × PostGraphile at 100,000")).toMatchObject({ pass: true, actual: "0.50×" });
    expect(judgeGoals(r).filter((g) => g.goal.includes("PostGraphile"))).toHaveLength(16);
    // One size (the quick run): the lines carry no size.
    const one = { ...base, peer: { postgraphile: { ...bySize[1], bySize: [bySize[1]] } } };
    expect(line(one, "count: CPU ≤ 1.0 × PostGraphile")).toMatchObject({ goal: "count: CPU ≤ 1.0 × PostGraphile" });
  });
});
