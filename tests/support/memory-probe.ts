/**
 * Runs in a child process (tests/snapshot/memory.test.ts): one `directory` CLI command once to
 * warm up (modules loaded, schemas compiled), then the measured command, and prints on its last
 * line `MEMORY {"baseline":…,"peak":…,"heapBaseline":…,"heapPeak":…}` in bytes: the resident set
 * after the warm-up (after a full GC) and its high-water mark over the whole process, and the used
 * heap after the warm-up and the largest seen while the command ran.
 *
 * Usage: node --expose-gc -r tests/support/swc-register.js tests/support/memory-probe.ts '<warm-up args JSON>' '<args JSON>'
 */
import { runCli } from "../../server/src/cli";

async function main(): Promise<void> {
  const [warmUp, measured] = process.argv.slice(2).map((a) => JSON.parse(a) as string[]);
  // The commands' own output is not what the parent reads.
  console.log = () => undefined;
  if ((await runCli(warmUp)) !== 0) throw new Error(`warm-up failed: ${warmUp.join(" ")}`);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  const heapBaseline = process.memoryUsage().heapUsed;
  let heapPeak = heapBaseline;
  // Samples between the job's I/O turns; the RSS high-water mark comes from the kernel.
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 2);
  const code = await runCli(measured);
  clearInterval(sampler);
  if (code !== 0) throw new Error(`command failed (${code}): ${measured.join(" ")}`);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`\nMEMORY ${JSON.stringify({ baseline, peak, heapBaseline, heapPeak })}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
