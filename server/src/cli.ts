import "reflect-metadata";
import { Command, CommanderError } from "commander";
import type { DataSource } from "typeorm";
import { ConfigError, describeDatabase, loadConfig } from "./core/config";
import { CLI_BUSY_TIMEOUT_MS, openDataSource } from "./core/data-source";
import { backupDatabase } from "./core/backup";
import { migrate } from "./core/migrate";
import { registerUserCommands, type CliIo } from "./modules/curator/curator.cli";
import { registerSnapshotCommands } from "./modules/snapshot/snapshot.cli";
import { SnapshotError } from "./modules/snapshot/snapshot.errors";
import { registerGenerateCommand } from "./modules/synthetic/generate.cli";
import { hasSyntheticData } from "./modules/synthetic/generator";
import { seedSampleDirectory } from "./seed/seed";

/** A failure the CLI reports as one line and a non-zero exit. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Opens the database named by DATABASE_URL, runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ds = await openDataSource(config.database, { busyTimeoutMs: CLI_BUSY_TIMEOUT_MS });
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

export function buildCli(io?: CliIo): Command {
  const program = new Command("directory")
    .description("IMG Program Directory: database and data tools. Honours DATABASE_URL (sqlite:PATH or postgres://…).")
    .exitOverride()
    .showHelpAfterError();

  program
    .command("migrate")
    .description("apply pending migrations (in one transaction)")
    .action(async () => {
      await withDatabase(async (ds) => {
        const ran = await migrate(ds);
        const where = describeDatabase(loadConfig().database);
        console.log(ran.length ? `applied ${ran.length} migration(s) to ${where}: ${ran.join(", ")}` : `${where} is up to date`);
      });
    });

  program
    .command("seed")
    .description("load the sample directory (idempotent: existing records are left as they are)")
    .action(async () => {
      await withDatabase(async (ds) => {
        await migrate(ds);
        // The sample directory holds only what the source article says: never mix it with benchmark data.
        if (await hasSyntheticData(ds)) throw new CliError("seed refused: the database holds synthetic benchmark data; use another database");
        const { created } = await seedSampleDirectory(ds);
        const total = Object.values(created).reduce((a, b) => a + b, 0);
        console.log(
          total === 0
            ? "the sample directory is already loaded; nothing added"
            : `added ${Object.entries(created).map(([k, v]) => `${v} ${k}`).join(", ")}`,
        );
      });
    });

  registerUserCommands(program, io);

  program
    .command("backup")
    .description("write a consistent online copy of the whole database (SQLite backup API + integrity_check; pg_dump on PostgreSQL)")
    .requiredOption("--out <file>", "where to write the copy (must not exist)")
    .action(async (opts: { out: string }) => {
      await withDatabase(async (ds) => {
        const config = loadConfig();
        let report;
        try {
          report = await backupDatabase(ds, opts.out, config.database.kind === "postgres" ? config.database.url : undefined);
        } catch (e) {
          throw new CliError(`backup failed: ${(e as Error).message}`);
        }
        console.log(`backed up ${describeDatabase(config.database)} to ${report.file} (${report.bytes} bytes; integrity: ${report.integrity})`);
      });
    });
  registerSnapshotCommands(program, withDatabase);

  registerGenerateCommand(program);
  return program;
}

/** `io` replaces standard input and error (tests pipe a password in). */
export async function runCli(argv: string[], io?: CliIo): Promise<number> {
  try {
    await buildCli(io).parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof CliError || e instanceof ConfigError || e instanceof SnapshotError) {
      console.error(`directory: ${e.message}`);
      return e instanceof CliError ? e.exitCode : 1;
    }
    console.error(`directory: failed: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
