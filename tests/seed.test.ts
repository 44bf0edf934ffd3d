import { Institution } from "../server/src/modules/institution/institution.entity";
import { Program } from "../server/src/modules/program/program.entity";
import { Requirement } from "../server/src/modules/requirement/requirement.entity";
import { isDirectoryEmpty, seedSampleDirectory } from "../server/src/seed/seed";
import { expectData } from "./support/errors";
import { useTestServer } from "./support/server";

const server = useTestServer({ reset: true });

const REQUIRED_CODES = [
  "USMLE_STEP_1",
  "USMLE_STEP_2_CK",
  "USMLE_STEP_3",
  "ECFMG_CERTIFICATION",
  "MCCQE_PART_1",
  "NAC_EXAM",
  "COMPLETED_RESIDENCY",
  "HOME_MEDICAL_LICENSE",
  "ENROLLED_MEDICAL_STUDENT",
];

describe("the sample directory", () => {
  it("loads the article's institutions, programs, catalogue and pathways, visible to anonymous readers", async () => {
    expect(await isDirectoryEmpty(server.ds)).toBe(true);
    const { created } = await seedSampleDirectory(server.ds);
    expect(created).toEqual({ institutions: 7, programs: 19, requirements: 9, pathways: 5, specialties: 6 });
    expect(await isDirectoryEmpty(server.ds)).toBe(false);

    const data = expectData(
      await server.exec(`{
        institutions(first: 100) { totalCount edges { node { slug country region city } } }
        programs(first: 100) { totalCount edges { node { type institution { slug } } } }
        requirements(first: 100) { edges { node { code } } }
        pathways(first: 100) { edges { node { slug requirements { requirement { code } } } } }
      }`),
    );
    expect(data.institutions.totalCount).toBe(7);
    expect(data.institutions.edges.map((e: any) => e.node.slug).sort()).toEqual([
      "cleveland-clinic",
      "harvard-medical-school",
      "johns-hopkins-university",
      "mayo-clinic",
      "mcgill-university",
      "university-of-british-columbia",
      "university-of-toronto",
    ]);
    const types = new Set(data.programs.edges.map((e: any) => e.node.type));
    expect(types).toEqual(new Set(["RESIDENCY", "FELLOWSHIP", "CLINICAL_ELECTIVE", "OBSERVERSHIP"]));
    expect(data.requirements.edges.map((e: any) => e.node.code).sort()).toEqual([...REQUIRED_CODES].sort());
    const nrmp = data.pathways.edges.find((e: any) => e.node.slug === "nrmp").node;
    expect(nrmp.requirements.map((r: any) => r.requirement.code).sort()).toEqual([
      "ECFMG_CERTIFICATION",
      "USMLE_STEP_1",
      "USMLE_STEP_2_CK",
    ]);
  });

  it("names its source, starts unverified and invents no deadlines, fees, scores or positions", async () => {
    await seedSampleDirectory(server.ds);
    const programs = await server.ds.getRepository(Program).find();
    for (const p of programs) {
      expect(p.status).toBe("PUBLISHED");
      expect(p.sourceNote).toMatch(/PracticeLink article/);
      expect(p.lastVerifiedAt).toBeNull();
      expect(p.verifiedById).toBeNull();
      expect([
        p.positions,
        p.imgPositions,
        p.applicationFeeCents,
        p.feeCurrency,
        p.applicationOpensOn,
        p.applicationClosesOn,
        p.durationMonths,
        p.visaSponsorship,
      ]).toEqual([null, null, null, null, null, null, null, null]);
    }
    const scores: unknown[] = await server.ds.query(
      `SELECT 1 FROM program_requirements WHERE "minimumScore" IS NOT NULL`,
    );
    expect(scores).toHaveLength(0);
  });

  it("links requirements with the article's certainty (Step 3 'some programs': COMMONLY_REQUIRED)", async () => {
    await seedSampleDirectory(server.ds);
    const data = expectData(
      await server.exec(`{ program(slug: "us-residency-through-the-match") {
        pathway { slug } specialties { slug } requirements { level note requirement { code } } } }`),
    );
    const reqs = Object.fromEntries(data.program.requirements.map((r: any) => [r.requirement.code, r]));
    expect(reqs.USMLE_STEP_3.level).toBe("COMMONLY_REQUIRED");
    expect(reqs.USMLE_STEP_3.note).toMatch(/some residency programs requiring Step 3/);
    expect(reqs.USMLE_STEP_1.level).toBe("REQUIRED");
    expect(reqs.ECFMG_CERTIFICATION.level).toBe("REQUIRED");
    expect(data.program.pathway.slug).toBe("nrmp");
    // "IMGs often succeed in specialties such as…": examples, quoted in the note, not tags.
    expect(data.program.specialties).toEqual([]);
  });

  it("is no more certain than its article: no home page as source, a note for every record, all unverified", async () => {
    await seedSampleDirectory(server.ds);
    const counts: Record<string, number> = {};
    for (const table of ["programs", "institutions", "pathways", "requirements"]) {
      const rows: {
        sourceUrl: string | null;
        sourceNote: string | null;
        lastVerifiedAt: unknown;
        verifiedById: unknown;
      }[] = await server.ds.query(`SELECT "sourceUrl", "sourceNote", "lastVerifiedAt", "verifiedById" FROM "${table}"`);
      counts[table] = rows.length;
      for (const r of rows) {
        // A home page does not hold the article's facts: no sourceUrl rather than one that claims them.
        expect(r.sourceUrl).toBeNull();
        expect(r.sourceNote).toMatch(/^The PracticeLink article .* says: /);
        expect(r.sourceNote).toMatch(/Not yet verified/);
        expect([r.lastVerifiedAt, r.verifiedById]).toEqual([null, null]);
      }
    }
    expect(counts).toEqual({ programs: 19, institutions: 7, pathways: 5, requirements: 9 });

    // Plain public facts beyond the article are said to be so.
    const notes = expectData(
      await server.exec(`{ requirements(first: 20) { edges { node { code sourceNote } } } }`),
    ).requirements.edges.map((e: any) => e.node);
    const note = (code: string) => notes.find((n: any) => n.code === code).sourceNote as string;
    expect(note("USMLE_STEP_2_CK")).toMatch(/Step 2 CS ended in 2021 \(a plain public fact, not from the article\)/);
    expect(note("MCCQE_PART_1")).toMatch(/Part II ended in 2021 \(a plain public fact, not from the article\)/);
    expect(note("ENROLLED_MEDICAL_STUDENT")).toMatch(/never says that only enrolled students may apply/);

    // Specialties are tagged only where the article states them: example lists are not tags.
    const tagged = expectData(
      await server.exec(`{ programs(first: 100) { edges { node { slug type specialties { slug } } } } }`),
    ).programs.edges.map((e: any) => [e.node.slug, e.node.specialties.map((s: any) => s.slug)]);
    expect(tagged.filter(([, tags]: [string, string[]]) => tags.length)).toEqual([
      ["ontario-img-residency-program", ["family-medicine"]],
    ]);
    const ontario = await server.ds.getRepository(Program).findOneByOrFail({ slug: "ontario-img-residency-program" });
    expect(ontario.sourceNote).toContain("both family medicine and other specialties");
  });

  it("is idempotent and leaves curator edits alone", async () => {
    await seedSampleDirectory(server.ds);
    await server.ds.getRepository(Institution).update({ slug: "mayo-clinic" }, { city: "Edited by a curator" });
    const again = await seedSampleDirectory(server.ds);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(await server.ds.getRepository(Program).count()).toBe(19);
    expect(await server.ds.getRepository(Requirement).count()).toBe(9);
    expect((await server.ds.getRepository(Institution).findOneByOrFail({ slug: "mayo-clinic" })).city).toBe(
      "Edited by a curator",
    );
  });
});

describe("a seed that fails part-way", () => {
  it("leaves the database as it was", async () => {
    const sample = await import("../server/src/seed/sample-programs");
    const broken = { ...sample.programs[0], slug: "broken-listing", institution: "no-such-institution" };
    sample.programs.push(broken);
    try {
      await expect(seedSampleDirectory(server.ds)).rejects.toThrow();
    } finally {
      sample.programs.pop();
    }
    for (const table of [
      "institutions",
      "programs",
      "requirements",
      "pathways",
      "specialties",
      "program_requirements",
    ]) {
      const [row] = await server.ds.query(`SELECT COUNT(*) AS n FROM "${table}"`);
      expect(Number(row.n)).toBe(0);
    }
    expect((await seedSampleDirectory(server.ds)).created.programs).toBe(19);
  });
});
