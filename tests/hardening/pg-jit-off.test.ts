import { createTestServer } from "../support/server";
import { testDialect } from "../support/db";

/**
 * PostgreSQL's JIT compiled the eligibility cursor query for 812 of its 860 ms (docs/DEPLOYMENT.md):
 * the server's connections run with it off, whatever the database's default.
 */
const postgresOnly = testDialect === "postgres" ? describe : describe.skip;

postgresOnly("PostgreSQL JIT", () => {
  it("is off on every connection of the server's pool", async () => {
    const server = await createTestServer();
    try {
      // Two at once: two connections of the pool, not one reused.
      const answers = await Promise.all([server.ds.query("SHOW jit"), server.ds.query("SHOW jit")]);
      expect(answers.map((rows: { jit: string }[]) => rows[0].jit)).toEqual(["off", "off"]);
    } finally {
      await server.close();
    }
  });
});
