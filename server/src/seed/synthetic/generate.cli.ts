import type { Command } from "commander";
import { CliError, type CliDatabase } from "../../core/cli-support";
import { describeDatabase, loadConfig } from "../../core/config";
import { DEFAULT_SEED, generateSynthetic, SyntheticDataRefusal } from "./generator";

function count(name: string, min: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > 10_000_000)
      throw new CliError(`--${name} must be a whole number from ${min} to 10000000 (got '${raw}')`);
    return n;
  };
}

/** `generate --institutions N --programs M [--seed S]`: synthetic data for benchmarks. */
export function registerGenerateCommand(program: Command, db: CliDatabase): void {
  program
    .command("generate")
    .description(
      "fill an EMPTY database with clearly synthetic institutions and programs (for benchmarks); refuses a database holding real listings",
    )
    .requiredOption("--institutions <n>", "how many synthetic institutions", count("institutions", 1))
    .requiredOption("--programs <n>", "how many synthetic programs", count("programs", 0))
    .option("--seed <s>", "PRNG seed: the same seed gives the same directory", count("seed", 0), DEFAULT_SEED)
    .action(async (opts: { institutions: number; programs: number; seed: number }) => {
      await db.openMigrated(async (ds) => {
        try {
          const report = await generateSynthetic(ds, opts);
          console.log(
            `generated ${report.institutions} institutions, ${report.programs} programs, ${report.programRequirements} requirement links and ` +
              `${report.programSpecialties} specialty links (seed ${report.seed}) in ${(report.ms / 1000).toFixed(1)} s into ${describeDatabase(loadConfig().database)}`,
          );
        } catch (e) {
          if (e instanceof SyntheticDataRefusal) throw new CliError(`generate refused: ${e.message}`);
          throw e;
        }
      });
    });
}
