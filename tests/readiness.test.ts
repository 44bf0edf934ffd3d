/**
 * Readiness (`GET /readyz`): an instance says it is ready once the database answers and its
 * in-process read indexes have had their first build, so that a balancer sends it traffic only when
 * facet counts, eligibility and counts no longer fall back to SQL; `/healthz` stays the liveness check.
 */
import type { DataSource } from "typeorm";
import { DirectoryVersion } from "../server/src/core/directory-version";
import { VersionedReadIndex } from "../server/src/core/read-index";
import { createTestServer } from "./support/server";

/** A database that only answers version reads (always version 1), read through `query` as on SQLite. */
const versionOnly = {
  options: { type: "better-sqlite3" },
  isInitialized: true,
  query: async () => [{ version: 1 }],
} as unknown as DataSource;

describe("a read index's state, for readiness", () => {
  it("is building until its first build ends, then built", async () => {
    let finish!: (value: string) => void;
    const index = new VersionedReadIndex(
      versionOnly,
      "slow",
      () => new Promise<string>((resolve) => (finish = resolve)),
      new DirectoryVersion(versionOnly),
    );
    expect(index.state()).toBe("building");
    const refreshed = index.refresh();
    await new Promise((r) => setImmediate(r));
    expect(index.state()).toBe("building");
    finish("value");
    await refreshed;
    expect(index.state()).toBe("built");
    expect(await index.current()).toBe("value");
  });

  it("is failed (reads use SQL) when its first build fails, not building for ever", async () => {
    const index = new VersionedReadIndex(
      versionOnly,
      "broken",
      async () => {
        throw new Error("statement timed out");
      },
      new DirectoryVersion(versionOnly),
    );
    await index.refresh();
    expect(index.state()).toBe("failed");
    expect(await index.current()).toBeNull();
  });
});

describe("GET /readyz", () => {
  it("answers 200 once the indexes are built, with each index's state (503 without a database: tests/http.test.ts)", async () => {
    const server = await createTestServer();
    try {
      const base = await server.listen();
      // The indexes build in the background from start-up: ready within moments on a small directory.
      let ready: Response | undefined;
      for (let i = 0; i < 100 && ready?.status !== 200; i++) {
        if (ready) await new Promise((r) => setTimeout(r, 100));
        ready = await fetch(`${base}/readyz`);
        if (ready.status !== 200) expect(await ready.json()).toMatchObject({ status: "starting" });
      }
      expect(ready!.status).toBe(200);
      expect(await ready!.json()).toEqual({
        status: "ready",
        database: { ok: true },
        indexes: { "program facets": "built", "eligibility records": "built" },
      });
    } finally {
      await server.close();
    }
  });
});
