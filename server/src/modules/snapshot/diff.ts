/**
 * What changed between two snapshots (or between the database and a file, for an import's dry
 * run): per entity, the keys added and removed, and for changed records each field that differs.
 * Requirement links are compared per code, so a changed level reads `requirements[USMLE_STEP_3].level`.
 */
import { canonicalRecord, compareKeys, stableStringify } from "./canonical-hash";
import { FIELDS, FILE_ORDER, withFormatDefaults, type EntityName, type SnapshotRecord } from "./snapshot.format";
import { FROM, TO, type SpillStore } from "./spill";
import { terminalText } from "../../core/terminal-text";

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ChangedRecord {
  key: string;
  changes: FieldChange[];
}

export interface EntityDiff {
  entity: EntityName;
  added: string[];
  removed: string[];
  changed: ChangedRecord[];
}

export interface SnapshotDiff {
  identical: boolean;
  entities: EntityDiff[];
}

type Link = Record<string, unknown> & { code: string };

function linkChanges(from: Link[], to: Link[]): FieldChange[] {
  const a = new Map(from.map((l) => [l.code, l]));
  const b = new Map(to.map((l) => [l.code, l]));
  const codes = [...new Set([...a.keys(), ...b.keys()])].sort(compareKeys);
  const changes: FieldChange[] = [];
  for (const code of codes) {
    const x = a.get(code);
    const y = b.get(code);
    const { code: _a, ...xs } = x ?? { code };
    const { code: _b, ...ys } = y ?? { code };
    if (!x || !y) {
      changes.push({ field: `requirements[${code}]`, from: x ? xs : null, to: y ? ys : null });
      continue;
    }
    for (const f of Object.keys({ ...xs, ...ys })) {
      if (stableStringify(xs[f] ?? null) !== stableStringify(ys[f] ?? null)) {
        changes.push({ field: `requirements[${code}].${f}`, from: xs[f] ?? null, to: ys[f] ?? null });
      }
    }
  }
  return changes;
}

/** Field-level differences between two versions of one record (both normalized). */
export function recordChanges(entity: EntityName, from: SnapshotRecord, to: SnapshotRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS[entity]) {
    const x = from[field] ?? null;
    const y = to[field] ?? null;
    if (stableStringify(x) === stableStringify(y)) continue;
    if (field === "requirements") changes.push(...linkChanges((x as Link[]) ?? [], (y as Link[]) ?? []));
    else changes.push({ field, from: x, to: y });
  }
  return changes;
}

/**
 * Compares the two sides of a SpillStore (FROM: older, TO: newer), an entity at a time, reading
 * records from it as they are needed: memory holds the differences, not the snapshots.
 */
export function diffSides(spill: SpillStore): SnapshotDiff {
  const entities = FILE_ORDER.map((entity): EntityDiff => {
    const added = [...spill.only(TO, entity)];
    const removed = [...spill.only(FROM, entity)];
    const changed: ChangedRecord[] = [];
    for (const pair of spill.changed(entity)) {
      // Fields an older file left out read as what their absence means (withFormatDefaults).
      const from = withFormatDefaults(entity, canonicalRecord(entity, JSON.parse(pair.from) as SnapshotRecord));
      const to = withFormatDefaults(entity, canonicalRecord(entity, JSON.parse(pair.to) as SnapshotRecord));
      const changes = recordChanges(entity, from, to);
      if (changes.length) changed.push({ key: pair.key, changes });
    }
    return { entity, added, removed, changed };
  });
  return { identical: entities.every((e) => !e.added.length && !e.removed.length && !e.changed.length), entities };
}

export function diffTotals(diff: SnapshotDiff): { added: number; removed: number; changed: number } {
  return diff.entities.reduce(
    (t, e) => ({
      added: t.added + e.added.length,
      removed: t.removed + e.removed.length,
      changed: t.changed + e.changed.length,
    }),
    { added: 0, removed: 0, changed: 0 },
  );
}

function show(value: unknown): string {
  return value === null || value === undefined ? "null" : JSON.stringify(value);
}

/** Readable text: one block per entity, `+` added, `-` removed, `~` changed with its fields. */
export function formatDiffText(diff: SnapshotDiff, options: { maxValueLength?: number } = {}): string {
  const max = options.maxValueLength ?? 200;
  const clip = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  const t = diffTotals(diff);
  const lines = [diff.identical ? "no differences" : `${t.added} added, ${t.removed} removed, ${t.changed} changed`];
  for (const e of diff.entities) {
    if (!e.added.length && !e.removed.length && !e.changed.length) continue;
    lines.push(`${e.entity}: ${e.added.length} added, ${e.removed.length} removed, ${e.changed.length} changed`);
    for (const k of e.added) lines.push(`  + ${k}`);
    for (const k of e.removed) lines.push(`  - ${k}`);
    for (const c of e.changed) {
      lines.push(`  ~ ${c.key}`);
      for (const f of c.changes) lines.push(`      ${f.field}: ${clip(show(f.from))} → ${clip(show(f.to))}`);
    }
  }
  // Keys and values come from the files compared: one escaped line each (core/terminal-text.ts).
  return lines.map((line) => terminalText(line)).join("\n");
}
