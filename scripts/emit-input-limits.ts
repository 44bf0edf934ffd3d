/** Writes the limits of the server's inputs to admin/src/gql/input-limits.ts (npm run limits:emit). */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { buildInputLimits, printInputLimits } from "../server/src/composition/input-limits";

async function main(): Promise<void> {
  const target = path.resolve(__dirname, "..", "..", "admin", "src", "gql", "input-limits.ts");
  const limits = await buildInputLimits();
  fs.writeFileSync(target, printInputLimits(limits));
  console.log(`wrote ${path.relative(process.cwd(), target)} (${Object.keys(limits).length} inputs)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
