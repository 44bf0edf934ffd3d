/**
 * One PostGraphile peer workload (bench/peer-queries.ts) against a PostgreSQL database kept
 * between runs, with more rounds than the bench gives it: the way to compare builds of one read
 * path on a shared machine without regenerating the directory every time.
 *
 *   npm run -s build && node dist/bench/tools/peer-workload.js --db postgres://…/DB \
 *     [--workload institutions] [--generate 3000] [--rounds 4] [--seconds 4] [--app DIR …]
 *
 * --profile DIR writes each contender's .cpuprofile into DIR/<name> (bench/tools/profile-summary.ts).
 * --process-only counts each server process's CPU alone (without the database backends').
 * --generate N fills the (empty) database with N programs (20 per institution, seed 42) first.
 * Each --app DIR adds an app contender built in DIR (a copy of dist/ from another commit, kept
 * inside the repository so that node_modules resolves); dist/ itself is always one.
 */
import "reflect-metadata";
import path from "node:path";
import { Client } from "pg";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { startChild, withChildren, type ChildServer } from "../lib/children";
import { alternate } from "../lib/load";
import { BackendCpu, withBackendCpu } from "../lib/pg-backends";
import { comparePeer } from "../measurements/postgraphile-peer";
import { peerPair, type PeerWorkload } from "../peer-queries";
import { institutionsFor } from "../lib/types";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const url = opt("db", "");
  if (!url.startsWith("postgres")) throw new Error("--db needs a PostgreSQL URL");
  const name = new URL(url).pathname.slice(1);
  const generate = Number(opt("generate", "0"));
  if (generate) {
    const ds = createDataSource({ kind: "postgres", url });
    await ds.initialize();
    await migrate(ds);
    await generateSynthetic(ds, { programs: generate, institutions: institutionsFor(generate), seed: 42 });
    await ds.destroy();
  }
  const workload = opt("workload", "institutions") as PeerWorkload;
  const apps = argv.flatMap((a, i) => (a === "--app" ? [path.resolve(argv[i + 1])] : []));
  const c = new Client({ connectionString: url });
  await c.connect();
  const slug = (await c.query(`SELECT slug FROM programs WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`)).rows[0].slug;
  await c.end();
  const pair = peerPair(workload, slug);
  const env = { DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: "0" };
  const backends = await BackendCpu.open(url, name);
  const profileDir = argv.includes("--profile") ? path.resolve(opt("profile", "")) : null;
  const profiled = (who: string) => (profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, who)}`] : []);
  const appScript = (dir: string) =>
    path.relative(path.join(__dirname, "..", "servers"), path.join(dir, "bench/servers/app-server.js"));
  try {
    await withChildren(
      [
        startChild("app", "app-server.js", env, profiled("app")),
        ...apps.map((dir) =>
          startChild(`app@${path.basename(dir)}`, appScript(dir), env, profiled(path.basename(dir))),
        ),
        startChild("postgraphile", "postgraphile-server.js", env, profiled("postgraphile")),
      ],
      async (servers: ChildServer[]) => {
        const peer = servers[servers.length - 1];
        for (const s of servers.slice(0, -1)) {
          const difference = await comparePeer(s.url, peer.url, pair);
          if (difference) throw new Error(`${s.name}: the answers differ (${difference})`);
        }
        const targets = servers.map((s) => ({
          name: s.name,
          url: s.url,
          body: JSON.stringify(s === peer ? pair.peer : pair.app),
          // --process-only: the server processes' own CPU, without their database backends'.
          server: argv.includes("--process-only") ? s : withBackendCpu(s, backends),
        }));
        const r = await alternate(
          targets,
          {
            connections: 8,
            seconds: Number(opt("seconds", "4")),
            rounds: Number(opt("rounds", "4")),
            warmupSeconds: 2,
          },
          (line) => console.log(line),
        );
        const p = r.postgraphile;
        for (const s of servers) {
          const a = r[s.name];
          console.log(
            `${s.name.padEnd(24)} ${a.rps.toFixed(1).padStart(7)} req/s  ${a.serverCpuMsPerRequest!.toFixed(3)} CPU ms/req  ` +
              `req/s ×${(a.rps / p.rps).toFixed(2)}  CPU ×${(a.serverCpuMsPerRequest! / p.serverCpuMsPerRequest!).toFixed(2)}`,
          );
        }
      },
    );
  } finally {
    await backends.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
