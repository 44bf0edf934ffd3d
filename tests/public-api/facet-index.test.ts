import { ListingStatus } from "../../server/src/core/enums";
import { VersionedReadIndex } from "../../server/src/core/read-index";
import { ProgramType } from "../../server/src/modules/program/program.enums";
import { computeProgramFacets, assembleFacets } from "../../server/src/modules/program/program.facets";
import type { ProgramFilter } from "../../server/src/modules/program/program.filter-input";
import { generateSynthetic } from "../../server/src/seed/synthetic/generator";
import { expectData } from "../support/errors";
import { useTestServer } from "../support/server";

/**
 * The in-process facet index (program.facet-index.ts) against the SQL path, over a generated
 * (synthetic) directory, before and after writes that it must see: the same counts for every
 * filter, or no answer (SQL then) for filters it cannot evaluate.
 */
const server = useTestServer();

const FILTERS: (ProgramFilter | null)[] = [
  null,
  { type: [ProgramType.RESIDENCY] },
  { type: [ProgramType.FELLOWSHIP, ProgramType.RESIDENCY], country: ["US"] } as ProgramFilter,
  { audience: ["STUDENT"], region: ["on", "ny"] } as ProgramFilter,
  { requirement: ["USMLE_STEP_1"], visaSponsorship: true } as ProgramFilter,
  { specialty: ["cardiology", "pediatrics"], hasImgPositions: false } as ProgramFilter,
];

async function compareAll(): Promise<void> {
  const index = server.deps.services.programFacetIndex;
  await index.refresh();
  const built = await index.current();
  expect(built).not.toBeNull();
  for (const filter of FILTERS) {
    const counts = built!.counts(filter);
    expect(counts).not.toBeNull();
    const sql = await computeProgramFacets(server.deps.services.programs, { includeDrafts: false, filter });
    expect({ filter, facets: assembleFacets(counts!) }).toEqual({ filter, facets: sql });
  }
}

beforeAll(async () => {
  await generateSynthetic(server.ds, { institutions: 12, programs: 400, seed: 7 });
  const pathways: { slug: string }[] = await server.ds.query(`SELECT slug FROM pathways ORDER BY id LIMIT 2`);
  FILTERS.push({
    pathway: pathways.map((p) => p.slug),
    handsOnPatientCare: false,
    ids: ["1", "2", "3", "40", "41", "42", "43"],
  } as ProgramFilter);
});

describe("facet index", () => {
  it("answers every filter exactly as SQL does over a generated directory", compareAll);

  it("stays exact through writes made outside this process's requests (the directory version)", async () => {
    const before = await server.deps.services.programFacetIndex.current();
    const [{ id }] = await server.ds.query(`SELECT id FROM programs WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    await server.ds.query(`UPDATE programs SET status = '${ListingStatus.DRAFT}' WHERE id = ${Number(id)}`);
    await server.ds.query(
      `UPDATE programs SET type = 'OBSERVERSHIP' WHERE id IN (SELECT id FROM programs ORDER BY id DESC LIMIT 7)`,
    );
    await server.ds.query(
      `DELETE FROM program_requirements WHERE id IN (SELECT id FROM program_requirements ORDER BY id LIMIT 50)`,
    );
    await server.ds.query(
      `UPDATE specialties SET "archivedAt" = CURRENT_TIMESTAMP WHERE id = (SELECT MIN(id) FROM specialties)`,
    );
    // The next read sees the new directory version and waits for the index rebuilt at it.
    expect(await server.deps.services.programFacetIndex.current()).not.toBe(before);
    await compareAll();
  });

  it("leaves to SQL what it cannot evaluate, and curators' drafts", async () => {
    const built = await server.deps.services.programFacetIndex.current();
    expect(built!.counts({ verified: true } as ProgramFilter)).toBeNull();
    expect(built!.counts({ translationStale: true } as ProgramFilter)).toBeNull();
    expect(built!.counts({ institution: ["synthetic-institution-00001"] } as ProgramFilter)).toBeNull();
  });

  it("answers anonymous facet requests with one statement (the version) once current", async () => {
    await server.deps.services.programFacetIndex.refresh();
    const r = await server.exec(
      `{ programFacets(filter: { type: [RESIDENCY] }) { type { value count } requirement { value count } } }`,
    );
    expect(expectData(r).programFacets.type.length).toBeGreaterThan(0);
    expect(r.statements).toBe(1);
  });

  it("after a failed rebuild, reads at that version use SQL without starting another; a write tries again", async () => {
    let builds = 0;
    const index = new VersionedReadIndex(server.ds, "failing", async () => {
      builds++;
      if (builds === 1) throw new Error("statement timed out");
      return "built";
    });
    expect(await index.current()).toBeNull();
    const version = await index.version();
    expect(await index.at(version)).toBeNull();
    expect(await index.current()).toBeNull();
    expect(builds).toBe(1);
    await server.ds.query(`UPDATE programs SET title = title || ' ' WHERE id = (SELECT MIN(id) FROM programs)`);
    expect(await index.current()).toBe("built");
    expect(builds).toBe(2);
  });

  it("a refresh asked for during a rebuild that gives up (writes kept landing) waits for one more", async () => {
    const bump = () =>
      server.ds.query(`UPDATE programs SET title = title || ' ' WHERE id = (SELECT MIN(id) FROM programs)`);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let builds = 0;
    let lastWriteDone = false;
    const index = new VersionedReadIndex(server.ds, "raced", async () => {
      builds++;
      // A write lands during each of the running rebuild's three attempts, so it ends unbuilt.
      if (builds <= 3) await bump();
      if (builds === 3) {
        lastWriteDone = true;
        await gate;
      }
      return `build ${builds}`;
    });
    const running = index.refresh();
    while (!lastWriteDone) await new Promise((resolve) => setImmediate(resolve));
    const askedAfterTheWrites = index.refresh();
    release();
    await running;
    await askedAfterTheWrites;
    expect(builds).toBe(4);
    expect(await index.ifCurrent()).toBe("build 4");
  });
});
