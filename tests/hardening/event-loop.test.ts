import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { httpGql } from "../support/auth";
import { testDialect } from "../support/db";
import { MAX_MISSED_PROBES, startHealthProbe } from "../support/probe";
import { createTestServer } from "../support/server";

/**
 * On SQLite, large enough that run on the event loop the query below would hold it for seconds
 * (about two at 20,000 programs). PostgreSQL runs statements in its own server, whatever their
 * size, and generating a large directory there takes minutes: a smaller one shows the same.
 */
const PROGRAMS = testDialect === "sqlite" ? 20_000 : 4_000;

type Server = Awaited<ReturnType<typeof createTestServer>>;
let server: Server;
let base: string;
let codes: string[];
beforeAll(async () => {
  // The heavy query takes seconds on a busy machine: more than the default operation timeout.
  server = await createTestServer({ OPERATION_TIMEOUT_MS: "300000" });
  base = await server.listen();
  await generateSynthetic(server.ds, { institutions: 200, programs: PROGRAMS, seed: 5 });
  codes = ((await server.ds.query(`SELECT code FROM requirements ORDER BY code`)) as { code: string }[]).map(
    (r) => r.code,
  );
}, 600_000);
afterAll(() => server.close());

/** Two heavy fields (the most an operation may ask for), each over every program asking for any requirement. */
const WORST = `query Worst($codes: [String!]!) {
  facets: programFacets(search: "medicine", filter: { requirement: $codes }) {
    type { value count } audience { value count } country { value count } region { value count }
    specialty { value count } pathway { value count } requirement { value count }
  }
  ranked: eligibility(profile: { stage: GRADUATE, holds: ["USMLE_STEP_1"] }, filter: { requirement: $codes }, first: 50) {
    totalCount edges { node { eligible program { id } } }
  }
}`;

describe("heavy reads and the event loop", () => {
  it(`answers /healthz every ${MAX_MISSED_PROBES} probe periods at worst while the heaviest allowed query runs over ${PROGRAMS} programs`, async () => {
    // Once, unprobed: the first heavy query after start-up also pays one-time costs (starting the
    // read worker, compiling code paths, collecting the generator's garbage) that are not its own.
    expect((await httpGql(base, WORST, { codes })).errors).toBeUndefined();
    // Up to three probed runs, judged by the best: a statement that holds the event loop holds it on
    // every run (the code before the read worker missed 94 probes in a row each time), while a pause
    // from outside the request (CPU taken by the suite's other worker and its browser, a collection
    // of another test's garbage) does not repeat.
    const longest: number[] = [];
    for (let run = 0; run < 3 && !(longest.length && Math.min(...longest) <= MAX_MISSED_PROBES); run++) {
      const probe = startHealthProbe(base);
      const result = await httpGql(base, WORST, { codes }).finally(() => probe.stop());
      const report = await probe.stop();
      expect(result.errors).toBeUndefined();
      expect(result.data!.ranked.totalCount).toBeGreaterThan(PROGRAMS / 2);
      expect(result.data!.facets.requirement.length).toBeGreaterThan(0);
      expect(report.failed).toBe(0);
      longest.push(report.longestMissed);
    }
    expect(Math.min(...longest)).toBeLessThanOrEqual(MAX_MISSED_PROBES);
  });
});
