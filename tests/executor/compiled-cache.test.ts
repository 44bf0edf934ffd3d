import { parse } from "graphql";
import { buildDirectorySchema } from "../../server/src/composition/schema";
import { CompiledQueries } from "../../server/src/core/executor";

describe("compiled query cache", () => {
  it("compiles on the Nth execution, keeps at most maxCompiled, and one-off queries never evict compiled ones", async () => {
    const schema = await buildDirectorySchema();
    const cache = new CompiledQueries(schema, { compileAfter: 2, maxCompiled: 2, maxCounted: 3 });
    const doc = (n: number) => parse(`{ programs(first: ${n}) { totalCount } }`);
    const hot = doc(1);
    expect(cache.get("hot", hot, undefined)).toBeNull();
    expect(cache.get("hot", hot, undefined)).not.toBeNull();
    expect(cache.stats).toEqual({ compiled: 1, counted: 0 });
    for (let i = 10; i < 20; i++) expect(cache.get(`once-${i}`, doc(i), undefined)).toBeNull();
    expect(cache.stats).toEqual({ compiled: 1, counted: 3 });
    expect(cache.get("hot", hot, undefined)).not.toBeNull();
    for (const key of ["b", "b", "c", "c"]) cache.get(key, doc(2), undefined);
    expect(cache.stats.compiled).toBe(2);
  });

  it("leaves the shared document as it was (jit annotates the nodes it compiles)", async () => {
    const schema = await buildDirectorySchema();
    const cache = new CompiledQueries(schema, { compileAfter: 1 });
    const document = parse(`query($x: Boolean!) { programs(first: 1) @include(if: $x) { totalCount } }`);
    const before = JSON.stringify(document);
    expect(cache.get("k", document, undefined)).not.toBeNull();
    expect(JSON.stringify(document)).toBe(before);
  });
});
