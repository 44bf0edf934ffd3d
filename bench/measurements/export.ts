/**
 * Export: rows/s and peak RSS at N and 10N programs, against a raw iterate() floor.
 * The app side is `snapshot export --format json` (servers/export-app.ts); a build without the
 * `snapshot` command reports null with the reason and only the floor is measured.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildCli } from "../../server/src/cli";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { ratio } from "../lib/stats";
import { NOT_YET, type BenchContext, type Measurement } from "../lib/types";

export interface ExportRun {
  programs: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Rows per second of the process's own CPU time: what the export costs, whatever else the machine runs. */
  rowsPerCpuSecond: number;
  maxRssMb: number;
}

function exportRun(programs: number, rows: number, m: { ms: number; cpuMs: number; maxRssKb: number }): ExportRun {
  return {
    programs,
    rows,
    seconds: m.ms / 1000,
    rowsPerSecond: Math.round(rows / (m.ms / 1000)),
    rowsPerCpuSecond: Math.round(rows / (m.cpuMs / 1000)),
    maxRssMb: Math.round(m.maxRssKb / 102.4) / 10,
  };
}

export interface ExportResult {
  rssGrowth10x: number | null;
  rowsPerSecondVsFloor: number | null;
  rowsPerCpuSecondVsFloor: number | null;
  reason?: string;
  app: { n: ExportRun; tenN: ExportRun } | null;
  floor: { n: ExportRun; tenN: ExportRun; rssGrowth10x: number | null };
}

function floorRun(sqlitePath: string, out: string, programs: number): Promise<ExportRun> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, "..", "servers", "export-floor.js"), [sqlitePath, out], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (m: { rows: number; ms: number; cpuMs: number; maxRssKb: number }) =>
      resolve(exportRun(programs, m.rows, m)),
    );
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`export floor exited with ${code}`)));
  });
}

/**
 * `directory snapshot export --format json` in its own process (servers/export-app.ts). Rows are
 * the programs written, as for the floor; the export also writes the catalogue records, computes
 * the content hash and opens the database through TypeORM, which is part of its cost.
 */
function appRun(databaseUrl: string, out: string, programs: number): Promise<ExportRun> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, "..", "servers", "export-app.js"), [out], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child.once("message", (m: { ms: number; cpuMs: number; maxRssKb: number }) =>
      resolve(exportRun(programs, readMeta(out).counts.programs, m)),
    );
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`app export exited with ${code}`)));
  });
}

/** The JSON snapshot starts with its meta; read just enough of the file to parse it. */
function readMeta(file: string): { counts: { programs: number } } {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString("utf8");
    const m = /"programs"\s*:\s*(\d+)/.exec(text.slice(text.indexOf('"counts"')));
    if (!m) throw new Error(`no program count in the snapshot meta: ${text.slice(0, 200)}`);
    return { counts: { programs: Number(m[1]) } };
  } finally {
    fs.closeSync(fd);
  }
}

export const exportMeasurement: Measurement<ExportResult> = {
  key: "export",
  title: "export at N and 10N programs",
  async run(ctx: BenchContext) {
    // 10N is the bench dataset; N is a tenth of it, generated alongside with the same seed.
    const nPath = path.join(ctx.workDir, "export-n.sqlite");
    const ds = createDataSource({ kind: "sqlite", path: nPath });
    await ds.initialize();
    const small = Math.max(1, Math.round(ctx.settings.programs / 10));
    try {
      await migrate(ds);
      await generateSynthetic(ds, {
        institutions: Math.max(1, Math.round(ctx.settings.institutions / 10)),
        programs: small,
        seed: ctx.settings.seed,
      });
    } finally {
      await ds.destroy();
    }
    const out = (name: string) => path.join(ctx.workDir, name);
    const floor = {
      n: await floorRun(nPath, out("floor-n.ndjson"), small),
      tenN: await floorRun(ctx.sqlitePath, out("floor-10n.ndjson"), ctx.settings.programs),
      rssGrowth10x: null as number | null,
    };
    floor.rssGrowth10x = ratio(floor.tenN.maxRssMb, floor.n.maxRssMb);
    const hasSnapshotCommand = buildCli().commands.some((c) => c.name() === "snapshot");
    if (!hasSnapshotCommand) {
      return {
        rssGrowth10x: null,
        rowsPerSecondVsFloor: null,
        rowsPerCpuSecondVsFloor: null,
        reason: `snapshot export: ${NOT_YET}`,
        app: null,
        floor,
      };
    }
    const app = {
      n: await appRun(`sqlite:${nPath}`, out("app-n.json"), small),
      tenN: await appRun(ctx.databaseUrl, out("app-10n.json"), ctx.settings.programs),
    };
    return {
      rssGrowth10x: ratio(app.tenN.maxRssMb, app.n.maxRssMb),
      rowsPerSecondVsFloor: ratio(app.tenN.rowsPerSecond, floor.tenN.rowsPerSecond),
      rowsPerCpuSecondVsFloor: ratio(app.tenN.rowsPerCpuSecond, floor.tenN.rowsPerCpuSecond),
      app,
      floor,
    };
  },
};
