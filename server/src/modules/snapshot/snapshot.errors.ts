/**
 * A snapshot that cannot be read, validated or loaded: the message names the file and the record,
 * line or byte at fault. The CLI prints it on one line and exits non-zero.
 */
export class SnapshotError extends Error {
  override name = "SnapshotError";
}
