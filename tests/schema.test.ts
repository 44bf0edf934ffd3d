import fs from "node:fs";
import path from "node:path";
import { buildDirectorySchema, printDirectorySchema } from "../server/src/schema";

describe("committed SDL", () => {
  it("equals the schema the server builds (run `npm run schema:emit` after changing types)", async () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "schema", "schema.graphql"), "utf8");
    const built = printDirectorySchema(await buildDirectorySchema());
    expect(committed).toEqual(built);
  });
});
