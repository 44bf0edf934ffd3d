import "reflect-metadata";
import { Command, CommanderError } from "commander";
import type { DataSource } from "typeorm";
import { CliError, type CliDatabase } from "./core/cli-support";
import { ConfigError, describeDatabase, loadConfig } from "./core/config";
import { openDataSource } from "./composition/database";
import { CLI_BUSY_TIMEOUT_MS } from "./core/data-source";
import { backupDatabase } from "./core/backup";
import { migrate } from "./composition/migrate";
import { createAuditTrail } from "./composition/audit-trail";
import { terminalText } from "./core/terminal-text";
import { registerUserCommands, type CliIo } from "./modules/curator/curator.cli";
import { registerSnapshotCommands } from "./modules/snapshot/snapshot.cli";
import { SnapshotError } from "./modules/snapshot/snapshot.errors";
import { registerGenerateCommand } from "./seed/synthetic/generate.cli";
import { hasSyntheticData } from "./seed/synthetic/generator";
import { seedSampleDirectory } from "./seed/seed";

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

const cliDatabase: CliDatabase = {
  open: withDatabase,
  openMigrated: (fn) =>
    withDatabase(async (ds) => {
      await migrate(ds);
      return fn(ds);
    }),
  auditTrail: createAuditTrail(),
};

export function buildCli(io?: CliIo): Command {
  const program = new Command("directory")
    .description("IMG Program Directory: database and data tools. Honours DATABASE_URL (sqlite:PATH or postgres://…).")
    .exitOverride()
    .showHelpAfterError()
    // Commander quotes the arguments it refuses: escaped like everything else printed (core/terminal-text.ts).
    .configureOutput({ outputError: (text, write) => write(terminalText(text, { keepNewlines: true })) });

  program
    .command("migrate")
    .description("apply pending migrations (in one transaction)")
    .action(async () => {
      await withDatabase(async (ds) => {
        const ran = await migrate(ds);
        const where = describeDatabase(loadConfig().database);
        console.log(
          ran.length ? `applied ${ran.length} migration(s) to ${where}: ${ran.join(", ")}` : `${where} is up to date`,
        );
      });
    });

  program
    .command("seed")
    .description("load the sample directory (idempotent: existing records are left as they are)")
    .action(async () => {
      await withDatabase(async (ds) => {
        await migrate(ds);
        // The sample directory holds only what the source article says: never mix it with benchmark data.
        if (await hasSyntheticData(ds))
          throw new CliError("seed refused: the database holds synthetic benchmark data; use another database");
        const { created } = await seedSampleDirectory(ds);
        const total = Object.values(created).reduce((a, b) => a + b, 0);
        console.log(
          total === 0
            ? "the sample directory is already loaded; nothing added"
            : `added ${Object.entries(created)
                .map(([k, v]) => `${v} ${k}`)
                .join(", ")}`,
        );
      });
    });

  registerUserCommands(program, cliDatabase, io);

  program
    .command("backup")
    .description(
      "write a consistent online copy of the whole database (SQLite backup API + integrity_check; pg_dump on PostgreSQL)",
    )
    .requiredOption("--out <file>", "where to write the copy (must not exist)")
    .action(async (opts: { out: string }) => {
      await withDatabase(async (ds) => {
        const config = loadConfig();
        let report;
        try {
          report = await backupDatabase(
            ds,
            opts.out,
            config.database.kind === "postgres" ? config.database.url : undefined,
          );
        } catch (e) {
          throw new CliError(`backup failed: ${(e as Error).message}`);
        }
        console.log(
          `backed up ${describeDatabase(config.database)} to ${terminalText(report.file)} (${report.bytes} bytes; integrity: ${report.integrity})`,
        );
      });
    });
  registerSnapshotCommands(program, cliDatabase);

  registerGenerateCommand(program, cliDatabase);
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
      // Messages quote names, paths and values from the command line, the database and files.
      console.error(`directory: ${terminalText(e.message, { keepNewlines: true })}`);
      return e instanceof CliError ? e.exitCode : 1;
    }
    console.error(`directory: failed: ${terminalText((e as Error).message ?? String(e), { keepNewlines: true })}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
