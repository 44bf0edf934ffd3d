import type { DataSource } from "typeorm";

/** A failure the CLI reports as one line and a non-zero exit. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * Opens the database, runs `fn`, and always closes it. The CLI's root passes its implementation to
 * each module's commands, so that no module imports the root.
 */
export type WithDatabase = <T>(fn: (ds: DataSource) => Promise<T>) => Promise<T>;
