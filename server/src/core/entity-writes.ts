import type { DataSource, EntityManager } from "typeorm";
import { AuditAction, type AuditTrail } from "./audit-trail";
import { BadUserInputError } from "./errors";
import { given, Problems } from "./problems";
import { stateBeforeEntry } from "./revert";
import { inTransaction } from "./transaction";
import {
  changeTowards,
  insertVersioned,
  snapshot,
  updateVersioned,
  type Change,
  type State,
  type VersionedRow,
  type WriteModel,
} from "./versioned-write";

/** How a kind of record is archived (soft-deleted) and brought back. */
export interface ArchiveRule<T> {
  isArchived(row: T): boolean;
  archive(row: T): Partial<T>;
  restore(row: T): Partial<T>;
}

/** The rule of every record with an `archivedAt` column. */
export function archivedAtRule<T extends { archivedAt: Date | null }>(): ArchiveRule<T> {
  return {
    isArchived: (row) => row.archivedAt !== null,
    archive: () => ({ archivedAt: new Date() }) as Partial<T>,
    restore: () => ({ archivedAt: null }) as Partial<T>,
  };
}

/**
 * create / update / delete / restore / revert for one kind of record, all through the
 * versioned write of core/versioned-write.ts. A module supplies its model, its archive rule,
 * the fields a creation needs and `prepare` (input → column and relation values, validated).
 */
export abstract class EntityWrites<T extends VersionedRow, I extends object> {
  abstract readonly model: WriteModel<T>;
  protected abstract readonly archiveRule: ArchiveRule<T>;
  /** Input fields a creation must have. */
  protected abstract readonly required: readonly (keyof I & string)[];

  constructor(
    protected readonly ds: DataSource,
    /** Where every write is recorded: the models of subclasses pass it on. */
    protected readonly audit: AuditTrail,
  ) {}

  /**
   * Turns the fields the client sent into column and relation values, checking what needs the
   * database (references, ranges against stored values). `current` is null on creation.
   */
  protected abstract prepare(m: EntityManager, input: I, current: State<T> | null): Promise<Change<T>>;

  async create(actorId: number | null, input: I): Promise<T> {
    const problems = new Problems();
    for (const field of this.required) {
      const value = (input as Record<string, unknown>)[field];
      if (value === undefined || value === null) problems.add(["input", field], `${field} is required`);
    }
    problems.throwIfAny();
    return inTransaction(this.ds, async (m) =>
      insertVersioned(m, this.model, await this.prepare(m, input, null), { actorId }),
    );
  }

  /** Partial update: omitted fields stay, explicit null clears a nullable field. */
  update(actorId: number | null, id: number, version: number, input: I): Promise<T> {
    this.refuseClearingRequired(input);
    return inTransaction(this.ds, (m) =>
      updateVersioned(m, this.model, {
        id,
        version,
        actorId,
        action: AuditAction.UPDATE,
        compute: (current) => this.prepare(m, input, current),
      }),
    );
  }

  delete(actorId: number | null, id: number, version: number): Promise<T> {
    return this.transition(actorId, id, version, AuditAction.DELETE, ({ row }) => {
      if (this.archiveRule.isArchived(row))
        throw BadUserInputError.field(["id"], `${this.model.typeName} ${id} is already archived`);
      return { values: this.archiveRule.archive(row) };
    });
  }

  restore(actorId: number | null, id: number, version: number): Promise<T> {
    return this.transition(actorId, id, version, AuditAction.RESTORE, ({ row }) => {
      if (!this.archiveRule.isArchived(row))
        throw BadUserInputError.field(["id"], `${this.model.typeName} ${id} is not archived`);
      return { values: this.archiveRule.restore(row) };
    });
  }

  /** Puts the record back as it was just before audit entry `entryId` (recorded as REVERT). */
  revert(actorId: number | null, id: number, version: number, entryId: number): Promise<T> {
    return inTransaction(this.ds, (m) =>
      updateVersioned(m, this.model, {
        id,
        version,
        actorId,
        action: AuditAction.REVERT,
        note: `reverted to the state before audit entry ${entryId}`,
        pathFor: () => ["toEntry"],
        compute: async (current) => {
          const now = snapshot(this.model, current);
          const change = changeTowards(m, this.model, now, await stateBeforeEntry(m, this.model, id, now, entryId));
          await this.checkRevert(m, current, change);
          return change;
        },
      }),
    );
  }

  /**
   * The rules a revert must still obey that depend on other records (a requirement's scale and the
   * minimum scores programs ask for on it): throws BAD_USER_INPUT naming `toEntry`. None by default.
   */
  protected async checkRevert(_m: EntityManager, _current: State<T>, _change: Change<T>): Promise<void> {}

  /**
   * Records that `actorId` checked the record against its source just now: sets lastVerifiedAt and
   * verifiedById and clears changedSinceVerified (records with provenance columns only).
   */
  verify(actorId: number, id: number, version: number, note: string | null): Promise<T> {
    if (!this.model.provenance) throw new Error(`${this.model.typeName} has no provenance to verify`);
    const values = { lastVerifiedAt: new Date(), verifiedById: actorId, changedSinceVerified: false };
    return this.transition(
      actorId,
      id,
      version,
      AuditAction.VERIFY,
      () => ({ values: values as unknown as Partial<T> }),
      note,
    );
  }

  /** A write that is not an input edit (archive, publish, verify…): same guard, same audit. */
  protected transition(
    actorId: number | null,
    id: number,
    version: number,
    action: AuditAction,
    compute: (current: State<T>) => Change<T> | Promise<Change<T>>,
    note?: string | null,
  ): Promise<T> {
    return inTransaction(this.ds, (m) =>
      updateVersioned(m, this.model, { id, version, actorId, action, compute, note }),
    );
  }

  /** Explicit null on a column that cannot be empty is refused, naming the field. */
  private refuseClearingRequired(input: I): void {
    const meta = this.ds.getMetadata(this.model.entity);
    const problems = new Problems();
    for (const key of Object.keys(input) as (keyof I & string)[]) {
      if (!given(input, key) || (input as Record<string, unknown>)[key] !== null) continue;
      const column = meta.findColumnWithPropertyName(key);
      if (column && !column.isNullable) problems.add(["input", key], `${key} cannot be cleared`);
    }
    problems.throwIfAny();
  }
}
