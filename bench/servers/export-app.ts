/**
 * The app's export, through the real CLI code path: `directory snapshot export --format json
 * --out OUT_FILE` parsed by the app's own commander program on DATABASE_URL. Timed around the
 * command (module loading excluded, as for the floor); reports peak RSS of the whole process.
 * Usage: export-app OUT_FILE.
 */
import "reflect-metadata";
import { buildCli } from "../../server/src/cli";

async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await buildCli().parseAsync(["node", "directory", "snapshot", "export", "--format", "json", "--out", out]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  process.send!({ ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS });
}

main().catch((e) => {
  console.error("bench export failed:", e);
  process.exit(1);
});
