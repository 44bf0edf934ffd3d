import { dialectOf } from "../../server/src/core/data-source";
import { Program } from "../../server/src/modules/program/program.entity";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";
import { httpGql, loginAs, CuratorRole } from "../support/auth";
import { factories } from "../support/factories";
import { createTestServer } from "../support/server";

const UPDATE = `mutation($id: ID!, $v: Int!, $title: String!) { updateProgram(id: $id, version: $v, input: { title: $title }) { id version title } }`;
const CREATE = `mutation($slug: String!) { createSpecialty(input: { slug: $slug, name: $slug }) { id slug } }`;
const READ = `{ programs(first: 50) { totalCount edges { node { title institution { name } specialties { slug } requirements { requirement { code } } } } } }`;

describe("concurrency: 50 writers and 20 readers on one database", () => {
  it("acknowledges every write, loses none, never fails with a busy database", async () => {
    // 300 writes queue for the one SQLite writer; on a loaded CI machine that can outlast the default timeout.
    const server = await createTestServer({ OPERATION_TIMEOUT_MS: "120000" });
    try {
      const base = await server.listen();
      const f = factories(server.ds);
      const inst = await f.institution();
      const programs: Program[] = [];
      for (let i = 0; i < 50; i++) programs.push(await f.program({ institutionId: inst.id }));
      const editor = await loginAs(server, base, CuratorRole.EDITOR);

      const errors: string[] = [];
      const acknowledged = { titles: new Map<number, string>(), specialties: [] as string[] };
      const writer = async (w: number) => {
        let version = programs[w].version;
        for (let round = 0; round < 3; round++) {
          const title = `Writer ${w} round ${round}`;
          const r = await editor.gql(UPDATE, { id: String(programs[w].id), v: version, title });
          if (r.errors) errors.push(`update ${w}: ${JSON.stringify(r.errors)}`);
          else {
            version = r.data!.updateProgram.version;
            acknowledged.titles.set(programs[w].id, title);
          }
          const slug = `concurrent-${w}-${round}`;
          const c = await editor.gql(CREATE, { slug });
          if (c.errors) errors.push(`create ${w}: ${JSON.stringify(c.errors)}`);
          else acknowledged.specialties.push(slug);
        }
      };
      let reads = 0;
      const reader = async () => {
        for (let i = 0; i < 8; i++) {
          const r = await httpGql(base, READ);
          if (r.errors || r.status !== 200) errors.push(`read: ${r.status} ${JSON.stringify(r.errors)}`);
          else reads++;
        }
      };
      await Promise.all([
        ...Array.from({ length: 50 }, (_, w) => writer(w)),
        ...Array.from({ length: 20 }, () => reader()),
      ]);

      expect(errors).toEqual([]);
      expect(reads).toBe(160);
      expect(acknowledged.specialties).toHaveLength(150);
      const stored = await server.ds.getRepository(Program).findBy({ institutionId: inst.id });
      for (const p of stored) {
        expect(p.title).toBe(acknowledged.titles.get(p.id));
        expect(p.version).toBe(programs.find((x) => x.id === p.id)!.version + 3);
      }
      expect(await server.ds.getRepository(Specialty).count()).toBe(150);
      if (dialectOf(server.ds) === "sqlite") {
        const [check] = await server.ds.query("PRAGMA integrity_check");
        expect(check.integrity_check).toBe("ok");
      }
    } finally {
      await server.close();
    }
  });
});
