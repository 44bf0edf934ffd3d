import { QueryFailedError, type EntityManager, type ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";
import { AuditAction, type AuditChanges, type AuditReferenceField, type AuditTrail } from "./audit-trail";
import { BadUserInputError, ConflictError, NotFoundError } from "./errors";
import { isFactField, type ProvenanceRule } from "./provenance";

/**
 * The one implementation of every curated write: a version-guarded UPDATE, the audit entry in
 * the same transaction, diffs as { field: { from, to } }, and the state a revert goes back to.
 * Call these with the manager of a transaction (core/transaction.ts `inTransaction`).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Snapshot = Record<string, Json>;

export interface VersionedRow extends ObjectLiteral {
  id: number;
  version: number;
}

/** A list saved with its record (a program's requirements) and versioned with it. */
export interface RelationStore {
  /** The relation of one record as JSON, in a stable order so that equal lists compare equal. */
  load(m: EntityManager, id: number): Promise<Json>;
  /** Makes the relation equal to `value` (in the shape `load` returns). */
  save(m: EntityManager, id: number, value: Json): Promise<void>;
}

export interface WriteModel<T extends VersionedRow> {
  /** GraphQL type name; also the audit log's entityType. */
  typeName: string;
  entity: new () => T;
  /** Columns writes may set, all recorded in the audit log and restored by a revert. */
  columns: readonly (keyof T & string)[];
  /** Columns with a unique index: a clash is BAD_USER_INPUT naming the field. */
  unique?: readonly (keyof T & string)[];
  relations?: Record<string, RelationStore>;
  /** Columns written but never shown in the log (a password hash): recorded as "[redacted]". */
  redacted?: readonly (keyof T & string)[];
  /** Where each write is recorded (the writer receives it; core imports no audit module). */
  audit: AuditTrail;
  /** Columns and relations that hold ids of other records: the history shows those records by name. */
  references?: Readonly<Record<string, AuditReferenceField>>;
  /**
   * For records with provenance columns (core/provenance.ts): an update that changes a fact-bearing
   * field of a verified record also sets `changedSinceVerified`, in the same statement.
   */
  provenance?: ProvenanceRule;

  /**
   * Columns every write sets from what it changes (a translation's dates, core/translation.ts),
   * whatever the write (create, edit, revert): bookkeeping, so neither audited nor reverted.
   */
  stamp?: (values: Partial<T>, before: T | null) => Partial<T>;
}

/** The values a write stores: the change's, with the model's stamps. */
function stamped<T extends VersionedRow>(model: WriteModel<T>, values: Partial<T>, before: T | null): Partial<T> {
  return model.stamp ? { ...values, ...model.stamp(values, before) } : values;
}

export interface State<T> {
  row: T;
  relations: Record<string, Json>;
}

/** What one write sets: some columns, and whole new values of some relations. */
export interface Change<T> {
  values: Partial<T>;
  relations?: Record<string, Json>;
}

/** What error messages need of a model. */
type ModelNames = { typeName: string; unique?: readonly string[] };

export type PathFor = (field: string) => string[];
const inputPath: PathFor = (field) => ["input", field];

function toJson(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return value as Json;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Two relation values (lists of ids or links) hold the same items, whatever their order and key order. */
function sameList(a: Json | undefined, b: Json | undefined): boolean {
  const items = (v: Json | undefined): string[] =>
    (Array.isArray(v) ? v : [])
      .map((item) =>
        item !== null && typeof item === "object" && !Array.isArray(item)
          ? JSON.stringify(Object.entries(item).sort(([x], [y]) => (x < y ? -1 : 1)))
          : JSON.stringify(item),
      )
      .sort();
  return JSON.stringify(items(a)) === JSON.stringify(items(b));
}

export async function loadState<T extends VersionedRow>(
  m: EntityManager,
  model: WriteModel<T>,
  id: number,
): Promise<State<T> | null> {
  const row = await m.findOne(model.entity, { where: { id } as never });
  if (!row) return null;
  const relations: Record<string, Json> = {};
  for (const [name, store] of Object.entries(model.relations ?? {})) relations[name] = await store.load(m, id);
  return { row, relations };
}

/** The audited fields of a record as JSON. */
export function snapshot<T extends VersionedRow>(model: WriteModel<T>, state: State<T>): Snapshot {
  const out: Snapshot = {};
  for (const column of model.columns) out[column] = toJson(state.row[column]);
  return { ...out, ...state.relations };
}

/** `{ field: { from, to } }` for every field whose value differs. `before` null: a creation. */
export function diff(before: Snapshot | null, after: Snapshot): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before ? (before[field] ?? null) : null;
    if (!sameJson(from, to)) changes[field] = { from, to };
  }
  return changes;
}

function redactedChanges<T extends VersionedRow>(model: WriteModel<T>, change: Change<T>): AuditChanges {
  const out: AuditChanges = {};
  for (const column of model.redacted ?? []) {
    if (column in change.values) out[column] = { from: "[redacted]", to: "[redacted]" };
  }
  return out;
}

/** The column a unique-index violation names, from either driver's error. */
function uniqueViolation(e: unknown): string | null {
  if (!(e instanceof QueryFailedError)) return null;
  const driver = (e as QueryFailedError & { driverError?: { code?: string; detail?: string; message?: string } })
    .driverError;
  if (driver?.code === "23505") return /Key \("?(\w+)"?\)/.exec(driver.detail ?? "")?.[1] ?? "";
  if (driver?.code === "SQLITE_CONSTRAINT_UNIQUE")
    return /UNIQUE constraint failed: \w+\.(\w+)/.exec(driver.message ?? "")?.[1] ?? "";
  return null;
}

/** Runs a statement that may hit a unique index, turning a clash into BAD_USER_INPUT on the field. */
async function guardUnique<R>(model: ModelNames, pathFor: PathFor, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    const column = uniqueViolation(e);
    if (column === null) throw e;
    const field = column || (model.unique?.[0] ?? "id");
    throw BadUserInputError.field(pathFor(field), `another ${model.typeName} already has this ${field}`, "unique");
  }
}

/** Checks unique columns before writing, so the usual clash is a clear error and not a failed statement. */
async function assertUnique<T extends VersionedRow>(
  m: EntityManager,
  model: WriteModel<T>,
  values: Partial<T>,
  exceptId: number | null,
  pathFor: PathFor,
): Promise<void> {
  for (const column of model.unique ?? []) {
    const value = values[column];
    if (value === undefined || value === null) continue;
    const qb = m.createQueryBuilder(model.entity, "t").where(`t.${column} = :value`, { value });
    if (exceptId !== null) qb.andWhere("t.id <> :exceptId", { exceptId });
    if ((await qb.getCount()) > 0) {
      throw BadUserInputError.field(
        pathFor(column),
        `another ${model.typeName} already has the ${column} '${String(value)}'`,
        "unique",
      );
    }
  }
}

export function conflict(model: ModelNames, id: number, sent: number, current: number): ConflictError {
  return new ConflictError(
    `${model.typeName} ${id} has changed since you read it: you sent version ${sent}, it is now at version ${current}. ` +
      `Reload it and apply your change again.`,
    { currentVersion: current },
  );
}

export interface InsertOptions {
  actorId: number | null;
  note?: string | null;
  pathFor?: PathFor;
}

/** Inserts a record at version 1 with its relations and records CREATE. */
export async function insertVersioned<T extends VersionedRow>(
  m: EntityManager,
  model: WriteModel<T>,
  change: Change<T>,
  options: InsertOptions,
): Promise<T> {
  const pathFor = options.pathFor ?? inputPath;
  await assertUnique(m, model, change.values, null, pathFor);
  const result = await guardUnique(model, pathFor, () =>
    m.insert(model.entity, { ...stamped(model, change.values, null), version: 1 } as QueryDeepPartialEntity<T>),
  );
  const id = Number(result.identifiers[0].id);
  for (const [name, value] of Object.entries(change.relations ?? {})) await model.relations![name].save(m, id, value);
  const after = (await loadState(m, model, id))!;
  await model.audit.append(m, {
    action: AuditAction.CREATE,
    entityType: model.typeName,
    entityId: id,
    entityVersion: after.row.version,
    actorId: options.actorId,
    changes: { ...diff(null, snapshot(model, after)), ...redactedChanges(model, change) },
    note: options.note,
  });
  return after.row;
}

export interface UpdateOptions<T> extends InsertOptions {
  id: number;
  /** The version the client read: the write happens only if the record is still at it. */
  version: number;
  action: AuditAction;
  /** Works out the change from the stored state (validation against stored values goes here). */
  compute: (current: State<T>) => Promise<Change<T>> | Change<T>;
}

/**
 * The change, plus `changedSinceVerified: true` when it changes a fact of a verified record that was
 * not yet marked. A change that sets the mark itself (a verification, a revert) decides it alone.
 */
export function markChangedSinceVerified<T extends VersionedRow>(
  model: WriteModel<T>,
  before: State<T>,
  change: Change<T>,
): Change<T> {
  const rule = model.provenance;
  const row = before.row as T & { lastVerifiedAt?: Date | null; changedSinceVerified?: boolean };
  if (!rule || "changedSinceVerified" in change.values || !row.lastVerifiedAt || row.changedSinceVerified)
    return change;
  const columnChanged = Object.entries(change.values).some(
    ([field, value]) => isFactField(rule, field) && !sameJson(toJson(row[field]), toJson(value)),
  );
  const relationChanged = Object.entries(change.relations ?? {}).some(
    ([name, value]) => isFactField(rule, name) && !sameList(before.relations[name], value),
  );
  if (!columnChanged && !relationChanged) return change;
  return { ...change, values: { ...change.values, changedSinceVerified: true } as Partial<T> };
}

/**
 * One guarded write: `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`.
 * Zero rows means someone else wrote first: CONFLICT with the current version, and the caller's
 * transaction rolls back so nothing of this write remains.
 */
export async function updateVersioned<T extends VersionedRow>(
  m: EntityManager,
  model: WriteModel<T>,
  options: UpdateOptions<T>,
): Promise<T> {
  const { id, version } = options;
  const pathFor = options.pathFor ?? inputPath;
  const before = await loadState(m, model, id);
  if (!before) throw new NotFoundError(model.typeName, id);
  if (before.row.version !== version) throw conflict(model, id, version, before.row.version);
  const change = markChangedSinceVerified(model, before, await options.compute(before));
  await assertUnique(m, model, change.values, id, pathFor);

  const set = {
    ...stamped(model, change.values, before.row),
    version: () => `"version" + 1`,
  } as QueryDeepPartialEntity<T>;
  const result = await guardUnique(model, pathFor, () =>
    m
      .createQueryBuilder()
      .update(model.entity)
      .set(set)
      .where("id = :id AND version = :version", { id, version })
      .execute(),
  );
  if (result.affected !== 1) {
    const now = await m.findOne(model.entity, { where: { id } as never });
    if (!now) throw new NotFoundError(model.typeName, id);
    throw conflict(model, id, version, now.version);
  }
  for (const [name, value] of Object.entries(change.relations ?? {})) await model.relations![name].save(m, id, value);

  const after = (await loadState(m, model, id))!;
  await model.audit.append(m, {
    action: options.action,
    entityType: model.typeName,
    entityId: id,
    entityVersion: after.row.version,
    actorId: options.actorId,
    changes: { ...diff(snapshot(model, before), snapshot(model, after)), ...redactedChanges(model, change) },
    note: options.note,
  });
  return after.row;
}

/** Turns a snapshot value back into a column value (dates were stored as ISO strings). */
function fromJson<T extends VersionedRow>(
  m: EntityManager,
  model: WriteModel<T>,
  column: string,
  value: Json,
): unknown {
  if (value === null || typeof value !== "string") return value;
  const meta = m.connection.getMetadata(model.entity).findColumnWithPropertyName(column);
  const type = meta?.type;
  const isDate = type === Date || (typeof type === "string" && /date|time/i.test(type));
  return isDate ? new Date(value) : value;
}

/** The change that brings `current` to `target` (both snapshots of one record). */
export function changeTowards<T extends VersionedRow>(
  m: EntityManager,
  model: WriteModel<T>,
  current: Snapshot,
  target: Snapshot,
): Change<T> {
  const values: Partial<T> = {};
  const relations: Record<string, Json> = {};
  for (const column of model.columns) {
    if (column in target && !sameJson(current[column], target[column])) {
      values[column] = fromJson(m, model, column, target[column]) as T[typeof column];
    }
  }
  for (const name of Object.keys(model.relations ?? {})) {
    if (name in target && !sameJson(current[name], target[name])) relations[name] = target[name];
  }
  return { values, relations };
}
