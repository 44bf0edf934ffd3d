/**
 * What an import records (import.ts), after its writes and in its transaction: one audit entry per
 * record it added (CREATE), changed (UPDATE) or removed (DELETE, replace only), appended through
 * the audit trail a batch at a time, so that the public change feed and its listeners see the
 * import as they see a curator's edits.
 *
 * Entries describe records as the curated writes do (modules/<noun>/<noun>.writes.ts): columns by
 * name, references as ids, a program's specialties as `specialtyIds` and requirement links as
 * `{ requirementId, level, minimumScore, note }` sorted by id, a requirement's implications as
 * `implies` (ids, sorted). So the history reads the same whichever way a record changed, and a
 * revert to a state before an import puts it back.
 */
import type { EntityManager } from "typeorm";
import { AuditAction, type AuditRecord, type AuditTrail } from "../../core/audit-trail";
import { chunks, placeholder } from "../../core/bulk-insert";
import { diff, type Json, type Snapshot } from "../../core/versioned-write";
import type { SnapshotDiff } from "./diff";
import { BATCH, ENTITY_CLASSES } from "./import-loader";
import { scalarFields, type EntityName, type SnapshotRecord } from "./snapshot.format";
import { FROM, TO, type SpillStore } from "./spill";

/** The audit log's entityType of each kind of record (its GraphQL type name). */
const TYPE_NAME: Record<EntityName, string> = {
  institutions: "Institution",
  programs: "Program",
  requirements: "Requirement",
  specialties: "Specialty",
  pathways: "Pathway",
};

/** The order the writes go in: referenced records first; removals in reverse. */
const WRITE_ORDER: EntityName[] = ["requirements", "specialties", "institutions", "pathways", "programs"];

type Link = { code: string; level: string; minimumScore?: number | null; note: string | null };

export interface ImportHistoryOptions {
  mode: "merge" | "replace";
  /** Programs whose verifier the import cleared (a new verification date): id → the verifier's id before. */
  previousVerifiers: ReadonlyMap<number, number>;
}

export class ImportHistory {
  private readonly note: string;

  constructor(
    private readonly m: EntityManager,
    private readonly spill: SpillStore,
    private readonly trail: AuditTrail,
    private readonly options: ImportHistoryOptions,
  ) {
    this.note = `snapshot import (${options.mode})`;
  }

  /** Appends the audit entries of every difference the import applied. */
  async record(planned: SnapshotDiff): Promise<void> {
    const of = (entity: EntityName) => planned.entities.find((e) => e.entity === entity)!;
    for (const entity of WRITE_ORDER) {
      for (const keys of chunks(of(entity).added, BATCH)) await this.added(entity, keys);
      for (const batch of chunks(of(entity).changed, BATCH))
        await this.changed(
          entity,
          batch.map((c) => c.key),
        );
    }
    for (const entity of [...WRITE_ORDER].reverse()) {
      for (const keys of chunks(of(entity).removed, BATCH)) await this.removed(entity, keys);
    }
  }

  private async added(entity: EntityName, keys: string[]): Promise<void> {
    await this.append(
      keys.map((key) => {
        const to = this.state(entity, TO, key);
        return this.entry(entity, AuditAction.CREATE, key, 1, diff(null, to));
      }),
    );
  }

  private async changed(entity: EntityName, keys: string[]): Promise<void> {
    const versions = await this.versions(entity, keys);
    await this.append(
      keys.map((key) => {
        const id = this.id(entity, key)!;
        const changes = diff(this.state(entity, FROM, key), this.state(entity, TO, key));
        const verifier = entity === "programs" ? this.options.previousVerifiers.get(id) : undefined;
        if (verifier !== undefined) changes.verifiedById = { from: verifier, to: null };
        return this.entry(entity, AuditAction.UPDATE, key, versions.get(id) ?? null, changes);
      }),
    );
  }

  private async removed(entity: EntityName, keys: string[]): Promise<void> {
    await this.append(
      keys.map((key) => {
        const before = this.state(entity, FROM, key);
        const cleared = Object.fromEntries(Object.keys(before).map((field) => [field, null])) as Snapshot;
        return this.entry(entity, AuditAction.DELETE, key, null, diff(before, cleared), `removed by ${this.note}`);
      }),
    );
  }

  private entry(
    entity: EntityName,
    action: AuditAction,
    key: string,
    entityVersion: number | null,
    changes: AuditRecord["changes"],
    note = this.note,
  ): AuditRecord {
    return {
      action,
      entityType: TYPE_NAME[entity],
      entityId: this.id(entity, key)!,
      entityVersion,
      actorId: null,
      changes,
      note,
    };
  }

  private append(records: AuditRecord[]): Promise<void> {
    return records.length ? this.trail.appendMany(this.m, records) : Promise.resolve();
  }

  private id(entity: EntityName, key: unknown): number | null {
    return key == null ? null : (this.spill.id(entity, String(key)) ?? null);
  }

  /** The versions the import left a batch of records at. */
  private async versions(entity: EntityName, keys: string[]): Promise<Map<number, number>> {
    const ids = keys.map((k) => this.id(entity, k)!);
    const table = this.m.connection.getMetadata(ENTITY_CLASSES[entity]).tableName;
    const rows: { id: number | string; version: number | string }[] = await this.m.query(
      `SELECT "id", "version" FROM "${table}" WHERE "id" IN (${ids.map((_, i) => placeholder(this.m, i + 1)).join(", ")})`,
      ids,
    );
    return new Map(rows.map((r) => [Number(r.id), Number(r.version)]));
  }

  /** A record of one side of the store, in the terms of the curated writes (see the top of this file). */
  private state(entity: EntityName, side: typeof FROM | typeof TO, key: string): Snapshot {
    const record = JSON.parse(this.spill.get(side, entity, key)!.json) as SnapshotRecord;
    const out: Snapshot = {};
    for (const field of scalarFields(entity)) out[field] = (record[field] ?? null) as Json;
    const links = (record.requirements as Link[] | undefined) ?? [];
    const byId = (a: { requirementId: number }, b: { requirementId: number }) => a.requirementId - b.requirementId;
    if (entity === "programs") {
      out.institutionId = this.id("institutions", record.institution);
      out.pathwayId = this.id("pathways", record.pathway);
      out.specialtyIds = ((record.specialties as string[] | undefined) ?? [])
        .map((slug) => this.id("specialties", slug)!)
        .sort((a, b) => a - b);
      out.requirements = links
        .map((l) => ({
          requirementId: this.id("requirements", l.code)!,
          level: l.level,
          minimumScore: l.minimumScore ?? null,
          note: l.note ?? null,
        }))
        .sort(byId);
    } else if (entity === "pathways") {
      out.requirements = links
        .map((l) => ({ requirementId: this.id("requirements", l.code)!, level: l.level, note: l.note ?? null }))
        .sort(byId);
    } else if (entity === "requirements") {
      // As requirement.writes.ts records them: the implied entries' ids, sorted.
      out.implies = ((record.implies as string[] | undefined) ?? [])
        .map((code) => this.id("requirements", code)!)
        .sort((a, b) => a - b);
    }
    return out;
  }
}
