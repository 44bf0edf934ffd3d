import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import type { Program } from "../../server/src/modules/program/program.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

// Archived catalogue entries (and institutions) a published program still links to: anonymous
// readers see none of them, on every path that reaches them; curators see them, marked archived.

const server = useTestServer();
let viewer: Curator;
let linked: Program;
const ARCHIVED = new Date("2024-01-01T00:00:00.000Z");

beforeAll(async () => {
  const f = factories(server.ds);
  viewer = await f.curator({ role: CuratorRole.VIEWER });
  const [liveSpecialty, oldSpecialty] = [
    await f.specialty({ slug: "live-specialty" }),
    await f.specialty({ slug: "old-specialty", archivedAt: ARCHIVED }),
  ];
  const [liveExam, oldExam] = [
    await f.requirement({ code: "LIVE_EXAM" }),
    await f.requirement({ code: "OLD_EXAM", archivedAt: ARCHIVED }),
  ];
  const oldPathway = await f.pathway({ slug: "old-pathway", archivedAt: ARCHIVED });
  const livePathway = await f.pathway({ slug: "live-pathway" }, [{ requirement: liveExam }, { requirement: oldExam }]);
  const oldInstitution = await f.institution({ slug: "old-institution", archivedAt: ARCHIVED });
  linked = await f.program(
    { slug: "linked", institutionId: oldInstitution.id, pathwayId: oldPathway.id },
    { specialties: [liveSpecialty, oldSpecialty], requirements: [{ requirement: liveExam }, { requirement: oldExam }] },
  );
  await f.program({ slug: "via-pathway", pathwayId: livePathway.id });
});

const ONE = `query($slug: String!) { program(slug: $slug) {
  institution { slug archivedAt } pathway { slug archivedAt } specialties { slug archivedAt } requirements { requirement { code archivedAt } }
} }`;
// Column-pruned reads: no archivedAt or slug asked for, the filter must still hold.
const PRUNED = `{ programs(first: 10) { edges { node { slug institution { name } specialties { name } requirements { level } pathway { name } } } } }`;
const PATHWAY_LINKS = `{ program(slug: "via-pathway") { pathway { slug requirements { requirement { code } } } } }`;
const FACETS = `{ programFacets { specialty { value } pathway { value } requirement { value } } }`;

const values = (list: { value: string }[]) => list.map((v) => v.value).sort();

describe("archived entries linked from published programs", () => {
  it("are hidden from anonymous readers of one program", async () => {
    const p = expectData(await server.exec(ONE, { slug: "linked" })).program;
    expect(p).toEqual({
      institution: null,
      pathway: null,
      specialties: [{ slug: "live-specialty", archivedAt: null }],
      requirements: [{ requirement: { code: "LIVE_EXAM", archivedAt: null } }],
    });
  });

  it("are hidden on column-pruned pages and inside a live pathway", async () => {
    const nodes = expectData(await server.exec(PRUNED)).programs.edges.map((e: any) => e.node);
    const node = nodes.find((n: any) => n.slug === linked.slug);
    expect(node).toMatchObject({
      institution: null,
      pathway: null,
      specialties: [{ name: expect.any(String) }],
      requirements: [{ level: "REQUIRED" }],
    });
    const pathway = expectData(await server.exec(PATHWAY_LINKS)).program.pathway;
    expect(pathway).toEqual({ slug: "live-pathway", requirements: [{ requirement: { code: "LIVE_EXAM" } }] });
  });

  it("are not offered to anonymous readers as facets", async () => {
    const facets = expectData(await server.exec(FACETS)).programFacets;
    expect(values(facets.specialty)).toEqual(["live-specialty"]);
    expect(values(facets.pathway)).toEqual(["live-pathway"]);
    expect(values(facets.requirement)).toEqual(["LIVE_EXAM"]);
  });

  it("stay visible to curators, marked archived", async () => {
    const p = expectData(await server.exec(ONE, { slug: "linked" }, viewer)).program;
    expect(p.institution).toEqual({ slug: "old-institution", archivedAt: ARCHIVED.toISOString() });
    expect(p.pathway).toEqual({ slug: "old-pathway", archivedAt: ARCHIVED.toISOString() });
    expect(p.specialties.map((s: any) => s.slug).sort()).toEqual(["live-specialty", "old-specialty"]);
    expect(p.requirements.map((r: any) => [r.requirement.code, r.requirement.archivedAt])).toEqual([
      ["LIVE_EXAM", null],
      ["OLD_EXAM", ARCHIVED.toISOString()],
    ]);
    const pathway = expectData(await server.exec(PATHWAY_LINKS, {}, viewer)).program.pathway;
    expect(pathway.requirements.map((r: any) => r.requirement.code)).toEqual(["LIVE_EXAM", "OLD_EXAM"]);
    const facets = expectData(await server.exec(FACETS, {}, viewer)).programFacets;
    expect(values(facets.specialty)).toEqual(["live-specialty", "old-specialty"]);
    expect(values(facets.pathway)).toEqual(["live-pathway", "old-pathway"]);
    expect(values(facets.requirement)).toEqual(["LIVE_EXAM", "OLD_EXAM"]);
  });
});
