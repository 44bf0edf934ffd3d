/**
 * CPU time per page query, in-process (no HTTP, no load generator): the steadiest way to compare
 * two builds of the read path on a shared machine, where wall-clock throughput is noisy.
 *
 *   npm run -s build && node dist/bench/tools/cpu-per-query.js [--programs 3000] [--institutions 150] [--db sqlite:PATH]
 *   GRAPHQL_EXECUTOR=graphql-js node dist/bench/tools/cpu-per-query.js   # the same with graphql-js (default: jit)
 *   node dist/bench/tools/cpu-per-query.js --programs 100000 --keep /tmp/100k.sqlite --query page,eligibility,eligibility3
 *
 * Generates a synthetic directory into a scratch SQLite file unless --db names one (--keep FILE:
 * generated into FILE once and reused by later runs), runs each --query (the bench's operations:
 * page, search, facets, eligibility, eligibility3; default page) 100 times to warm up, then 5 ×
 * 200 times, and prints CPU ms per query. Add node's --cpu-prof to see where the time goes.
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDirectoryApp } from "../../server/src/app";
import { loadConfig, parseDatabaseUrl } from "../../server/src/core/config";
import { createAppDeps, createContext } from "../../server/src/composition/context";
import { openDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { eligibilityBodyVia, facetsBody, searchBody } from "../measurements/search-facets-eligibility";
import { pageBody } from "../queries";
import { institutionsFor } from "../lib/types";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const kept = argv.includes("--keep") ? path.resolve(opt("keep", "")) : null;
  const scratch = argv.includes("--db") || kept ? null : fs.mkdtempSync(path.join(os.tmpdir(), "directory-cpu-"));
  const generate = scratch !== null || (kept !== null && !fs.existsSync(kept));
  const file = kept ?? (scratch ? path.join(scratch, "cpu.sqlite") : null);
  const database = parseDatabaseUrl(file ? `sqlite:${file}` : opt("db", ""));
  const ds = await openDataSource(database);
  try {
    if (generate) {
      await migrate(ds);
      await generateSynthetic(ds, {
        institutions: Number(opt("institutions", String(institutionsFor(Number(opt("programs", "3000")))))),
        programs: Number(opt("programs", "3000")),
      });
    }
    const config = {
      ...loadConfig({ GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR }),
      database,
      nodeEnv: "production",
    };
    const deps = createAppDeps(ds, config);
    const { apollo } = await createDirectoryApp(deps);
    const ask = async (body: string) => {
      const { query, variables } = JSON.parse(body);
      const r = await apollo.executeOperation({ query, variables }, { contextValue: createContext(deps, null) });
      if (r.body.kind !== "single" || r.body.singleResult.errors)
        throw new Error(
          `the operation failed: ${JSON.stringify(r.body.kind === "single" ? r.body.singleResult.errors : r.body.kind)}`,
        );
      return r.body.singleResult;
    };
    const bodies: Record<string, () => Promise<string>> = {
      page: async () => pageBody(),
      search: async () => searchBody(),
      facets: async () => facetsBody(),
      eligibility: () => eligibilityBodyVia(ask, 1),
      eligibility3: () => eligibilityBodyVia(ask, 3),
    };
    for (const name of opt("query", "page").split(",")) {
      if (!bodies[name]) throw new Error(`--query ${name}: one of ${Object.keys(bodies).join(", ")}`);
      const body = await bodies[name]();
      const once = async () => JSON.stringify(await ask(body)).length;
      for (let i = 0; i < 100; i++) await once();
      const perRun: string[] = [];
      for (let run = 0; run < 5; run++) {
        const before = process.cpuUsage();
        for (let i = 0; i < 200; i++) await once();
        const used = process.cpuUsage(before);
        perRun.push(((used.user + used.system) / 1000 / 200).toFixed(2));
      }
      console.log(
        `CPU ms per ${name} (5 runs of 200, ${config.executor.kind}): ${perRun.join(" ")}; load average ${os.loadavg()[0].toFixed(1)}`,
      );
    }
    await apollo.stop();
  } finally {
    await ds.destroy();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
