/**
 * Memory stays bounded: a snapshot diff and a snapshot import of a directory FACTOR times larger
 * take about as much memory as those of the smaller one, not FACTOR times as much. Each command
 * runs in its own child process (tests/support/memory-probe.ts), through the `directory` CLI,
 * which runs the same diff as the snapshotDiff query and the only import there is; the probe
 * reports the growth of the resident set (kernel high-water mark) over its warmed-up baseline.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { createTestDatabase, openMigrated, type TestDatabase } from "../support/db";
import { databaseUrl, exportTo, openTestDb, tempDir } from "./helpers";

const root = path.resolve(__dirname, "..", "..");
const SMALL_PROGRAMS = 1000;
const FACTOR = 5;
const MB = 1024 * 1024;
/** How much more live heap the larger run may hold than the smaller one. */
const LIVE_SLACK = 4 * MB;

interface Memory {
  baseline: number;
  peak: number;
  heapBaseline: number;
  livePeak: number;
}

/** Runs the probe with a warm-up command and a measured one; resolves with what it measured. */
function probe(env: Record<string, string>, warmUp: string[], measured: string[]): Promise<Memory> {
  const proc = spawn(
    process.execPath,
    [
      "--expose-gc",
      "-r",
      path.join(root, "tests/support/swc-register.js"),
      path.join(root, "tests/support/memory-probe.ts"),
      JSON.stringify(warmUp),
      JSON.stringify(measured),
    ],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "error", JEST_WORKER_ID: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  proc.stdout.on("data", (d) => (out += d));
  proc.stderr.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => {
    proc.on("exit", (code) => {
      const line = /^MEMORY (.*)$/m.exec(out);
      if (code !== 0 || !line) reject(new Error(`memory probe failed (exit ${code}):\n${out}`));
      else resolve(JSON.parse(line[1]) as Memory);
    });
  });
}

const growth = (m: Memory) => m.peak - m.baseline;
const liveGrowth = (m: Memory) => m.livePeak - m.heapBaseline;

/**
 * FACTOR times the data may cost a little more (SQLite's page caches fill up, V8 sizes its young
 * generation), never in proportion.
 *
 * The live heap (after a full GC) is the precise measure: what the command holds on to. Streaming
 * holds the same MB or two for either file; reading a whole file holds at least its text, which is
 * more than LIVE_SLACK larger for the larger file (asserted below), and its parsed records on top.
 * Measured: 0.5 → 0.5 MB (diff), 0.8–2.0 → 1.0–3.6 MB (import; SQLite, PostgreSQL).
 *
 * The resident set also counts garbage not yet collected and the allocator's own reserves, which
 * vary with GC timing and with what else the machine runs, so its bound is loose: it catches a
 * gross regression only. Measured with streaming: 10 → 16–18 MB (diff), 6–10 → 25–30 MB (import);
 * reading whole files: 24 → 81 MB (diff) and 36 → 133 MB (import).
 */
function expectBounded(small: Memory, big: Memory): void {
  expect(liveGrowth(big)).toBeLessThan(liveGrowth(small) + LIVE_SLACK);
  expect(growth(big)).toBeLessThan(2 * growth(small) + 32 * MB);
}

describe("memory of a snapshot diff and import does not grow with the snapshot's size", () => {
  let dir: string;
  const files: Record<"small" | "big", { before: string; after: string }> = {} as never;
  let tiny: string;
  const targets: TestDatabase[] = [];

  /** A synthetic directory of `programs` programs, exported, 20 programs retitled, exported again. */
  async function snapshotPair(name: "small" | "big", programs: number): Promise<void> {
    const db = await openTestDb();
    try {
      await generateSynthetic(db.ds, { institutions: Math.ceil(programs / 20), programs, seed: 5 });
      const before = path.join(dir, `${name}-before.json`);
      const after = path.join(dir, `${name}-after.json`);
      await exportTo(db.ds, "json", before, true);
      await db.ds.query(
        `UPDATE programs SET title = title || ' (edited)' WHERE id IN (SELECT id FROM programs ORDER BY id LIMIT 20)`,
      );
      await exportTo(db.ds, "json", after, true);
      files[name] = { before, after };
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    dir = tempDir("snapshot-memory-");
    await snapshotPair("small", SMALL_PROGRAMS);
    await snapshotPair("big", SMALL_PROGRAMS * FACTOR);
    const sample = await openTestDb();
    try {
      await seedSampleDirectory(sample.ds);
      tiny = path.join(dir, "tiny.json");
      await exportTo(sample.ds, "json", tiny, true);
    } finally {
      await sample.close();
    }
  }, 300_000);

  afterAll(async () => {
    for (const t of targets) await t.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the files really are FACTOR times larger", () => {
    const size = (f: string) => fs.statSync(f).size;
    expect(size(files.big.before) / size(files.small.before)).toBeGreaterThan(FACTOR * 0.9);
    // Holding the larger file's text alone would break the live-heap bound.
    expect(size(files.big.before) - size(files.small.before)).toBeGreaterThan(LIVE_SLACK);
  });

  it("diff: the larger snapshots' diff grows the resident set by well under FACTOR times the smaller one's", async () => {
    const run = (name: "small" | "big") =>
      probe({}, ["snapshot", "diff", tiny, tiny], ["snapshot", "diff", files[name].before, files[name].after]);
    const small = await run("small");
    const big = await run("big");
    expectBounded(small, big);
  }, 300_000);

  it("import: loading the larger file grows the resident set by well under FACTOR times the smaller one's", async () => {
    const run = async (name: "small" | "big") => {
      const target = await createTestDatabase();
      targets.push(target);
      await (await openMigrated(target)).destroy();
      const env = { DATABASE_URL: databaseUrl(target) };
      return probe(
        env,
        ["snapshot", "import", "--in", tiny, "--dry-run"],
        ["snapshot", "import", "--in", files[name].before, "--mode", "replace"],
      );
    };
    const small = await run("small");
    const big = await run("big");
    expectBounded(small, big);
  }, 600_000);
});
