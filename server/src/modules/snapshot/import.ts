/**
 * Loads a validated snapshot into the database, all in one transaction.
 *
 * - merge: upserts every record of the file by slug/code (records only in the database stay);
 *   a record's lists (specialties, requirement links) become the file's.
 * - replace: the same, then deletes every record the file does not hold, so the directory
 *   becomes exactly the file (records that were already there keep their database ids).
 *
 * Only records that differ are written (their `version` goes up as for any edit). Afterwards the
 * database is read back inside the transaction and compared with the file; any difference rolls
 * everything back. A dry run computes the same plan and writes nothing.
 */
import { inTransaction } from "../../core/transaction";
import type { DataSource, EntityManager } from "typeorm";
import { PathwayRequirement } from "../pathway/pathway-requirement.entity";
import { ProgramRequirement } from "../program/program-requirement.entity";
import { ProgramSpecialty } from "../program/program-specialty.entity";
import { stableStringify } from "./canonical-hash";
import { diffContents, type SnapshotDiff } from "./diff";
import { ENTITY_CLASSES, loadDirectory, type LoadedDirectory } from "./directory-load";
import { SnapshotError } from "./snapshot.errors";
import { DATE_FIELDS, FILE_ORDER, KEY, scalarFields, type EntityName, type SnapshotRecord } from "./snapshot.format";
import type { ValidatedSnapshot } from "./validate";
import type { EntityClass } from "../../core/data-source";

export const IMPORT_MODES = ["merge", "replace"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportOptions {
  mode: ImportMode;
  dryRun?: boolean;
  onProgress?: (progress: { phase: "apply"; done: number; total: number }) => void;
}

export interface ImportResult {
  mode: ImportMode;
  dryRun: boolean;
  /** From the database before the import to after it; `removed` is always empty for merge. */
  diff: SnapshotDiff;
  /** Records in the database but not in the file, which merge keeps. */
  kept: number;
}

const BATCH = 100;

function chunks<T>(list: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The plan: what the import changes, from the database's point of view. */
function plan(current: LoadedDirectory, snapshot: ValidatedSnapshot, mode: ImportMode): { diff: SnapshotDiff; kept: number } {
  const diff = diffContents(current.content, snapshot.doc);
  let kept = 0;
  if (mode === "merge") {
    for (const e of diff.entities) {
      kept += e.removed.length;
      e.removed = [];
    }
    diff.identical = diff.entities.every((e) => !e.added.length && !e.changed.length);
  }
  return { diff, kept };
}

export async function importSnapshot(ds: DataSource, snapshot: ValidatedSnapshot, options: ImportOptions): Promise<ImportResult> {
  if (!snapshot.rulesChecked) throw new SnapshotError("snapshot import: the file was read without the directory's rules; nothing was changed");
  if (options.dryRun) {
    const current = await loadDirectory(ds.manager);
    return { mode: options.mode, dryRun: true, ...plan(current, snapshot, options.mode) };
  }
  return inTransaction(ds, async (m) => {
    const current = await loadDirectory(m);
    const planned = plan(current, snapshot, options.mode);
    await new Loader(m, current, snapshot, planned.diff, options).run();
    await verify(m, snapshot, options.mode);
    return { mode: options.mode, dryRun: false, ...planned };
  });
}

/** Reads the database back and refuses (rolling back) unless it now holds the file exactly. */
async function verify(m: EntityManager, snapshot: ValidatedSnapshot, mode: ImportMode): Promise<void> {
  const after = await loadDirectory(m);
  for (const entity of FILE_ORDER) {
    const key = KEY[entity];
    const stored = new Map(after.content[entity].map((r) => [r[key] as string, stableStringify(r)]));
    for (const record of snapshot.doc[entity]) {
      if (stored.get(record[key] as string) !== stableStringify(record)) {
        throw new Error(`snapshot import: ${entity} "${String(record[key])}" does not read back as the file has it; nothing was changed`);
      }
    }
    if (mode === "replace" && stored.size !== snapshot.doc[entity].length) {
      throw new Error(`snapshot import: ${entity} has records the file does not after replace; nothing was changed`);
    }
  }
}

class Loader {
  private done = 0;
  private readonly total: number;
  private readonly fileByKey: Record<EntityName, Map<string, SnapshotRecord>>;

  constructor(
    private readonly m: EntityManager,
    private readonly current: LoadedDirectory,
    snapshot: ValidatedSnapshot,
    private readonly diff: SnapshotDiff,
    private readonly options: ImportOptions,
  ) {
    this.fileByKey = Object.fromEntries(
      FILE_ORDER.map((e) => [e, new Map(snapshot.doc[e].map((r) => [r[KEY[e]] as string, r]))]),
    ) as Record<EntityName, Map<string, SnapshotRecord>>;
    this.total = diff.entities.reduce((n, e) => n + e.added.length + e.changed.length + e.removed.length, 0);
  }

  private entityDiff(entity: EntityName) {
    return this.diff.entities.find((e) => e.entity === entity)!;
  }

  private tick(n = 1): void {
    this.done += n;
    this.options.onProgress?.({ phase: "apply", done: this.done, total: this.total });
  }

  /** The column values of a record (references resolved to ids). */
  private columns(entity: EntityName, record: SnapshotRecord): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const f of scalarFields(entity)) {
      const v = record[f];
      values[f] = DATE_FIELDS.has(f) && typeof v === "string" ? new Date(v) : (v ?? null);
    }
    if (entity === "programs") {
      values.institutionId = record.institution == null ? null : this.current.ids.institutions.get(record.institution as string);
      values.pathwayId = record.pathway == null ? null : this.current.ids.pathways.get(record.pathway as string);
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
      const ids = this.entityDiff(entity).removed.map((k) => this.current.ids[entity].get(k)!);
      for (const batch of chunks(ids)) {
        await this.m.createQueryBuilder().delete().from(ENTITY_CLASSES[entity]).where("id IN (:...ids)", { ids: batch }).execute();
        this.tick(batch.length);
      }
    }
  }

  private async upsert(entity: EntityName): Promise<void> {
    const d = this.entityDiff(entity);
    const cls = ENTITY_CLASSES[entity];
    const file = this.fileByKey[entity];
    for (const batch of chunks(d.added)) {
      const rows = batch.map((k) => {
        const values = this.columns(entity, file.get(k)!);
        if (entity === "programs") values.verifiedById = null;
        return values;
      });
      await this.m.createQueryBuilder().insert().into(cls).values(rows).execute();
      this.tick(batch.length);
    }
    for (const change of d.changed) {
      const values = this.columns(entity, file.get(change.key)!);
      // Snapshots carry no curators: a new verification date drops the old verifier's name.
      if (entity === "programs" && change.changes.some((c) => c.field === "lastVerifiedAt")) values.verifiedById = null;
      await this.m.createQueryBuilder().update(cls).set(values).where("id = :id", { id: this.current.ids[entity].get(change.key) }).execute();
      this.tick();
    }
    if (d.added.length) {
      const key = KEY[entity];
      const rows: { id: number; key: string }[] = await this.m
        .createQueryBuilder(cls, "x")
        .select("x.id", "id")
        .addSelect(`x.${key}`, "key")
        .getRawMany();
      this.current.ids[entity] = new Map(rows.map((r) => [r.key, Number(r.id)]));
    }
  }

  /** Owners (by key) whose list field is new or changed. */
  private touched(entity: EntityName, field: string): string[] {
    const d = this.entityDiff(entity);
    return [...d.added, ...d.changed.filter((c) => c.changes.some((f) => f.field === field || f.field.startsWith(`${field}[`))).map((c) => c.key)];
  }

  private async replaceLinks(table: EntityClass, ownerColumn: string, ownerIds: number[], rows: Record<string, unknown>[]): Promise<void> {
    for (const batch of chunks(ownerIds, 500)) {
      await this.m.createQueryBuilder().delete().from(table).where(`"${ownerColumn}" IN (:...ids)`, { ids: batch }).execute();
    }
    for (const batch of chunks(rows)) await this.m.createQueryBuilder().insert().into(table).values(batch).execute();
  }

  private async pathwayLinks(): Promise<void> {
    const keys = this.touched("pathways", "requirements");
    const ids = this.current.ids;
    const rows = keys.flatMap((k) =>
      ((this.fileByKey.pathways.get(k)!.requirements as { code: string; level: string; note: string | null }[]) ?? []).map((l) => ({
        pathwayId: ids.pathways.get(k),
        requirementId: ids.requirements.get(l.code),
        level: l.level,
        note: l.note,
      })),
    );
    await this.replaceLinks(PathwayRequirement, "pathwayId", keys.map((k) => ids.pathways.get(k)!), rows);
  }

  private async programLinks(): Promise<void> {
    const ids = this.current.ids;
    const specialtyKeys = this.touched("programs", "specialties");
    await this.replaceLinks(
      ProgramSpecialty,
      "programId",
      specialtyKeys.map((k) => ids.programs.get(k)!),
      specialtyKeys.flatMap((k) =>
        ((this.fileByKey.programs.get(k)!.specialties as string[]) ?? []).map((s) => ({ programId: ids.programs.get(k), specialtyId: ids.specialties.get(s) })),
      ),
    );
    const linkKeys = this.touched("programs", "requirements");
    await this.replaceLinks(
      ProgramRequirement,
      "programId",
      linkKeys.map((k) => ids.programs.get(k)!),
      linkKeys.flatMap((k) =>
        ((this.fileByKey.programs.get(k)!.requirements as { code: string; level: string; minimumScore: number | null; note: string | null }[]) ?? []).map((l) => ({
          programId: ids.programs.get(k),
          requirementId: ids.requirements.get(l.code),
          level: l.level,
          minimumScore: l.minimumScore,
          note: l.note,
        })),
      ),
    );
  }
}
