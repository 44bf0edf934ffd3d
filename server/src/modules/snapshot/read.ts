/** Reads a snapshot whole into memory: for tests and small files (imports and diffs stream: snapshot-events.ts, validate.ts). */
import { canonicalRecord } from "./canonical-hash";
import { openSnapshotEvents, type SnapshotSource } from "./snapshot-events";
import { FILE_ORDER, type SnapshotDocument, type SnapshotRecord } from "./snapshot.format";
import { SpillStore, TO } from "./spill";
import { intakeSnapshot, type ValidatedSnapshot, type ValidateOptions } from "./validate";

export type { SnapshotSource } from "./snapshot-events";

/** A snapshot read whole into memory, not validated (tests and small files: imports and diffs stream). */
export interface ParsedSnapshot {
  name: string;
  source: SnapshotSource;
  doc: Record<string, unknown>;
}

export async function readSnapshot(file: string): Promise<ParsedSnapshot> {
  const { source, events } = await openSnapshotEvents(file);
  const doc: Record<string, unknown> = {};
  for await (const e of events) {
    if (e.type === "meta") doc.meta = e.meta;
    else if (e.type === "list") doc[e.entity] = [];
    else if (e.type === "record") (doc[e.entity] as unknown[]).push(e.record);
    else doc[e.key] = e.value;
  }
  return { name: file, source, doc };
}

/**
 * Reads, validates and normalizes a whole snapshot into memory (records sorted by key), through
 * the same checks as an import. For tests and small files: imports and diffs stream instead.
 */
export async function loadSnapshot(
  file: string,
  options: ValidateOptions = {},
): Promise<ValidatedSnapshot & { doc: SnapshotDocument }> {
  const spill = SpillStore.open();
  try {
    const checked = await intakeSnapshot(file, spill, TO, options);
    const doc = { meta: checked.meta } as SnapshotDocument;
    for (const entity of FILE_ORDER)
      doc[entity] = [...spill.records(TO, entity)].map((r) =>
        canonicalRecord(entity, JSON.parse(r.json) as SnapshotRecord),
      );
    return { ...checked, doc };
  } finally {
    spill.close();
  }
}
