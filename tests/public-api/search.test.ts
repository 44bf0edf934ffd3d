import { TableColumn } from "typeorm";
import { createDataSource } from "../../server/src/composition/database";
import { migrate } from "../../server/src/composition/migrate";
import { Institution } from "../../server/src/modules/institution/institution.entity";
import { Pathway } from "../../server/src/modules/pathway/pathway.entity";
import { ProgramSpecialty } from "../../server/src/modules/program/program-specialty.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";
import { createTestDatabase, testDialect } from "../support/db";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";
import { buildDirectory, type Directory } from "./fixture";

const server = useTestServer({ reset: true });
let dir: Directory;
beforeEach(async () => {
  dir = await buildDirectory(server.ds);
});

const SEARCH = `query($search: String, $filter: ProgramFilter, $orderBy: ProgramOrder) {
  programs(search: $search, filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { id title } } }
}`;

async function found(search: string, filter?: Record<string, unknown>): Promise<string[]> {
  const data = expectData(await server.exec(SEARCH, { search, filter })).programs;
  expect(data.totalCount).toBe(data.edges.length);
  return dir.keys(data.edges.map((e: any) => e.node.id));
}

async function ranked(search: string): Promise<string[]> {
  return expectData(await server.exec(SEARCH, { search })).programs.edges.map((e: any) => e.node.title);
}

describe("full-text search", () => {
  it("covers title, description, institution name and city, specialty and pathway names", async () => {
    expect(await found("fellowship")).toEqual(["p1", "p6"]); // title
    expect(await found("interventional")).toEqual(["p1"]); // description
    expect(await found("beta university")).toEqual(["p3", "p4"]); // institution name
    expect(await found("rochester")).toEqual(["p1", "p2"]); // institution city
    expect(await found("pediatrics")).toEqual(["p3", "p4"]); // specialty (p3 also by title)
    expect(await found("direct application")).toEqual(["p1", "p3", "p6"]); // pathway
  });

  it("matches every word, each as a prefix, with English stemming, case- and accent-insensitively", async () => {
    expect(await found("alpha cardiology")).toEqual(["p1"]);
    expect(await found("CARDIO")).toEqual(["p1", "p4"]);
    expect(await found("residencies")).toEqual(["p4", "p5"]);
    expect(await found("card roch")).toEqual(["p1"]);
    expect(await found("cardiology zzzz")).toEqual([]);
  });

  it("never shows drafts to anonymous readers and combines with filters", async () => {
    expect(await found("draft")).toEqual([]);
    expect(await found("cardiology", { country: ["CA"] })).toEqual(["p4"]);
    expect(await found("oncology", { visaSponsorship: false, type: ["FELLOWSHIP"] })).toEqual(["p6"]);
  });

  it("ranks a title match above a specialty match above a description match", async () => {
    const f = factories(server.ds);
    const inst = await f.institution({ name: "Plain Institute", city: "Nowhere" });
    const neph = await f.specialty({ slug: "nephrology", name: "Nephrology" });
    await f.program({
      title: "Kidney care observership",
      description: "Includes some nephrology rounds.",
      institutionId: inst.id,
    });
    await f.program({ title: "Nephrology Fellowship", institutionId: inst.id });
    await f.program({ title: "Renal observership", institutionId: inst.id }, { specialties: [neph] });
    expect(await ranked("nephrology")).toEqual([
      "Nephrology Fellowship",
      "Renal observership",
      "Kidney care observership",
    ]);
    // RELEVANCE is the default with a search, and can be asked for explicitly.
    const explicit = expectData(
      await server.exec(SEARCH, { search: "nephrology", orderBy: "RELEVANCE" }),
    ).programs.edges.map((e: any) => e.node.title);
    expect(explicit[0]).toBe("Nephrology Fellowship");
    const byTitle = expectData(
      await server.exec(SEARCH, { search: "nephrology", orderBy: "TITLE" }),
    ).programs.edges.map((e: any) => e.node.title);
    expect(byTitle).toEqual(["Kidney care observership", "Nephrology Fellowship", "Renal observership"]);
  });

  it("treats user text as words only: quotes, operators and SQL do nothing and break nothing", async () => {
    for (const text of [
      `"`,
      `cardio" OR "oncology`,
      `*`,
      `NEAR(alpha beta)`,
      `title:cardiology`,
      `cardiology:* | oncology & !alpha`,
      `'; DROP TABLE programs; --`,
      `(((`,
      `^alpha`,
      `alpha -cardiology`,
      `a\\b%_`,
      `Montréal ünïcödé 北京`,
    ]) {
      const result = await server.exec(SEARCH, { search: text });
      expect(result.errors).toBeUndefined();
    }
    expect(await found(`cardio" OR "oncology`)).toEqual([]); // the words cardio, or, oncology: all must match
    expect(await found(`title:cardiology`)).toEqual([]); // "title" is a word here, not a column
    expect(await found(`"alpha" AND`)).toEqual(["p1", "p2"]); // "and" is a stop word
    expect(await found(`the of and`)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6"]); // only stop words: no search
    expect(await found(`alpha*!`)).toEqual(["p1", "p2"]);
    const still = expectData(await server.exec(`{ programs { totalCount } }`)).programs.totalCount;
    expect(still).toBe(6);
  });

  it("ignores a search without any word, refuses RELEVANCE without one, and limits its length", async () => {
    expect(await found("  !!! ")).toEqual(["p1", "p2", "p3", "p4", "p5", "p6"]);
    const noSearch = expectError(await server.exec(SEARCH, { orderBy: "RELEVANCE" }), "BAD_USER_INPUT", ["programs"]);
    expect(noSearch.extensions!.fields[0].path).toEqual(["orderBy"]);
    expectError(await server.exec(SEARCH, { search: "?!", orderBy: "RELEVANCE" }), "BAD_USER_INPUT");
    const long = expectError(await server.exec(SEARCH, { search: "a".repeat(201) }), "BAD_USER_INPUT");
    expect(long.extensions!.fields[0].path).toEqual(["search"]);
  });
});

describe("the index follows every edit at once", () => {
  it("follows a program's own fields, its creation and its deletion", async () => {
    const repo = server.ds.getRepository(Program);
    await repo.update(dir.programs.p5.id, { title: "US Graduate Residency" });
    expect(await found("graduate")).toEqual(["p5"]);
    expect(await found("match graduate")).toEqual(["p5"]);
    expect(await found("US residency through the match")).toEqual(["p5"]); // "through" and "the" are stop words
    expect(await found("residency match")).toEqual(["p4", "p5"]);
    await repo.update(dir.programs.p3.id, { description: "Bedside teaching in neonatology." });
    expect(await found("neonatology")).toEqual(["p3"]);
    await repo.update(dir.programs.p5.id, {
      institutionId: dir.institutions.alpha.id,
      pathwayId: dir.pathways.direct.id,
    });
    expect(await found("rochester")).toEqual(["p1", "p2", "p5"]);
    expect(await found("test match")).toEqual(["p4"]);
    const created = await factories(server.ds).program({ title: "Brand new dermatology elective" });
    expect(
      expectData(await server.exec(SEARCH, { search: "dermatology" })).programs.edges.map((e: any) => e.node.id),
    ).toEqual([String(created.id)]);
    await repo.delete(created.id);
    expect(await found("dermatology")).toEqual([]);
  });

  it("follows the institution, pathway and specialty names and the specialty links", async () => {
    const { alpha } = dir.institutions;
    await server.ds.getRepository(Institution).save({ ...alpha, name: "Omega Medical Center", city: "Duluth" });
    expect(await found("omega")).toEqual(["p1", "p2"]);
    expect(await found("duluth")).toEqual(["p1", "p2"]);
    expect(await found("alpha clinic")).toEqual([]);

    await server.ds.getRepository(Pathway).update(dir.pathways.match.id, { name: "National Resident Matching" });
    expect(await found("national resident matching")).toEqual(["p4", "p5"]);

    await server.ds.getRepository(Specialty).update(dir.specialties.pediatrics.id, { name: "Paediatrics" });
    expect(await found("paediatrics")).toEqual(["p3", "p4"]);

    const links = server.ds.getRepository(ProgramSpecialty);
    await links.insert({ programId: dir.programs.p5.id, specialtyId: dir.specialties.oncology.id });
    expect(await found("oncology")).toEqual(["p2", "p5", "p6"]);
    await links.delete({ programId: dir.programs.p2.id, specialtyId: dir.specialties.oncology.id });
    expect(await found("oncology")).toEqual(["p2", "p5", "p6"]); // p2's title still says Oncology
    await links.delete({ programId: dir.programs.p5.id, specialtyId: dir.specialties.oncology.id });
    expect(await found("oncology")).toEqual(["p2", "p6"]);
  });
});

(testDialect === "sqlite" ? describe : describe.skip)("SQLite table rebuilds", () => {
  it("keep the index current after a later migration rebuilds the programs table", async () => {
    const db = await createTestDatabase("sqlite");
    const ds = createDataSource(db.config);
    await ds.initialize();
    try {
      await migrate(ds);
      const f = factories(ds);
      const inst = await f.institution({ name: "Rebuild Institute" });
      const program = await f.program({ title: "Before the rebuild", institutionId: inst.id });
      // What a generated migration that adds a column does on SQLite: create, copy, drop, rename.
      const runner = ds.createQueryRunner();
      await runner.query("PRAGMA foreign_keys = OFF"); // as TypeORM runs migrations on SQLite
      await runner.addColumn("programs", new TableColumn({ name: "extraColumn", type: "varchar", isNullable: true }));
      await runner.addColumn(
        "institutions",
        new TableColumn({ name: "extraColumn", type: "varchar", isNullable: true }),
      );
      await runner.query("PRAGMA foreign_keys = ON");
      await runner.release();
      const triggersAfterRebuild: unknown[] = await ds.query(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'programs'`,
      );
      expect(triggersAfterRebuild).toEqual([]);
      await migrate(ds); // puts the triggers back and rebuilds the index
      await ds.query(`UPDATE programs SET title = 'After the rebuild' WHERE id = ?`, [program.id]);
      await ds.query(`UPDATE institutions SET name = 'Renamed Institute' WHERE id = ?`, [inst.id]);
      const hits = (q: string) => ds.query(`SELECT rowid AS id FROM programs_fts WHERE programs_fts MATCH ?`, [q]);
      expect(await hits(`"after"*`)).toEqual([{ id: program.id }]);
      expect(await hits(`"before"*`)).toEqual([]);
      expect(await hits(`"renamed"*`)).toEqual([{ id: program.id }]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
