import v8 from "node:v8";
import vm from "node:vm";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { createTestServer } from "../support/server";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const QUERIES = [
  `{ programs(first: 50) { totalCount edges { node { title institution { name } specialties { slug } requirements { level requirement { code } } pathway { name } } } } }`,
  `{ institutions(first: 10) { edges { node { name programs(first: 5) { totalCount edges { node { title } } } } } } }`,
  `{ requirements(first: 100) { edges { node { code name } } } pathways { edges { node { slug requirements { requirement { code } } } } } }`,
  `{ program(slug: "mayo-clinic-fellowships-for-imgs") { title requirements { requirement { code } } } }`,
  `{ programs(first: 500) { totalCount } }`,
  `{ nope }`,
];

describe("burst", () => {
  it("answers hundreds of mixed concurrent requests without a failure, and memory stops growing once caches are warm", async () => {
    const server = await createTestServer();
    try {
      await seedSampleDirectory(server.ds);
      const base = await server.listen();
      const fire = (i: number) =>
        fetch(`${base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: QUERIES[i % QUERIES.length] }),
        }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { errors?: { extensions: { code: string } }[] },
        }));

      await Promise.all(Array.from({ length: 30 }, (_, i) => fire(i))); // warm-up
      const heaps: number[] = [heapAfterGc()];
      for (let round = 0; round < 6; round++) {
        const results = await Promise.all(Array.from({ length: 150 }, (_, i) => fire(i)));
        for (const [i, r] of results.entries()) {
          expect(r.status).toBeLessThan(500);
          const q = i % QUERIES.length;
          if (q === 4) expect(r.body.errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
          else if (q === 5) expect(r.body.errors?.[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
          else expect(r.body.errors).toBeUndefined();
        }
        heaps.push(heapAfterGc());
      }
      if (process.env.BURST_DEBUG) console.log(heaps.map((h) => (h / 1048576).toFixed(1)).join(" MB, "));
      // Caches (parsed documents, persisted queries) fill during the first rounds; after that the
      // heap must stop growing: 450 more requests retain less than 4 MB (under 10 kB a request).
      expect(heaps[heaps.length - 1] - heaps[3]).toBeLessThan(4 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });
});
