import { QueryTexts } from "../server/src/core/query-text";
import { dialectOf } from "../server/src/core/data-source";
import { detailSelects, type DetailPlan } from "../server/src/modules/program/program.detail";
import { Program } from "../server/src/modules/program/program.entity";
import { factories } from "./support/factories";
import { useTestServer } from "./support/server";

/**
 * A query built the same way runs the text built the first time (core/query-text.ts), with its
 * own parameter values: the rows are those of its values, never those of the first run.
 */
const server = useTestServer();

describe("reused query texts", () => {
  it("builds a shape's text once and binds each run's values", async () => {
    const f = factories(server.ds);
    const [a, b] = [await f.program({ slug: "text-a" }), await f.program({ slug: "text-b" })];
    const texts = new QueryTexts();
    const bySlug = (slug: string) =>
      server.ds.getRepository(Program).createQueryBuilder("p").select(["p.id"]).where("p.slug = :slug", { slug });
    let built = 0;
    const run = (slug: string) => {
      const qb = bySlug(slug);
      const getQuery = qb.getQuery.bind(qb);
      qb.getQuery = () => {
        built += 1;
        return getQuery();
      };
      return texts.reuse(qb, "program by slug").getRawMany<{ p_id: number }>();
    };
    expect((await run("text-a")).map((r) => Number(r.p_id))).toEqual([a.id]);
    expect((await run("text-b")).map((r) => Number(r.p_id))).toEqual([b.id]);
    expect((await run("missing")).length).toBe(0);
    expect(built).toBe(1);
    expect(texts.size).toBe(1);
  });

  it("gives the detail statement's selects once per plan, as one object (its text's key)", () => {
    const dialect = dialectOf(server.ds);
    const plan = (columns: string[] | null): DetailPlan => ({
      institution: { columns },
      pathway: { requirements: true },
    });
    const a = detailSelects(server.ds, dialect, plan(["id", "slug"]), false);
    expect(detailSelects(server.ds, dialect, plan(["id", "slug"]), false)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const everyColumn = detailSelects(server.ds, dialect, plan(null), false);
    const archivedToo = detailSelects(server.ds, dialect, plan(["id", "slug"]), true);
    expect(everyColumn).not.toBe(a);
    expect(everyColumn.x_institution).not.toEqual(a.x_institution);
    expect(archivedToo.x_institution).not.toEqual(a.x_institution);
    expect(Object.keys(a).sort()).toEqual(["x_institution", "x_pathway", "x_pathway_requirements"]);
  });
});
