import { ProgramRequirement } from "../server/src/modules/program/program-requirement.entity";
import { ProgramSpecialty } from "../server/src/modules/program/program-specialty.entity";
import { Specialty } from "../server/src/modules/specialty/specialty.entity";
import { getManyFast } from "../server/src/core/rows";
import { Country, ListingStatus, RequirementLevel } from "../server/src/core/enums";
import { Institution } from "../server/src/modules/institution/institution.entity";
import { ProgramLinksService } from "../server/src/modules/program/program-links.service";
import { Program } from "../server/src/modules/program/program.entity";
import { factories } from "./support/factories";
import { useTestServer } from "./support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
beforeAll(async () => {
  f = factories(server.ds);
});

describe("raw row mapping on the hot read path", () => {
  it("gives the same entities as TypeORM's getMany: dates, booleans, nulls and enums included", async () => {
    const inst = await f.institution({ archivedAt: new Date("2024-05-06T07:08:09.123Z") });
    await f.program({
      institutionId: inst.id,
      handsOnPatientCare: true,
      visaSponsorship: false,
      lastVerifiedAt: new Date("2023-01-02T03:04:05.678Z"),
      durationMonths: 12,
    });
    await f.program({
      institutionId: null,
      country: Country.CA,
      status: ListingStatus.DRAFT,
      handsOnPatientCare: null,
    });
    const qb = () => server.ds.getRepository(Program).createQueryBuilder("p").orderBy("p.id");
    const fast = await getManyFast(qb());
    expect(fast).toEqual(await qb().getMany());
    expect(fast[0]).toBeInstanceOf(Program);
    expect(fast[0].lastVerifiedAt).toEqual(new Date("2023-01-02T03:04:05.678Z"));
    expect([fast[0].handsOnPatientCare, fast[0].visaSponsorship, fast[1].handsOnPatientCare]).toEqual([
      true,
      false,
      null,
    ]);
    const institutions = server.ds.getRepository(Institution).createQueryBuilder("i");
    expect(await getManyFast(institutions.clone())).toEqual(await institutions.clone().getMany());
    expect(await server.deps.services.institutions.byIds([inst.id])).toEqual([
      await server.ds.getRepository(Institution).findOneByOrFail({ id: inst.id }),
    ]);
  });

  it("falls back to TypeORM's hydration for queries with joins", async () => {
    const inst = await f.institution();
    await f.program({ institutionId: inst.id });
    const qb = server.ds.getRepository(Program).createQueryBuilder("p").leftJoinAndSelect("p.institution", "i");
    const rows = await getManyFast(qb);
    expect(rows[0].institution).toBeInstanceOf(Institution);
  });

  it("loads requirement and specialty links as the TypeORM version did, REQUIRED first then by code", async () => {
    const [s1, s2] = [await f.specialty({ name: "Zeta" }), await f.specialty({ name: "Alpha" })];
    const [r1, r2, r3] = [
      await f.requirement({ code: "C_CODE" }),
      await f.requirement({ code: "A_CODE" }),
      await f.requirement({ code: "B_CODE" }),
    ];
    const p1 = await f.program(
      {},
      {
        specialties: [s1, s2],
        requirements: [
          { requirement: r1 },
          { requirement: r2, level: RequirementLevel.RECOMMENDED },
          { requirement: r3, minimumScore: 220 },
        ],
      },
    );
    const p2 = await f.program({}, { specialties: [s2], requirements: [{ requirement: r2 }] });
    const links = new ProgramLinksService(server.ds);
    const ids = [p1.id, p2.id];
    const fast = await links.requirementLinks(ids);
    // The same links as the TypeORM version (whose `level DESC` put RECOMMENDED first on PostgreSQL).
    const byId = (list: { id: number }[]) => [...list].sort((a, b) => a.id - b.id);
    expect(byId(fast)).toEqual(byId(await typeormRequirementLinks(ids)));
    expect(
      fast.filter((l) => l.programId === p1.id).map((l) => [l.level, l.requirement!.code, l.minimumScore]),
    ).toEqual([
      ["REQUIRED", "B_CODE", 220],
      ["REQUIRED", "C_CODE", null],
      ["RECOMMENDED", "A_CODE", null],
    ]);
    expect(await links.specialtyLinks(ids)).toEqual(await typeormSpecialtyLinks(ids));
  });
});

/** The TypeORM versions the fast loaders replaced, kept here as the reference they must match. */
function typeormRequirementLinks(programIds: number[]): Promise<ProgramRequirement[]> {
  return server.ds
    .getRepository(ProgramRequirement)
    .createQueryBuilder("pr")
    .innerJoinAndSelect("pr.requirement", "r")
    .where("pr.programId IN (:...ids)", { ids: programIds })
    .orderBy("pr.level", "DESC")
    .addOrderBy("r.code", "ASC")
    .getMany();
}

async function typeormSpecialtyLinks(programIds: number[]): Promise<{ programId: number; specialty: Specialty }[]> {
  const links = await server.ds
    .getRepository(ProgramSpecialty)
    .createQueryBuilder("ps")
    .innerJoinAndSelect("ps.specialty", "s")
    .where("ps.programId IN (:...ids)", { ids: programIds })
    .orderBy("s.name", "ASC")
    .addOrderBy("s.id", "ASC")
    .getMany();
  return links.map((l) => ({ programId: l.programId, specialty: l.specialty as Specialty }));
}
