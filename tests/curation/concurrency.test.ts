import { inTransaction } from "../../server/src/core/transaction";
import { updateVersioned } from "../../server/src/core/versioned-write";
import { AuditAction, AuditEntry } from "../../server/src/modules/audit/audit-entry.entity";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { testDialect } from "../support/db";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
let editors: Curator[];
beforeAll(async () => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editors = [];
  for (let i = 0; i < 8; i++) editors.push(await f.curator({ role: CuratorRole.EDITOR }));
});

const UPDATE = `mutation($id: ID!, $v: Int!, $input: ProgramInput!) { updateProgram(id: $id, version: $v, input: $input) { version title description } }`;
const stored = (id: number) => server.ds.getRepository(Program).findOneByOrFail({ id });
const updates = () => server.ds.getRepository(AuditEntry).countBy({ action: AuditAction.UPDATE });

describe("optimistic locking", () => {
  it("lets exactly one of many parallel updates of one version win; the rest get CONFLICT with the current version", async () => {
    const p = await f.program({ title: "Start" });
    const results = await Promise.all(
      editors.map((editor, i) =>
        server.exec(UPDATE, { id: String(p.id), v: 1, input: { title: `Title from editor ${i}` } }, editor),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(editors.length - 1);
    for (const r of losers) expect(r.errors![0].extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
    const row = await stored(p.id);
    expect(row.version).toBe(2);
    expect(row.title).toBe(winners[0].data!.updateProgram.title);
    expect(await updates()).toBe(1);
  });

  it("loses no write: the editor who lost re-reads, applies the change to the new version, and both edits remain", async () => {
    const p = await f.program({ title: "Start", description: "Start" });
    const [a, b] = await Promise.all([
      server.exec(UPDATE, { id: String(p.id), v: 1, input: { title: "Title by A" } }, editors[0]),
      server.exec(UPDATE, { id: String(p.id), v: 1, input: { description: "Description by B" } }, editors[1]),
    ]);
    const loser = a.errors
      ? { result: a, input: { title: "Title by A" }, as: editors[0] }
      : { result: b, input: { description: "Description by B" }, as: editors[1] };
    expect([a, b].filter((r) => r.errors)).toHaveLength(1);
    const current = loser.result.errors![0].extensions!.currentVersion;
    const retried = expectData(
      await server.exec(UPDATE, { id: String(p.id), v: current, input: loser.input }, loser.as),
    ).updateProgram;
    expect(retried).toEqual({ version: 3, title: "Title by A", description: "Description by B" });
  });

  it("checks the version in the UPDATE itself: a row changed after it was read is a CONFLICT and the write leaves nothing behind", async () => {
    const p = await f.program({ title: "Start" });
    const writes = server.deps.services.programWrites;
    await expect(
      inTransaction(server.ds, (m) =>
        updateVersioned(m, writes.model, {
          id: p.id,
          version: 1,
          actorId: editors[0].id,
          action: AuditAction.UPDATE,
          compute: async () => {
            // Another writer's change lands between this write's read and its UPDATE.
            await m.query(`UPDATE programs SET version = version + 1, title = 'Theirs' WHERE id = ${p.id}`);
            return { values: { title: "Mine" } };
          },
        }),
      ),
    ).rejects.toMatchObject({ extensions: { code: "CONFLICT", currentVersion: 2 } });
    const row = await stored(p.id);
    expect([row.title, row.version]).toEqual(["Start", 1]); // the whole transaction rolled back
    expect(await updates()).toBe(0);
  });

  // SQLite runs one write transaction at a time (core/transaction.ts), so two cannot both read
  // version 1 before either writes; on PostgreSQL they can, and the guarded UPDATE decides.
  (testDialect === "postgres" ? it : it.skip)(
    "on PostgreSQL, two transactions that both read version 1 cannot both write",
    async () => {
      const p = await f.program({ title: "Start" });
      const writes = server.deps.services.programWrites;
      let arrived = 0;
      let release!: () => void;
      const bothRead = new Promise<void>((resolve) => (release = resolve));
      const attempt = (title: string, actorId: number) =>
        inTransaction(server.ds, (m) =>
          updateVersioned(m, writes.model, {
            id: p.id,
            version: 1,
            actorId,
            action: AuditAction.UPDATE,
            compute: async () => {
              if (++arrived === 2) release();
              await bothRead;
              return { values: { title } };
            },
          }),
        );
      const outcomes = await Promise.allSettled([attempt("A", editors[0].id), attempt("B", editors[1].id)]);
      const won = outcomes.filter((o) => o.status === "fulfilled") as PromiseFulfilledResult<Program>[];
      const lost = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason.extensions).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
      const row = await stored(p.id);
      expect(row).toMatchObject({ version: 2, title: won[0].value.title });
      expect(await updates()).toBe(1);
    },
  );

  it("lets only one of two parallel creations take a slug; the other is BAD_USER_INPUT naming the slug", async () => {
    const create = (as: Curator) =>
      server.exec(`mutation { createSpecialty(input: { slug: "same-slug", name: "Same" }) { id } }`, {}, as);
    const results = await Promise.all([create(editors[0]), create(editors[1]), create(editors[2])]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(r.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: ["input", "slug"] }] });
    }
  });
});

describe("transactions", () => {
  it("keep parallel writes apart: one that fails rolls back only itself", async () => {
    // On SQLite all queries share one connection; unqueued, the failing one's ROLLBACK would undo the other.
    const [a, b] = [await f.program({ title: "A" }), await f.program({ title: "B" })];
    const pause = () => new Promise((r) => setTimeout(r, 5));
    const good = inTransaction(server.ds, async (m) => {
      await m.update(Program, { id: a.id }, { title: "A changed" });
      await pause();
    });
    const bad = inTransaction(server.ds, async (m) => {
      await m.update(Program, { id: b.id }, { title: "B changed" });
      await pause();
      throw new Error("fails after writing");
    });
    const [goodResult, badResult] = await Promise.allSettled([good, bad]);
    expect(goodResult.status).toBe("fulfilled");
    expect(badResult.status).toBe("rejected");
    expect((await stored(a.id)).title).toBe("A changed");
    expect((await stored(b.id)).title).toBe("B");
  });
});
