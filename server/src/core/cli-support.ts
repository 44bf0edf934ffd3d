import type { DataSource } from "typeorm";
import type { AuditTrail } from "./audit-trail";

/** A failure the CLI reports as one line and a non-zero exit. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Opens the database, runs `fn`, and always closes it. */
export type WithDatabase = <T>(fn: (ds: DataSource) => Promise<T>) => Promise<T>;

/**
 * The database as the CLI's root opens it (DATABASE_URL), handed to each module's commands so
 * that no module imports the root.
 */
export interface CliDatabase {
  open: WithDatabase;
  /** The same after applying pending migrations, so that a fresh database is usable at once. */
  openMigrated: WithDatabase;
  /** Where commands record what they write (the audit log and the public change feed), as the server does. */
  auditTrail: AuditTrail;
}
