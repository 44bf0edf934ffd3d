/**
 * The writes of an import (import.ts), in batches: each batch's records are read back from the
 * spill store, their references resolved to database ids through the store, and written; so no
 * more than a batch of records is held, whatever the size of the file.
 */
import type { EntityManager } from "typeorm";
import { Institution } from "../institution/institution.entity";
import { PathwayRequirement } from "../pathway/pathway-requirement.entity";
import { Pathway } from "../pathway/pathway.entity";
import { ProgramRequirement } from "../program/program-requirement.entity";
import { ProgramSpecialty } from "../program/program-specialty.entity";
import { Program } from "../program/program.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import type { SnapshotDiff } from "./diff";
import { DATE_FIELDS, KEY, scalarFields, type EntityName, type SnapshotRecord } from "./snapshot.format";
import { TO, type SpillStore } from "./spill";

export const ENTITY_CLASSES: Record<EntityName, Function> = {
  institutions: Institution,
  programs: Program,
  requirements: Requirement,
  specialties: Specialty,
  pathways: Pathway,
};

const BATCH = 100;

function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

type ProgramLink = { code: string; level: string; minimumScore: number | null; note: string | null };
type PathwayLink = { code: string; level: string; note: string | null };

export class SnapshotLoader {
  private done = 0;
  private readonly total: number;

  constructor(
    private readonly m: EntityManager,
    private readonly spill: SpillStore,
    private readonly diff: SnapshotDiff,
    private readonly onProgress?: (progress: { phase: "apply"; done: number; total: number }) => void,
  ) {
    this.total = diff.entities.reduce((n, e) => n + e.added.length + e.changed.length + e.removed.length, 0);
  }

  private entityDiff(entity: EntityName) {
    return this.diff.entities.find((e) => e.entity === entity)!;
  }

  private tick(n = 1): void {
    this.done += n;
    this.onProgress?.({ phase: "apply", done: this.done, total: this.total });
  }

  /** The file's record of a key, read back from the store. */
  private fileRecord(entity: EntityName, key: string): SnapshotRecord {
    return JSON.parse(this.spill.get(TO, entity, key)!.json) as SnapshotRecord;
  }

  /** The database id of a record by key (null for none): ids come from the store, kept up to date as records are inserted. */
  private id(entity: EntityName, key: unknown): number | null {
    return key == null ? null : (this.spill.id(entity, key as string) ?? null);
  }

  /** The column values of a record (references resolved to ids). */
  private columns(entity: EntityName, record: SnapshotRecord): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const f of scalarFields(entity)) {
      const v = record[f];
      values[f] = DATE_FIELDS.has(f) && typeof v === "string" ? new Date(v) : (v ?? null);
    }
    if (entity === "programs") {
      values.institutionId = this.id("institutions", record.institution);
      values.pathwayId = this.id("pathways", record.pathway);
    }
    return values;
  }

  async run(): Promise<void> {
    // Referenced entities first, so references resolve; programs last.
    for (const entity of ["requirements", "specialties", "institutions", "pathways", "programs"] as EntityName[]) {
      await this.upsert(entity);
      if (entity === "pathways") await this.pathwayLinks();
      if (entity === "programs") await this.programLinks();
    }
    // Deletions (replace only) in the reverse order, so nothing kept still points at them.
    for (const entity of ["programs", "pathways", "institutions", "requirements", "specialties"] as EntityName[]) {
      for (const batch of chunks(this.entityDiff(entity).removed)) {
        const ids = batch.map((k) => this.id(entity, k)!);
        await this.m.createQueryBuilder().delete().from(ENTITY_CLASSES[entity]).where("id IN (:...ids)", { ids }).execute();
        this.tick(batch.length);
      }
    }
  }

  private async upsert(entity: EntityName): Promise<void> {
    const d = this.entityDiff(entity);
    const cls = ENTITY_CLASSES[entity];
    const key = KEY[entity];
    for (const batch of chunks(d.added)) {
      const rows = batch.map((k) => {
        const values = this.columns(entity, this.fileRecord(entity, k));
        if (entity === "programs") values.verifiedById = null;
        return values;
      });
      await this.m.createQueryBuilder().insert().into(cls).values(rows).execute();
      const inserted: { id: number | string; key: string }[] = await this.m
        .createQueryBuilder(cls, "x")
        .select("x.id", "id")
        .addSelect(`x.${key}`, "key")
        .where(`x.${key} IN (:...keys)`, { keys: batch })
        .getRawMany();
      for (const r of inserted) this.spill.setId(entity, r.key, Number(r.id));
      this.tick(batch.length);
    }
    for (const change of d.changed) {
      const values = this.columns(entity, this.fileRecord(entity, change.key));
      // Snapshots carry no curators: a new verification date drops the old verifier's name.
      if (entity === "programs" && change.changes.some((c) => c.field === "lastVerifiedAt")) values.verifiedById = null;
      await this.m.createQueryBuilder().update(cls).set(values).where("id = :id", { id: this.id(entity, change.key) }).execute();
      this.tick();
    }
  }

  /** Owners (by key) whose list field is new or changed. */
  private touched(entity: EntityName, field: string): string[] {
    const d = this.entityDiff(entity);
    return [...d.added, ...d.changed.filter((c) => c.changes.some((f) => f.field === field || f.field.startsWith(`${field}[`))).map((c) => c.key)];
  }

  /** Replaces the links of the touched owners, a batch of owners at a time. */
  private async replaceLinks(
    table: Function,
    ownerColumn: string,
    owner: EntityName,
    keys: string[],
    linksOf: (key: string, ownerId: number) => Record<string, unknown>[],
  ): Promise<void> {
    for (const batch of chunks(keys)) {
      const ids = batch.map((k) => this.id(owner, k)!);
      await this.m.createQueryBuilder().delete().from(table).where(`"${ownerColumn}" IN (:...ids)`, { ids }).execute();
      const rows = batch.flatMap((k, i) => linksOf(k, ids[i]));
      for (const part of chunks(rows)) await this.m.createQueryBuilder().insert().into(table).values(part).execute();
    }
  }

  private async pathwayLinks(): Promise<void> {
    await this.replaceLinks(PathwayRequirement, "pathwayId", "pathways", this.touched("pathways", "requirements"), (k, pathwayId) =>
      ((this.fileRecord("pathways", k).requirements as PathwayLink[]) ?? []).map((l) => ({
        pathwayId,
        requirementId: this.id("requirements", l.code),
        level: l.level,
        note: l.note,
      })),
    );
  }

  private async programLinks(): Promise<void> {
    await this.replaceLinks(ProgramSpecialty, "programId", "programs", this.touched("programs", "specialties"), (k, programId) =>
      ((this.fileRecord("programs", k).specialties as string[]) ?? []).map((s) => ({ programId, specialtyId: this.id("specialties", s) })),
    );
    await this.replaceLinks(ProgramRequirement, "programId", "programs", this.touched("programs", "requirements"), (k, programId) =>
      ((this.fileRecord("programs", k).requirements as ProgramLink[]) ?? []).map((l) => ({
        programId,
        requirementId: this.id("requirements", l.code),
        level: l.level,
        minimumScore: l.minimumScore,
        note: l.note,
      })),
    );
  }
}
