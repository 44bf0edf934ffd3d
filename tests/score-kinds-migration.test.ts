/**
 * The ScoreKinds migration on a directory with curated scores: every integer minimum and range
 * is kept (as a decimal column), and each entry gets the kind its data and the public facts
 * allow (migrations/score-kind-facts.ts). Run by calling the migration's down and up, so that it
 * stays tested whatever migrations come after it.
 */
import type { DataSource } from "typeorm";
import { ScoreKinds1795970810677 as PostgresScoreKinds } from "../migrations/postgres/1795970810677-ScoreKinds";
import { ScoreKinds1795970810677 as SqliteScoreKinds } from "../migrations/sqlite/1795970810677-ScoreKinds";
import { createDataSource } from "../server/src/composition/database";
import { migrate } from "../server/src/composition/migrate";
import { seedSampleDirectory } from "../server/src/seed/seed";
import { createTestDatabase, testDialect } from "./support/db";

const dialects = Array.from(new Set(["sqlite", testDialect] as const));

/**
 * Runs the migration's down, clears the ranges (the sample was seeded without any before it),
 * runs `before` on that older schema, then the migration's up.
 */
async function rerun(ds: DataSource, before: (ds: DataSource) => Promise<void> = async () => {}): Promise<void> {
  const migration = ds.options.type === "postgres" ? new PostgresScoreKinds() : new SqliteScoreKinds();
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    await migration.down(runner);
    await runner.query(`UPDATE "requirements" SET "scoreMin" = NULL, "scoreMax" = NULL`);
    await runner.commitTransaction();
    await before(ds);
    await runner.startTransaction();
    await migration.up(runner);
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
}

type Scale = [string, string, number | null, number | null, number | null];

async function scales(ds: DataSource): Promise<Scale[]> {
  const rows: Record<string, unknown>[] = await ds.query(
    `SELECT "code", "scoreKind", "scoreMin", "scoreMax", "scoreStep" FROM "requirements" ORDER BY "code"`,
  );
  const num = (v: unknown) => (v === null ? null : Number(v));
  return rows.map((r) => [String(r.code), String(r.scoreKind), num(r.scoreMin), num(r.scoreMax), num(r.scoreStep)]);
}

async function minimums(ds: DataSource): Promise<[string, string, unknown][]> {
  const rows: Record<string, unknown>[] = await ds.query(
    `SELECT p."slug", r."code", pr."minimumScore" FROM "program_requirements" pr
      JOIN "programs" p ON p."id" = pr."programId" JOIN "requirements" r ON r."id" = pr."requirementId"
      WHERE pr."minimumScore" IS NOT NULL ORDER BY p."slug", r."code"`,
  );
  return rows.map((r) => [String(r.slug), String(r.code), r.minimumScore]);
}

/** A link's minimum set as an older directory could hold it (any integer on any requirement). */
async function setMinimum(ds: DataSource, slug: string, code: string, minimum: number): Promise<void> {
  const p = ds.options.type === "postgres" ? ["$1", "$2", "$3"] : ["?", "?", "?"];
  await ds.query(
    `UPDATE "program_requirements" SET "minimumScore" = ${p[0]}
      WHERE "programId" = (SELECT "id" FROM "programs" WHERE "slug" = ${p[1]})
        AND "requirementId" = (SELECT "id" FROM "requirements" WHERE "code" = ${p[2]})`,
    [minimum, slug, code],
  );
}

const MATCH = "us-residency-through-the-match";
const FELLOWSHIP = "cleveland-clinic-fellowships-for-imgs";

describe.each(dialects)("the ScoreKinds migration on %s", (dialect) => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const db = await createTestDatabase(dialect);
    drop = db.drop;
    ds = createDataSource(db.config);
    await ds.initialize();
    await migrate(ds);
    await seedSampleDirectory(ds);
  });
  afterEach(async () => {
    await ds.destroy();
    await drop();
  });

  it("gives the sample catalogue its public-fact kinds, as the seed does", async () => {
    const seeded = await scales(ds);
    await rerun(ds);
    expect(await scales(ds)).toEqual(seeded);
    expect(seeded).toEqual([
      ["COMPLETED_RESIDENCY", "NONE", null, null, null],
      ["ECFMG_CERTIFICATION", "NONE", null, null, null],
      ["ENROLLED_MEDICAL_STUDENT", "NONE", null, null, null],
      ["HOME_MEDICAL_LICENSE", "NONE", null, null, null],
      ["MCCQE_PART_1", "SCORED", null, null, null],
      ["NAC_EXAM", "SCORED", null, null, null],
      ["USMLE_STEP_1", "PASS_FAIL", null, null, null],
      ["USMLE_STEP_2_CK", "SCORED", 1, 300, 1],
      ["USMLE_STEP_3", "SCORED", 1, 300, 1],
    ]);
  });

  it("keeps every integer minimum and range, and never makes a stored minimum invalid", async () => {
    await rerun(ds, async (old) => {
      await setMinimum(old, MATCH, "USMLE_STEP_2_CK", 230);
      await setMinimum(old, MATCH, "USMLE_STEP_1", 220); // scored before 2022
      await setMinimum(old, MATCH, "ECFMG_CERTIFICATION", 300); // the kind of data the issue names
      await setMinimum(old, FELLOWSHIP, "USMLE_STEP_2_CK", 245);
      await old.query(`UPDATE "requirements" SET "scoreMin" = 0, "scoreMax" = 120 WHERE "code" = 'NAC_EXAM'`);
    });
    expect((await minimums(ds)).map(([slug, code, v]) => [slug, code, Number(v)])).toEqual([
      [FELLOWSHIP, "USMLE_STEP_2_CK", 245],
      [MATCH, "ECFMG_CERTIFICATION", 300],
      [MATCH, "USMLE_STEP_1", 220],
      [MATCH, "USMLE_STEP_2_CK", 230],
    ]);
    expect(await scales(ds)).toEqual([
      ["COMPLETED_RESIDENCY", "NONE", null, null, null],
      // A minimum is stored on it: SCORED with no range, for a curator to clear, then set NONE.
      ["ECFMG_CERTIFICATION", "SCORED", null, null, null],
      ["ENROLLED_MEDICAL_STUDENT", "NONE", null, null, null],
      ["HOME_MEDICAL_LICENSE", "NONE", null, null, null],
      ["MCCQE_PART_1", "SCORED", null, null, null],
      ["NAC_EXAM", "SCORED", 0, 120, null],
      // Programs still ask for a Step 1 score: it keeps its scale of before 2022.
      ["USMLE_STEP_1", "SCORED", 1, 300, 1],
      ["USMLE_STEP_2_CK", "SCORED", 1, 300, 1],
      ["USMLE_STEP_3", "SCORED", 1, 300, 1],
    ]);
  });

  it("leaves a USMLE range a curator recorded, and no 1–300 range where a minimum lies outside it", async () => {
    await rerun(ds, async (old) => {
      await old.query(`UPDATE "requirements" SET "scoreMin" = 0, "scoreMax" = 280 WHERE "code" = 'USMLE_STEP_3'`);
      await setMinimum(old, MATCH, "USMLE_STEP_2_CK", 400);
    });
    const byCode = Object.fromEntries((await scales(ds)).map(([code, ...rest]) => [code, rest]));
    expect(byCode.USMLE_STEP_3).toEqual(["SCORED", 0, 280, 1]);
    expect(byCode.USMLE_STEP_2_CK).toEqual(["SCORED", null, null, 1]);
  });
});
