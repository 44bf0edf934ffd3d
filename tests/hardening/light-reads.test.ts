import { SqliteReadWorker } from "../../server/src/core/sqlite-read-worker";
import { testDialect } from "../support/db";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { createTestServer } from "../support/server";

/** How many cores the server's host reports (node:os `availableParallelism`), set by each test. */
let cores = 2;
jest.mock("node:os", () => ({ ...jest.requireActual("node:os"), availableParallelism: () => cores }));

const PAGE = `{ programs(first: 5) { totalCount edges { node { title institution { name } } } } }`;

// On SQLite a page of programs is a light read: in the read worker when the worker is free and the
// host has a core to spare (core/sqlite-readers.ts `offMainThreadWhenFree`). PostgreSQL has no worker.
const sqliteOnly = testDialect === "sqlite" ? describe : describe.skip;

sqliteOnly("light reads on SQLite", () => {
  /** The page's answer, and how many light reads the read worker ran for it. */
  async function page(hostCores: number) {
    cores = hostCores;
    const server = await createTestServer();
    const all = jest.spyOn(SqliteReadWorker.prototype, "all");
    try {
      const institution = await factories(server.ds).institution({ name: "Mercy Teaching Hospital" });
      await factories(server.ds).program({ title: "Internal Medicine Residency", institution });
      // The write made the read indexes stale: their rebuild (heavy reads) would hold the worker.
      await server.deps.services.programFacetIndex.current();
      await server.deps.services.eligibilityIndex.current();
      all.mockClear();
      const data = expectData(await server.exec(PAGE));
      return { data, lightReads: all.mock.calls.filter(([, , light]) => light === true).length };
    } finally {
      all.mockRestore();
      await server.close();
    }
  }

  const expected = {
    programs: {
      totalCount: 1,
      edges: [{ node: { title: "Internal Medicine Residency", institution: { name: "Mercy Teaching Hospital" } } }],
    },
  };

  it("reads a page in the read worker when the host has a core to spare", async () => {
    const { data, lightReads } = await page(2);
    expect(data).toEqual(expected);
    expect(lightReads).toBe(1);
  });

  it("reads it on the event loop's reader on a single-core host, with the same answer", async () => {
    const { data, lightReads } = await page(1);
    expect(data).toEqual(expected);
    expect(lightReads).toBe(0);
  });
});
