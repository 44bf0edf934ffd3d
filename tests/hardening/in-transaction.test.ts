import { inTransaction } from "../../server/src/core/transaction";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";
import { testDialect } from "../support/db";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });

describe("inTransaction", () => {
  it("lets 50 overlapping write transactions all commit, one at a time", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        inTransaction(server.ds, async (m) => {
          const before = await m.count(Specialty);
          await new Promise((r) => setImmediate(r)); // yield mid-transaction, as real work does
          await m.insert(Specialty, { slug: `s-${i}`, name: `S ${i}`, version: 1 });
          return before;
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await server.ds.getRepository(Specialty).count()).toBe(50);
    if (testDialect !== "sqlite") return; // PostgreSQL runs them side by side, as it should
    // on SQLite each transaction saw the ones before it: no two overlapped
    const seen = results.map((r) => (r as PromiseFulfilledResult<number>).value).sort((a, b) => a - b);
    expect(new Set(seen).size).toBe(50);
  });

  it("rolls back everything when the work fails and keeps serving", async () => {
    await expect(
      inTransaction(server.ds, async (m) => {
        await m.insert(Specialty, { slug: "kept-out", name: "Kept out", version: 1 });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await server.ds.getRepository(Specialty).count()).toBe(0);
    await inTransaction(server.ds, (m) => m.insert(Specialty, { slug: "ok", name: "OK", version: 1 }));
    expect(await server.ds.getRepository(Specialty).count()).toBe(1);
  });
});
