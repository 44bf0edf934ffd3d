import { auditServer } from "graphql-http";
import { createTestServer } from "../support/server";

describe("GraphQL over HTTP conformance (graphql-http server audit)", () => {
  it("has no MUST failures", async () => {
    const server = await createTestServer();
    try {
      const base = await server.listen();
      const results = await auditServer({ url: `${base}/graphql` });
      const mustFailures = results.filter((r) => r.status === "error" && r.name.startsWith("MUST"));
      expect(mustFailures.map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
      expect(results.filter((r) => r.name.startsWith("MUST")).length).toBeGreaterThan(10);
    } finally {
      await server.close();
    }
  });
});
