import type { DataSource, EntityManager } from "typeorm";
import { inTransaction } from "../core/transaction";
import { ListingStatus } from "../core/enums";
import { Institution } from "../modules/institution/institution.entity";
import { PathwayRequirement } from "../modules/pathway/pathway-requirement.entity";
import { Pathway } from "../modules/pathway/pathway.entity";
import { ProgramRequirement } from "../modules/program/program-requirement.entity";
import { ProgramSpecialty } from "../modules/program/program-specialty.entity";
import { Program } from "../modules/program/program.entity";
import { RequirementImplication } from "../modules/requirement/requirement-implication.entity";
import { Requirement } from "../modules/requirement/requirement.entity";
import { Specialty } from "../modules/specialty/specialty.entity";
import * as sample from "./sample-directory";
import { programs as samplePrograms } from "./sample-programs";
import { sampleScoreScale } from "./sample-score-scales";

export interface SeedReport {
  created: Record<"institutions" | "programs" | "requirements" | "pathways" | "specialties", number>;
}

/** True when the directory holds no listings at all (what `npm start` seeds). */
export async function isDirectoryEmpty(ds: DataSource): Promise<boolean> {
  const [institutions, programs] = await Promise.all([
    ds.getRepository(Institution).count(),
    ds.getRepository(Program).count(),
  ]);
  return institutions === 0 && programs === 0;
}

/** Every sample record starts unverified, with no source URL: its sourceNote names the article. */
const UNVERIFIED = { sourceUrl: null, lastVerifiedAt: null, verifiedById: null, changedSinceVerified: false };

function mapBy<T, K extends keyof T>(rows: T[], key: K): Map<T[K], T> {
  return new Map(rows.map((r) => [r[key], r]));
}

/**
 * Loads the sample directory in one transaction. Idempotent: a record whose slug or code is
 * already present is left exactly as it is (a curator may have edited it).
 */
export async function seedSampleDirectory(ds: DataSource): Promise<SeedReport> {
  return inTransaction(ds, async (m: EntityManager) => {
    const report: SeedReport = {
      created: { institutions: 0, programs: 0, requirements: 0, pathways: 0, specialties: 0 },
    };

    const requirements = mapBy(await m.find(Requirement), "code");
    const created = new Set<string>();
    for (const r of sample.requirements) {
      if (requirements.has(r.code)) continue;
      created.add(r.code);
      requirements.set(
        r.code,
        await m.save(m.create(Requirement, { ...r, ...sampleScoreScale(r.code), archivedAt: null, ...UNVERIFIED })),
      );
      report.created.requirements++;
    }

    // Only for entries this run created: an existing one keeps what a curator made of it.
    for (const { code, implies } of sample.implications) {
      if (!created.has(code)) continue;
      for (const implied of implies) {
        await m.insert(RequirementImplication, {
          requirementId: requirements.get(code)!.id,
          impliedId: requirements.get(implied)!.id,
        });
      }
    }

    const specialties = mapBy(await m.find(Specialty), "slug");
    for (const s of sample.specialties) {
      if (specialties.has(s.slug)) continue;
      specialties.set(s.slug, await m.save(m.create(Specialty, { ...s, archivedAt: null })));
      report.created.specialties++;
    }

    const pathways = mapBy(await m.find(Pathway), "slug");
    for (const { requirements: links, ...p } of sample.pathways) {
      if (pathways.has(p.slug)) continue;
      const saved = await m.save(m.create(Pathway, { ...p, archivedAt: null, ...UNVERIFIED }));
      pathways.set(p.slug, saved);
      for (const link of links) {
        await m.save(
          m.create(PathwayRequirement, {
            pathwayId: saved.id,
            requirementId: requirements.get(link.code)!.id,
            level: link.level,
            note: link.note ?? null,
          }),
        );
      }
      report.created.pathways++;
    }

    const institutions = mapBy(await m.find(Institution), "slug");
    for (const i of sample.institutions) {
      if (institutions.has(i.slug)) continue;
      institutions.set(
        i.slug,
        await m.save(m.create(Institution, { ...i, description: null, archivedAt: null, ...UNVERIFIED })),
      );
      report.created.institutions++;
    }

    const existing = new Set((await m.find(Program, { select: { slug: true } })).map((p) => p.slug));
    for (const p of samplePrograms) {
      if (existing.has(p.slug)) continue;
      const program = await m.save(
        m.create(Program, {
          slug: p.slug,
          title: p.title,
          description: p.description,
          type: p.type,
          audience: p.audience,
          status: ListingStatus.PUBLISHED,
          institutionId: p.institution ? institutions.get(p.institution)!.id : null,
          country: p.country,
          region: p.region,
          pathwayId: p.pathway ? pathways.get(p.pathway)!.id : null,
          handsOnPatientCare: p.handsOnPatientCare,
          // The article has no URL on record; the note names it (sample-directory.ts).
          sourceUrl: null,
          sourceNote: p.french ? p.sourceNote + sample.TRANSLATION_NOTE : p.sourceNote,
          titleFr: p.french?.title ?? null,
          descriptionFr: p.french?.description ?? null,
          lastVerifiedAt: null,
          verifiedById: null,
        }),
      );
      for (const slug of p.specialties) {
        await m.insert(ProgramSpecialty, { programId: program.id, specialtyId: specialties.get(slug)!.id });
      }
      for (const link of p.requirements) {
        await m.insert(ProgramRequirement, {
          programId: program.id,
          requirementId: requirements.get(link.code)!.id,
          level: link.level,
          minimumScore: null,
          note: link.note ?? null,
        });
      }
      report.created.programs++;
    }
    return report;
  });
}
