import type { DataSource } from "typeorm";
import type { Services } from "../server/src/core/context";
import { viewerFor } from "../server/src/core/viewer";
import { createLoaders } from "../server/src/composition/loaders";

/**
 * A request's DataLoaders (composition/loaders.ts) are made on first use, per module: a request
 * that reads no relation makes none, and `written` (core/write-resolver.ts), which clears every
 * loader listed by Object.values, sees exactly those made.
 */
describe("request DataLoaders", () => {
  const services = {} as Services;
  const dataSource = { options: { type: "postgres" } } as unknown as DataSource;
  const make = () => createLoaders(services, viewerFor(null, null), dataSource) as unknown as Record<string, unknown>;

  it("makes none until one is read, then the whole group of the one read", () => {
    const loaders = make();
    expect(Object.values(loaders)).toEqual([]);
    const byId = loaders.requirementById as { load: unknown; clearAll: unknown };
    expect(typeof byId.load).toBe("function");
    expect(loaders.requirementById).toBe(byId); // the same loader for the rest of the request
    expect(Object.keys(loaders).sort()).toEqual(["impliedIds", "requirementById"]);
    expect(Object.values(loaders).every((l) => typeof (l as { clearAll: unknown }).clearAll === "function")).toBe(true);
  });

  it("gives every request its own loaders", () => {
    const first = make();
    const second = make();
    expect(first.requirementById).not.toBe(second.requirementById);
    // Another module's loaders stay unmade, but are there to read.
    expect(Object.keys(second)).not.toContain("curatorById");
    expect("curatorById" in second).toBe(true);
  });
});
