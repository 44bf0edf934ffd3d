import { createDataSource } from "../../server/src/composition/database";
import type { CandidateProfile, EligibilityArgs } from "../../server/src/modules/eligibility/eligibility.args";
import { IndexedPublished } from "../../server/src/modules/eligibility/eligibility.index";
import { resolveProfile } from "../../server/src/modules/eligibility/eligibility.profile";
import { decidePrepared, KEY_RANK, VERDICT_RANK, weigh } from "../../server/src/modules/eligibility/eligibility.rules";
import { EligibilityService } from "../../server/src/modules/eligibility/eligibility.service";
import { NOT_WEIGHED } from "../../server/src/modules/eligibility/eligibility.table";
import { DatabaseRecordSource } from "../../server/src/modules/eligibility/eligibility.source";
import { CuratorRole } from "../../server/src/modules/curator/curator.entity";
import type { ProgramFilter } from "../../server/src/modules/program/program.filter-input";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

/**
 * Anonymous eligibility from the in-process index (eligibility.index.ts) against the SQL path
 * (the database source alone), over a generated directory with listing rules set, before and after
 * writes it must see: the same verdicts, reasons, order, counts, cursors and pages 1 to 3.
 */
const server = useTestServer();

const PROFILES: Record<string, unknown>[] = [
  {
    stage: "GRADUATE",
    holds: ["USMLE_STEP_1", "USMLE_STEP_2_CK", "ECFMG_CERTIFICATION", "SYNTHETIC_ENGLISH_PROFICIENCY"],
    needsVisa: true,
  },
  { stage: "STUDENT", holds: [] },
  {
    stage: "GRADUATE",
    holds: ["USMLE_STEP_1"],
    graduationYear: 2015,
    visaNeeded: "J1",
    citizenships: ["IN"],
    clinicalExperienceMonths: 10,
    clinicalExperienceByCountry: [{ country: "US", months: 4 }],
  },
];

const FILTERS: (ProgramFilter | null)[] = [
  null,
  { country: ["US"] } as ProgramFilter,
  { type: ["RESIDENCY", "FELLOWSHIP"], requirement: ["USMLE_STEP_1"] } as ProgramFilter,
  { audience: ["GRADUATE"], hasImgPositions: true } as ProgramFilter,
];

let sqlOnly: EligibilityService;
let scored: { code: string; score: number }[];
/** A graduate who holds every catalogue entry and says every fact: ELIGIBLE wherever the listing states its rules. */
let holdsEverything: Record<string, unknown>;

interface Answer {
  edges: unknown;
  pageInfo: unknown;
  totalCount: number;
  verdictCounts: unknown;
}

/** Pages 1 to 3 (25 a page) of one profile and filter. */
async function pages(
  service: EligibilityService,
  profile: Record<string, unknown>,
  filter: ProgramFilter | null,
  verdicts: string[] | null = null,
): Promise<Answer[]> {
  const out: Answer[] = [];
  let after: string | null = null;
  for (let i = 0; i < 3; i++) {
    const args = { first: 25, after, filter, verdicts } as unknown as EligibilityArgs;
    const r = await service.check(profile as unknown as CandidateProfile, args, false);
    out.push({ edges: r.edges, pageInfo: r.pageInfo, totalCount: r.totalCount, verdictCounts: r.verdictCounts });
    if (!r.pageInfo.hasNextPage) break;
    after = r.pageInfo.endCursor;
  }
  return out;
}

async function compareAll(): Promise<void> {
  const { eligibility, eligibilityIndex, programFacetIndex } = server.deps.services;
  const published = new IndexedPublished(eligibilityIndex, programFacetIndex);
  const profiles = [...PROFILES, { stage: "GRADUATE", holds: [], scores: scored }, holdsEverything];
  const seen = { eligible: 0, unknown: 0, ineligible: 0, third: 0 };
  for (const filter of FILTERS) {
    // The index answers every one of these filters: the comparison below is index against SQL.
    expect(await published.select(filter)).not.toBeNull();
    for (const profile of profiles) {
      const indexed = await pages(eligibility, profile, filter);
      expect({ filter, profile, indexed }).toEqual({ filter, profile, indexed: await pages(sqlOnly, profile, filter) });
      const counts = indexed[0].verdictCounts as Record<keyof typeof seen, number>;
      for (const k of ["eligible", "unknown", "ineligible"] as const) seen[k] += counts[k];
      if (indexed.length === 3) seen.third++;
    }
  }
  const only = await pages(eligibility, PROFILES[2], null, ["UNKNOWN", "INELIGIBLE"]);
  expect(only).toEqual(await pages(sqlOnly, PROFILES[2], null, ["UNKNOWN", "INELIGIBLE"]));
  // Every verdict and third pages were compared: a comparison of empty answers proves nothing.
  expect(Math.min(seen.eligible, seen.unknown, seen.ineligible, seen.third)).toBeGreaterThan(0);
}

beforeAll(async () => {
  await generateSynthetic(server.ds, { institutions: 12, programs: 400, seed: 11 });
  // Listing rules on some programs and pathways, so that every rule decides something. A third state
  // rules that exclude no one: a listing that leaves a rule unsaid is never ELIGIBLE.
  await server.ds.query(
    `UPDATE programs SET "citizenshipRequired" = 'NONE', "minimumClinicalExperienceMonths" = 0,
       "visaTypesSponsored" = '["J1","H1B","CA_WORK_PERMIT","OTHER"]', "visaSponsorship" = TRUE,
       "graduatesOfAnyYear" = (id % 7 <> 0) WHERE id % 3 = 0`,
  );
  await server.ds.query(`UPDATE programs SET "maxYearsSinceGraduation" = 5 WHERE id % 7 = 0`);
  await server.ds.query(
    `UPDATE programs SET "citizenshipRequired" = 'CITIZEN_OR_PERMANENT_RESIDENT' WHERE id % 11 = 0`,
  );
  await server.ds.query(
    `UPDATE programs SET "minimumClinicalExperienceMonths" = 6, "clinicalExperienceInCountry" = (id % 2 = 0) WHERE id % 5 = 0`,
  );
  await server.ds.query(`UPDATE pathways SET "maxYearsSinceGraduation" = 3 WHERE id % 2 = 0`);
  const { services } = server.deps;
  sqlOnly = new EligibilityService(
    new DatabaseRecordSource(services.programs, services.pathways, services.requirements),
  );
  scored = (
    await server.ds.query(`SELECT code, "scoreMax" AS max FROM requirements WHERE "scoreMax" IS NOT NULL ORDER BY code`)
  ).map((r: { code: string; max: number }) => ({ code: r.code, score: Number(r.max) }));
  expect(scored.length).toBeGreaterThan(0);
  const codes = (await server.ds.query(`SELECT code FROM requirements ORDER BY code`)).map(
    (r: { code: string }) => r.code,
  );
  holdsEverything = {
    stage: "GRADUATE",
    holds: codes,
    scores: scored,
    visaNeeded: "NONE",
    citizenships: ["US"],
    graduationYear: 2025,
    clinicalExperienceMonths: 60,
  };
});

describe("eligibility index", () => {
  it(
    "answers as SQL does over a generated directory (verdicts, reasons, order, counts, cursors, pages 1-3)",
    compareAll,
  );

  it("weighs every program as its full decision ranks it (what sorting and counting use)", async () => {
    const index = await server.deps.services.eligibilityIndex.current();
    const profiles = [...PROFILES, { stage: "GRADUATE", holds: [], scores: scored }];
    let decided = 0;
    for (const profile of profiles) {
      const resolved = resolveProfile(profile as unknown as CandidateProfile, index!.catalogue, 2026);
      // Shared across the programs, as a request shares it: programs with the same rules share their counts.
      const listing = new Map();
      for (const program of index!.programs) {
        const d = decidePrepared(program, resolved);
        expect({ id: program.id, key: weigh(program, resolved, listing) }).toEqual({
          id: program.id,
          key: VERDICT_RANK[d.verdict] * KEY_RANK + d.weight,
        });
        decided++;
      }
    }
    expect(decided).toBeGreaterThan(1000);
    // The rules set above leave many programs with the same sources, and some with others.
    const distinct = new Set(index!.programs.map((p) => p.sources)).size;
    expect(distinct).toBeGreaterThan(1);
    expect(distinct).toBeLessThan(index!.programs.length / 2);
  });

  it("weighs a whole table as `weigh` weighs each program, members only", async () => {
    const index = await server.deps.services.eligibilityIndex.current();
    const members = await server.deps.services.programFacetIndex.current();
    const usOnly = members!.matching({ country: ["US"] } as ProgramFilter)!;
    const profiles = [...PROFILES, { stage: "GRADUATE", holds: [], scores: scored }, holdsEverything];
    let weighed = 0;
    for (const profile of profiles) {
      const resolved = resolveProfile(profile as unknown as CandidateProfile, index!.catalogue, 2026);
      const all = index!.table.weighAll(resolved, null);
      const some = index!.table.weighAll(resolved, usOnly);
      index!.programs.forEach((program, i) => {
        const key = weigh(program, resolved);
        expect({ id: program.id, all: all[i], some: some[i] }).toEqual({
          id: program.id,
          all: key,
          some: usOnly.has(program.id) ? key : NOT_WEIGHED,
        });
        weighed++;
      });
    }
    expect(weighed).toBeGreaterThan(1000);
  });

  it("stays exact through a curation write and another connection's writes", async () => {
    const before = await server.deps.services.eligibilityIndex.current();
    // Through the API: a title moves a program to the front of the title order.
    const editor = await factories(server.ds).curator({ role: CuratorRole.EDITOR });
    const [p] = await server.ds.query(
      `SELECT id, version FROM programs WHERE status = 'PUBLISHED' ORDER BY title DESC, id LIMIT 1`,
    );
    expectData(
      await server.exec(
        `mutation($id: ID!, $version: Int!) { updateProgram(id: $id, version: $version, input: { title: "Aaa first program", maxYearsSinceGraduation: 1, graduatesOfAnyYear: null }) { id } }`,
        { id: String(p.id), version: Number(p.version) },
        editor,
      ),
    );
    // Another connection (another instance, the CLI): drafts, links, the catalogue, rules.
    const other = createDataSource(server.config.database);
    await other.initialize();
    try {
      await other.query(
        `UPDATE programs SET status = 'DRAFT' WHERE id IN (SELECT id FROM programs ORDER BY id LIMIT 3)`,
      );
      await other.query(
        `UPDATE programs SET status = 'PUBLISHED' WHERE id IN (SELECT id FROM programs ORDER BY id DESC LIMIT 9)`,
      );
      await other.query(
        `DELETE FROM pathway_requirements WHERE id IN (SELECT id FROM pathway_requirements ORDER BY id LIMIT 3)`,
      );
      await other.query(`UPDATE program_requirements SET level = 'REQUIRED' WHERE id % 4 = 0`);
      await other.query(`UPDATE requirements SET name = 'Renamed step one' WHERE code = 'USMLE_STEP_1'`);
      await other.query(`UPDATE programs SET "citizenshipRequired" = 'CITIZEN' WHERE id % 13 = 0`);
    } finally {
      await other.destroy();
    }
    // The next read sees the new directory version and waits for the index rebuilt at it.
    expect(await server.deps.services.eligibilityIndex.current()).not.toBe(before);
    await compareAll();
  });

  it("answers anonymous readers with two statements once current (the version, the page's programs)", async () => {
    const query = `query($profile: CandidateProfile!) { eligibility(profile: $profile, filter: { country: [US] }, first: 20) {
      totalCount edges { node { verdict verdictReasons { message requirement { code } } program { id title } } } } }`;
    await server.exec(query, { profile: PROFILES[0] });
    const anonymous = await server.exec(query, { profile: PROFILES[0] });
    expect(expectData(anonymous).eligibility.edges).toHaveLength(20);
    expect(anonymous.statements).toBe(2);
    // A curator's answer includes drafts: the SQL path, whose statements stay fixed too.
    const curator = await factories(server.ds).curator({ role: CuratorRole.VIEWER });
    const withDrafts = await server.exec(query, { profile: PROFILES[0] }, curator);
    expect(expectData(withDrafts).eligibility.totalCount).toBeGreaterThan(expectData(anonymous).eligibility.totalCount);
    expect(withDrafts.statements).toBeGreaterThan(2);
  });

  it("leaves to SQL the filters the facet index cannot evaluate", async () => {
    const { eligibilityIndex, programFacetIndex } = server.deps.services;
    const published = new IndexedPublished(eligibilityIndex, programFacetIndex);
    expect(await published.select({ verified: true } as ProgramFilter)).toBeNull();
    expect(await published.select({ translationStale: true } as ProgramFilter)).toBeNull();
    const filter = { institution: ["synthetic-institution-00001"] } as ProgramFilter;
    expect(await published.select(filter)).toBeNull();
    expect(await pages(server.deps.services.eligibility, PROFILES[0], filter)).toEqual(
      await pages(sqlOnly, PROFILES[0], filter),
    );
  });
});
