/** Writes the built GraphQL schema to schema/schema.graphql (npm run schema:emit). */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { buildDirectorySchema, printDirectorySchema } from "../server/src/composition/schema";

async function main(): Promise<void> {
  const target = path.resolve(__dirname, "..", "..", "schema", "schema.graphql");
  const sdl = printDirectorySchema(await buildDirectorySchema());
  fs.writeFileSync(target, sdl);
  console.log(`wrote ${path.relative(process.cwd(), target)} (${sdl.split("\n").length} lines)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
