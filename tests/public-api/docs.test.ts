import fs from "node:fs";
import path from "node:path";
import { EXAMPLES } from "./examples";

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "API.md"), "utf8");

describe("docs/API.md for frontend developers", () => {
  it.each(Object.keys(EXAMPLES))("shows the %s example exactly as the tests run it", (name) => {
    expect(readme).toContain(EXAMPLES[name].query);
  });

  it("documents every setting of the public API", () => {
    for (const name of [
      "PUBLIC_CACHE_MAX_AGE",
      "QUERY_MAX_DEPTH",
      "QUERY_MAX_COST",
      "QUERY_MAX_ALIASES",
      "apollo-require-preflight",
      "persistedQuery",
    ]) {
      expect(readme).toContain(name);
    }
  });
});
