/**
 * The writes of an import (import.ts), in batches: each batch's records are read back from the
 * spill store, their references resolved to database ids through the store, and written; so no
 * more than a batch of records is held, whatever the size of the file. Writes go through SQL with
 * bound parameters, not the query builder (core/bulk-insert.ts says why).
 */
import type { EntityManager } from "typeorm";
import { chunks as chunksOf, columnsOf, insertRows, placeholder } from "../../core/bulk-insert";
import type { EntityClass } from "../../core/data-source";
import { Institution } from "../institution/institution.entity";
import { PathwayRequirement } from "../pathway/pathway-requirement.entity";
import { Pathway } from "../pathway/pathway.entity";
import { ProgramRequirement } from "../program/program-requirement.entity";
import { ProgramSpecialty } from "../program/program-specialty.entity";
import { Program } from "../program/program.entity";
import { RequirementImplication } from "../requirement/requirement-implication.entity";
import { Requirement } from "../requirement/requirement.entity";
import { Specialty } from "../specialty/specialty.entity";
import type { SnapshotDiff } from "./diff";
import {
  ABSENT_VALUE,
  DATE_FIELDS,
  VERIFIED_ENTITIES,
  KEY,
  scalarFields,
  withFormatDefaults,
  type EntityName,
  type SnapshotRecord,
} from "./snapshot.format";
import { TO, type SpillStore } from "./spill";

export const ENTITY_CLASSES: Record<EntityName, EntityClass> = {
  institutions: Institution,
  programs: Program,
  requirements: Requirement,
  specialties: Specialty,
  pathways: Pathway,
};

export const BATCH = 100;

const chunks = <T>(list: T[]): T[][] => chunksOf(list, BATCH);

type ProgramLink = { code: string; level: string; minimumScore: number | null; note: string | null };
type PathwayLink = { code: string; level: string; note: string | null };

export class SnapshotLoader {
  private done = 0;
  private readonly total: number;
  /** Programs whose verifier the import cleared: id → the verifier's id before (for the audit log). */
  readonly previousVerifiers = new Map<number, number>();

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

  /** UPDATE of one row by id: version + 1 and updatedAt now, as TypeORM's update does. */
  private async updateRow(target: EntityClass, id: number, values: Record<string, unknown>): Promise<void> {
    const { metadata, columns } = columnsOf(this.m, target, Object.keys(values));
    const params = columns.map((c) => this.m.connection.driver.preparePersistentValue(values[c.propertyName], c));
    const sets = columns.map((c, i) => `"${c.databaseName}" = ${placeholder(this.m, i + 1)}`);
    if (metadata.versionColumn)
      sets.push(`"${metadata.versionColumn.databaseName}" = "${metadata.versionColumn.databaseName}" + 1`);
    if (metadata.updateDateColumn) sets.push(`"${metadata.updateDateColumn.databaseName}" = CURRENT_TIMESTAMP`);
    params.push(id);
    await this.m.query(
      `UPDATE "${metadata.tableName}" SET ${sets.join(", ")} WHERE "id" = ${placeholder(this.m, params.length)}`,
      params,
    );
  }

  private async deleteWhereIn(target: EntityClass, column: string, ids: number[]): Promise<void> {
    if (!ids.length) return;
    const table = this.m.connection.getMetadata(target).tableName;
    await this.m.query(
      `DELETE FROM "${table}" WHERE "${column}" IN (${ids.map((_, i) => placeholder(this.m, i + 1)).join(", ")})`,
      ids,
    );
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
  private columns(entity: EntityName, file: SnapshotRecord): Record<string, unknown> {
    const record = withFormatDefaults(entity, file);
    const values: Record<string, unknown> = {};
    for (const f of scalarFields(entity)) {
      const v = record[f];
      values[f] = DATE_FIELDS.has(f) && typeof v === "string" ? new Date(v) : (v ?? ABSENT_VALUE[f] ?? null);
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
      if (entity === "requirements") await this.implications();
      if (entity === "pathways") await this.pathwayLinks();
      if (entity === "programs") await this.programLinks();
    }
    // Deletions (replace only) in the reverse order, so nothing kept still points at them.
    await this.releaseImplied();
    for (const entity of ["programs", "pathways", "institutions", "requirements", "specialties"] as EntityName[]) {
      for (const batch of chunks(this.entityDiff(entity).removed)) {
        await this.deleteWhereIn(
          ENTITY_CLASSES[entity],
          "id",
          batch.map((k) => this.id(entity, k)!),
        );
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
        if (VERIFIED_ENTITIES.has(entity)) values.verifiedById = null;
        return values;
      });
      await insertRows(this.m, cls, rows);
      const inserted: { id: number | string; key: string }[] = await this.m
        .createQueryBuilder(cls, "x")
        .select("x.id", "id")
        .addSelect(`x.${key}`, "key")
        .where(`x.${key} IN (:...keys)`, { keys: batch })
        .getRawMany();
      for (const r of inserted) this.spill.setId(entity, r.key, Number(r.id));
      this.tick(batch.length);
    }
    if (entity === "programs") await this.rememberVerifiers(d.changed);
    for (const change of d.changed) {
      const values = this.columns(entity, this.fileRecord(entity, change.key));
      // Snapshots carry no curators: a new verification date drops the old verifier's name.
      if (VERIFIED_ENTITIES.has(entity) && change.changes.some((c) => c.field === "lastVerifiedAt"))
        values.verifiedById = null;
      await this.updateRow(cls, this.id(entity, change.key)!, values);
      this.tick();
    }
  }

  /** Who verified the programs whose verification date changes, before the import clears the name. */
  private async rememberVerifiers(changed: { key: string; changes: { field: string }[] }[]): Promise<void> {
    const ids = changed
      .filter((c) => c.changes.some((f) => f.field === "lastVerifiedAt"))
      .map((c) => this.id("programs", c.key)!);
    for (const batch of chunks(ids)) {
      const rows: { id: number | string; verifiedById: number | string }[] = await this.m.query(
        `SELECT "id", "verifiedById" FROM "programs" WHERE "verifiedById" IS NOT NULL AND "id" IN (${batch
          .map((_, i) => placeholder(this.m, i + 1))
          .join(", ")})`,
        batch,
      );
      for (const r of rows) this.previousVerifiers.set(Number(r.id), Number(r.verifiedById));
    }
  }

  /** Owners (by key) whose list field is new or changed. */
  private touched(entity: EntityName, field: string): string[] {
    const d = this.entityDiff(entity);
    return [
      ...d.added,
      ...d.changed
        .filter((c) => c.changes.some((f) => f.field === field || f.field.startsWith(`${field}[`)))
        .map((c) => c.key),
    ];
  }

  /**
   * Replaces the links of the touched owners, a batch of owners at a time. New links are inserted
   * BATCH rows at a time across owner batches, so every insert but the last is the same statement.
   */
  private async replaceLinks(
    table: EntityClass,
    ownerColumn: string,
    owner: EntityName,
    keys: string[],
    linksOf: (key: string, ownerId: number) => Record<string, unknown>[],
  ): Promise<void> {
    let pending: Record<string, unknown>[] = [];
    for (const batch of chunks(keys)) {
      const ids = batch.map((k) => this.id(owner, k)!);
      // Only this batch's owners: the links still pending belong to earlier ones.
      await this.deleteWhereIn(table, ownerColumn, ids);
      pending.push(...batch.flatMap((k, i) => linksOf(k, ids[i])));
      while (pending.length >= BATCH) await insertRows(this.m, table, pending.splice(0, BATCH));
    }
    await insertRows(this.m, table, pending);
    pending = [];
  }

  /** Makes the implications of new and changed requirements the file's, once every requirement exists. */
  private async implications(): Promise<void> {
    await this.replaceLinks(
      RequirementImplication,
      "requirementId",
      "requirements",
      this.touched("requirements", "implies"),
      (k, requirementId) =>
        ((this.fileRecord("requirements", k).implies as string[] | undefined) ?? []).map((code) => ({
          requirementId,
          impliedId: this.id("requirements", code),
        })),
    );
  }

  /**
   * Requirements the import removes go with their implications either way: an entry in use by an
   * implication cannot be deleted (RESTRICT), even by a statement that deletes the implying one too.
   */
  private async releaseImplied(): Promise<void> {
    for (const batch of chunks(this.entityDiff("requirements").removed)) {
      const ids = batch.map((k) => this.id("requirements", k)!);
      await this.deleteWhereIn(RequirementImplication, "impliedId", ids);
      await this.deleteWhereIn(RequirementImplication, "requirementId", ids);
    }
  }

  private async pathwayLinks(): Promise<void> {
    await this.replaceLinks(
      PathwayRequirement,
      "pathwayId",
      "pathways",
      this.touched("pathways", "requirements"),
      (k, pathwayId) =>
        ((this.fileRecord("pathways", k).requirements as PathwayLink[]) ?? []).map((l) => ({
          pathwayId,
          requirementId: this.id("requirements", l.code),
          level: l.level,
          note: l.note,
        })),
    );
  }

  private async programLinks(): Promise<void> {
    await this.replaceLinks(
      ProgramSpecialty,
      "programId",
      "programs",
      this.touched("programs", "specialties"),
      (k, programId) =>
        ((this.fileRecord("programs", k).specialties as string[]) ?? []).map((s) => ({
          programId,
          specialtyId: this.id("specialties", s),
        })),
    );
    await this.replaceLinks(
      ProgramRequirement,
      "programId",
      "programs",
      this.touched("programs", "requirements"),
      (k, programId) =>
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
