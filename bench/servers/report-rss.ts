/** Preloaded (`node -r`) into a measured process: writes its peak RSS to BENCH_RSS_OUT on exit. */
import fs from "node:fs";

process.on("exit", () => {
  const out = process.env.BENCH_RSS_OUT;
  if (out) fs.writeFileSync(out, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
});
