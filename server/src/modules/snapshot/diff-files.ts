/** Compares two snapshot files (any mix of formats), streaming both through a temporary store. */
import { runHeavyJob } from "../../core/heavy-job";
import { diffSides, type SnapshotDiff } from "./diff";
import { FROM, SpillStore, TO } from "./spill";
import { intakeSnapshot, type ValidatedSnapshot } from "./validate";

export interface FileDiff {
  diff: SnapshotDiff;
  from: ValidatedSnapshot;
  to: ValidatedSnapshot;
}

/**
 * What changed from snapshot `a` to snapshot `b`. Both are validated as for an import but for the
 * directory's rules (a diff writes nothing, so files of data older than a rule still compare), and
 * a content that no longer matches its checksum still diffs (see `checksumMatches`). One heavy job
 * per process: throws UnavailableError while another diff or import runs.
 */
export function diffSnapshotFiles(a: string, b: string): Promise<FileDiff> {
  return runHeavyJob("snapshot diff", () => compareSnapshotFiles(a, b));
}

/** The diff itself, for a caller already holding the heavy-job slot (a diff of stored snapshots). */
export async function compareSnapshotFiles(a: string, b: string): Promise<FileDiff> {
  const spill = SpillStore.open();
  try {
    const options = { ignoreChecksum: true, directoryRules: false };
    const from = await intakeSnapshot(a, spill, FROM, options);
    const to = await intakeSnapshot(b, spill, TO, options);
    return { diff: diffSides(spill), from, to };
  } finally {
    spill.close();
  }
}
