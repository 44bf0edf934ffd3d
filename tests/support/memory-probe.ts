/**
 * Runs in a child process (tests/snapshot/memory.test.ts): one `directory` CLI command once to
 * warm up (modules loaded, schemas compiled), then the measured command, and prints on its last
 * line `MEMORY {"baseline":…,"peak":…,"heapBaseline":…,"livePeak":…}` in bytes: the resident set
 * after the warm-up (after a full GC) and its high-water mark over the whole process, and the live
 * heap (used heap right after a full GC) after the warm-up and the largest seen while the command
 * ran. The live heap is what the command holds on to; the used heap between collections also counts
 * garbage V8 has not collected yet, which varies with GC timing from run to run.
 *
 * Usage: node --expose-gc -r tests/support/swc-register.js tests/support/memory-probe.ts '<warm-up args JSON>' '<args JSON>'
 */
import { runCli } from "../../server/src/cli";

async function main(): Promise<void> {
  const gc = global.gc;
  if (!gc) throw new Error("the memory probe needs node --expose-gc");
  const [warmUp, measured] = process.argv.slice(2).map((a) => JSON.parse(a) as string[]);
  // The commands' own output is not what the parent reads.
  console.log = () => undefined;
  if ((await runCli(warmUp)) !== 0) throw new Error(`warm-up failed: ${warmUp.join(" ")}`);
  gc();
  const baseline = process.memoryUsage().rss;
  const heapBaseline = process.memoryUsage().heapUsed;
  let livePeak = heapBaseline;
  // Samples between the job's I/O turns (a full GC every 100 ms slows the command a little, which
  // does not matter here); the RSS high-water mark comes from the kernel.
  const sampler = setInterval(() => {
    gc();
    livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
  }, 100);
  const code = await runCli(measured);
  clearInterval(sampler);
  if (code !== 0) throw new Error(`command failed (${code}): ${measured.join(" ")}`);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`\nMEMORY ${JSON.stringify({ baseline, peak, heapBaseline, livePeak })}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
