import type { DataSource } from "typeorm";
import { runCli } from "../server/src/cli";
import { generateSynthetic, hasSyntheticData, SyntheticDataRefusal } from "../server/src/seed/synthetic/generator";
import { Prng } from "../server/src/seed/synthetic/prng";
import { seedSampleDirectory } from "../server/src/seed/seed";
import { createTestDatabase, openMigrated, type TestDatabase } from "./support/db";

const DESIGN_CODES = [
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

/** Everything a seed determines, keyed by slugs and codes (database ids may differ). */
async function dump(ds: DataSource) {
  const programs = await ds.query(
    `SELECT p.slug, p.title, p.description, p.type, p.audience, p.status, p.country, p.region, p."durationMonths", p."lastVerifiedAt",
            i.slug AS institution, pw.slug AS pathway
     FROM programs p LEFT JOIN institutions i ON i.id = p."institutionId" LEFT JOIN pathways pw ON pw.id = p."pathwayId" ORDER BY p.slug`,
  );
  const links = await ds.query(
    `SELECT p.slug, r.code, pr.level, pr."minimumScore" FROM program_requirements pr JOIN programs p ON p.id = pr."programId"
     JOIN requirements r ON r.id = pr."requirementId" ORDER BY p.slug, r.code`,
  );
  const specialties = await ds.query(
    `SELECT p.slug, s.slug AS specialty FROM program_specialties ps JOIN programs p ON p.id = ps."programId"
     JOIN specialties s ON s.id = ps."specialtyId" ORDER BY p.slug, s.slug`,
  );
  const institutions = await ds.query(`SELECT slug, name, kind, country, region, city FROM institutions ORDER BY slug`);
  return JSON.parse(JSON.stringify({ programs, links, specialties, institutions }));
}

async function withFresh<T>(fn: (ds: DataSource, db: TestDatabase) => Promise<T>): Promise<T> {
  const db = await createTestDatabase();
  const ds = await openMigrated(db);
  try {
    return await fn(ds, db);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

describe("the PRNG", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    const c = new Prng(8);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
    expect(new Set(new Prng(1).sample([1, 2, 3, 4, 5], 5)).size).toBe(5);
  });
});

describe("generate", () => {
  it("writes the counts asked for, clearly synthetic, with 3–8 requirements per program from the catalogue", async () => {
    await withFresh(async (ds) => {
      const report = await generateSynthetic(ds, { institutions: 6, programs: 240, seed: 3 });
      expect(report).toMatchObject({ institutions: 6, programs: 240, seed: 3 });
      const [counts] = await ds.query(
        `SELECT (SELECT COUNT(*) FROM programs) AS p, (SELECT COUNT(*) FROM institutions) AS i`,
      );
      expect([Number(counts.p), Number(counts.i)]).toEqual([240, 6]);
      const perProgram: { n: string | number }[] = await ds.query(
        `SELECT COUNT(pr.id) AS n FROM programs p LEFT JOIN program_requirements pr ON pr."programId" = p.id GROUP BY p.id`,
      );
      expect(perProgram).toHaveLength(240);
      expect(perProgram.every((r) => Number(r.n) >= 3 && Number(r.n) <= 8)).toBe(true);
      expect(report.programRequirements).toBe(perProgram.reduce((a, r) => a + Number(r.n), 0));
      const withoutSpecialty = await ds.query(
        `SELECT id FROM programs p WHERE NOT EXISTS (SELECT 1 FROM program_specialties ps WHERE ps."programId" = p.id)`,
      );
      expect(withoutSpecialty).toHaveLength(0);

      const institutions: { name: string; slug: string; region: string; country: string }[] = await ds.query(
        `SELECT name, slug, region, country FROM institutions`,
      );
      for (const i of institutions) {
        expect(i.name).toMatch(/^Synthetic Institution \d{5}$/);
        expect(i.slug).toMatch(/^synthetic-institution-\d{5}$/);
        expect(i.region).toMatch(/^[A-Z]{2}$/);
      }
      const programs: { title: string; slug: string; sourceNote: string }[] = await ds.query(
        `SELECT title, slug, "sourceNote" FROM programs`,
      );
      expect(
        programs.every(
          (p) =>
            p.title.startsWith("Synthetic ") &&
            p.slug.startsWith("synthetic-program-") &&
            /Synthetic/.test(p.sourceNote),
        ),
      ).toBe(true);
      const types: { type: string }[] = await ds.query(`SELECT DISTINCT type FROM programs`);
      expect(types.map((t) => t.type).sort()).toEqual(["CLINICAL_ELECTIVE", "FELLOWSHIP", "OBSERVERSHIP", "RESIDENCY"]);
      const codes: { code: string }[] = await ds.query(`SELECT code FROM requirements`);
      expect(codes.map((c) => c.code)).toEqual(expect.arrayContaining(DESIGN_CODES));
      // Sequences continue after the explicit ids: the next insert gets a fresh id.
      const ins = await ds.query(
        `INSERT INTO institutions (slug, name, kind, country, region, city, version) VALUES ('synthetic-extra', 'Synthetic Extra', 'OTHER', 'US', 'NY', 'X', 1) RETURNING id`,
      );
      expect(Number(ins[0].id)).toBe(7);
    });
  });

  it("is deterministic for a seed and differs for another seed", async () => {
    const a = await withFresh(
      async (ds) => (await generateSynthetic(ds, { institutions: 5, programs: 120, seed: 11 }), dump(ds)),
    );
    const b = await withFresh(
      async (ds) => (await generateSynthetic(ds, { institutions: 5, programs: 120, seed: 11 }), dump(ds)),
    );
    const c = await withFresh(
      async (ds) => (await generateSynthetic(ds, { institutions: 5, programs: 120, seed: 12 }), dump(ds)),
    );
    expect(a.programs).toHaveLength(120);
    expect(b).toEqual(a);
    expect(c.programs).not.toEqual(a.programs);
  });

  it("refuses a database holding the sample directory, and the sample directory refuses synthetic data", async () => {
    await withFresh(async (ds, db) => {
      await seedSampleDirectory(ds);
      await expect(generateSynthetic(ds, { institutions: 2, programs: 10 })).rejects.toThrow(SyntheticDataRefusal);
      await expect(generateSynthetic(ds, { institutions: 2, programs: 10 })).rejects.toThrow(/never mixed/);
      expect(await hasSyntheticData(ds)).toBe(false);
      const previous = process.env.DATABASE_URL;
      const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
      try {
        process.env.DATABASE_URL = db.config.kind === "sqlite" ? `sqlite:${db.config.path}` : db.config.url;
        expect(await runCli(["generate", "--institutions", "2", "--programs", "10"])).toBe(1);
        expect(errors.mock.calls.flat().join(" ")).toMatch(/generate refused: the database holds 19 real program/);
      } finally {
        process.env.DATABASE_URL = previous;
        errors.mockRestore();
      }
    });
    await withFresh(async (ds, db) => {
      await generateSynthetic(ds, { institutions: 2, programs: 10 });
      await expect(generateSynthetic(ds, { institutions: 2, programs: 10 })).rejects.toThrow(
        /already holds synthetic data/,
      );
      const previous = process.env.DATABASE_URL;
      const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
      try {
        process.env.DATABASE_URL = db.config.kind === "sqlite" ? `sqlite:${db.config.path}` : db.config.url;
        expect(await runCli(["seed"])).toBe(1);
        expect(errors.mock.calls.flat().join(" ")).toMatch(/seed refused: the database holds synthetic benchmark data/);
        const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
        expect(await runCli(["generate", "--institutions", "x", "--programs", "1"])).toBe(1);
        stderr.mockRestore();
      } finally {
        process.env.DATABASE_URL = previous;
        errors.mockRestore();
      }
      const [row] = await ds.query(`SELECT COUNT(*) AS n FROM programs`);
      expect(Number(row.n)).toBe(10);
    });
  });
});
