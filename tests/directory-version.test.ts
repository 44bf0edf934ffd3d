/**
 * The directory version reader shares reads between concurrent callers but never hands a caller a
 * read that started before it asked (which could miss a write the caller has seen).
 */
import type { DataSource } from "typeorm";
import { DirectoryVersion } from "../server/src/core/directory-version";

/** A data source whose version reads go through `query`, as on SQLite (on PostgreSQL the read has a
 * connection of its own: tests/hardening/pg-version-reader.test.ts). */
function readingThrough(query: () => Promise<unknown>): DataSource {
  return { options: { type: "better-sqlite3" }, query } as unknown as DataSource;
}

/** A database whose version reads answer only when released, each with the version at the moment it started. */
function slowDatabase() {
  let version = 1;
  const pending: (() => void)[] = [];
  const counts = { statements: 0 };
  const ds = readingThrough(
    () =>
      new Promise((resolve) => {
        counts.statements++;
        const startedAt = version;
        pending.push(() => resolve([{ version: startedAt }]));
      }),
  );
  return {
    ds,
    pending,
    counts,
    write: () => version++,
    releaseAll: async () => {
      while (pending.length) {
        pending.shift()!();
        // Let the reader start the read that follows (a microtask chain) before releasing it.
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}

describe("directory version reads", () => {
  it("gives callers arriving during a read the next read, shared, and never an earlier one", async () => {
    const db = slowDatabase();
    const reader = new DirectoryVersion(db.ds);
    const first = reader.read();
    expect(db.pending).toHaveLength(1);
    // A write commits while the first read is in flight; three callers arrive after it.
    db.write();
    const later = [reader.read(), reader.read(), reader.read()];
    await db.releaseAll();
    expect(await first).toBe("1");
    // They share one read, which started after they asked: they see the write.
    expect(await Promise.all(later)).toEqual(["2", "2", "2"]);
    // Two statements in all for four callers.
    expect(db.counts.statements).toBe(2);
  });

  it("counts one statement per wave of concurrent callers", async () => {
    let statements = 0;
    const ds = readingThrough(async () => {
      statements++;
      await new Promise((r) => setImmediate(r));
      return [{ version: "7" }];
    });
    const reader = new DirectoryVersion(ds);
    const answers = await Promise.all(Array.from({ length: 20 }, () => reader.read()));
    expect(answers.every((v) => v === "7")).toBe(true);
    // The first caller's read, and one more shared by the nineteen that arrived while it ran.
    expect(statements).toBe(2);
    // A lone caller afterwards reads on its own.
    await reader.read();
    expect(statements).toBe(3);
  });

  it("retries a shared read that failed as the caller's own", async () => {
    let calls = 0;
    const ds = readingThrough(async () => {
      const call = ++calls;
      await new Promise((r) => setImmediate(r));
      // The second read (the shared one) fails, as a read cancelled with its request's operation would.
      if (call === 2) throw new Error("cancelled");
      return [{ version: String(call) }];
    });
    const reader = new DirectoryVersion(ds);
    const [a, b, c] = await Promise.all([reader.read(), reader.read(), reader.read()]);
    expect(a).toBe("1");
    // b and c each read again on their own.
    expect([b, c].sort()).toEqual(["3", "4"]);
  });

  it("reads 'none' before the directory's first write", async () => {
    const reader = new DirectoryVersion(readingThrough(async () => []));
    expect(await reader.read()).toBe("none");
  });
});
