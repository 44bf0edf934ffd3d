import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startChildServer } from "../support/child-server";
import { testDialect } from "../support/db";

const sqliteOnly = testDialect === "sqlite" ? describe : describe.skip;

sqliteOnly("graceful shutdown", () => {
  it("finishes in-flight requests on SIGTERM, then exits 0 and keeps the data", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shutdown-"));
    const server = await startChildServer({ DATABASE_URL: `sqlite:${dir}/d.sqlite` });
    const query = (url: string) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ programs(first: 100) { totalCount edges { node { title requirements { requirement { code } } } } } }" }),
      }).then((r) => r.json() as Promise<{ data: { programs: { totalCount: number } } }>);
    const inFlight = Array.from({ length: 20 }, () => query(server.url));
    await new Promise((r) => setTimeout(r, 150)); // let them reach the server
    server.proc.kill("SIGTERM");
    const answers = await Promise.allSettled(inFlight);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/stopped cleanly/);
    // requests that reached the server before SIGTERM were answered in full
    const answered = answers.filter((a) => a.status === "fulfilled") as PromiseFulfilledResult<{ data: { programs: { totalCount: number } } }>[];
    // Every request either got its full answer or was refused before it was accepted: none was cut off.
    for (const a of answers) {
      if (a.status === "rejected") expect(String((a.reason as { cause?: { code?: string } }).cause?.code)).toBe("ECONNREFUSED");
    }
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answered) expect(a.value.data.programs.totalCount).toBe(19);
    const again = await startChildServer({ DATABASE_URL: `sqlite:${dir}/d.sqlite` });
    try {
      expect((await query(again.url)).data.programs.totalCount).toBe(19);
      expect(again.output()).not.toMatch(/loaded the sample directory/); // nothing seeded twice
    } finally {
      again.proc.kill("SIGTERM");
      await again.exited;
    }
  });
});
