/** `directory snapshot export|import|diff`, registered on the CLI's commander program. */
import { Option, type Command } from "commander";
import { terminalJson, terminalText } from "../../core/terminal-text";
import { diffTotals, formatDiffText } from "./diff";
import { diffSnapshotFiles } from "./diff-files";
import { EXPORT_FORMATS, exportToPath, type ExportFormat } from "./export-files";
import { IMPORT_MODES, importSnapshotFile, type ImportMode } from "./import";
import { progressReporter } from "./progress";
import { FILE_ORDER, type SnapshotCounts } from "./snapshot.format";
import type { CliDatabase } from "../../core/cli-support";

function describeCounts(counts: SnapshotCounts): string {
  return FILE_ORDER.map((e) => `${counts[e]} ${e}`).join(", ");
}

export function registerSnapshotCommands(program: Command, db: CliDatabase): void {
  const snapshot = program
    .command("snapshot")
    .description("export, import and compare whole-directory snapshots (JSON, NDJSON, CSV)");

  snapshot
    .command("export")
    .description("write a consistent snapshot of the directory (published listings unless --include-drafts)")
    .addOption(new Option("--format <format>", "file format").choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .requiredOption("--out <path>", "file to write (a folder for csv; - for standard output)")
    .option("--include-drafts", "include draft and archived listings (curators' backups)", false)
    .action(async (opts: { format: ExportFormat; out: string; includeDrafts: boolean }) => {
      const progress = progressReporter();
      try {
        const { meta } = await db.open((ds) =>
          exportToPath(ds, {
            format: opts.format,
            out: opts.out,
            includeDrafts: opts.includeDrafts,
            onProgress: (p) => progress.update(p.phase, p.done, p.total),
          }),
        );
        progress.stop();
        const line = `wrote ${opts.out === "-" ? "standard output" : terminalText(opts.out)} (${opts.format}${meta.includeDrafts ? ", drafts included" : ", published only"}): ${describeCounts(meta.counts)}; sha256 ${meta.sha256}`;
        // Keep standard output clean when the snapshot itself goes there.
        (opts.out === "-" ? console.error : console.log)(line);
      } finally {
        progress.stop();
      }
    });

  snapshot
    .command("import")
    .description(
      "validate a snapshot (JSON, NDJSON or CSV folder) and load it in one transaction " +
        "(on SQLite the server's writes are refused while it runs: load a large one with the server stopped)",
    )
    .requiredOption("--in <file>", "snapshot file or CSV folder")
    .addOption(
      new Option("--mode <mode>", "merge: upsert by slug/code; replace: the directory becomes exactly the file")
        .choices([...IMPORT_MODES])
        .default("merge"),
    )
    .option("--dry-run", "print what would be added, changed and removed; write nothing", false)
    .option("--ignore-checksum", "load a file whose content no longer matches meta.sha256 (hand-edited)", false)
    .action(async (opts: { in: string; mode: ImportMode; dryRun: boolean; ignoreChecksum: boolean }) => {
      const progress = progressReporter();
      try {
        const result = await db.openMigrated((ds) =>
          importSnapshotFile(ds, opts.in, {
            mode: opts.mode,
            dryRun: opts.dryRun,
            ignoreChecksum: opts.ignoreChecksum,
            audit: db.auditTrail,
            onProgress: (p) => progress.update(p.phase, p.done, p.total),
          }),
        );
        progress.stop();
        if (!result.snapshot.checksumMatches)
          console.error(
            `warning: ${terminalText(opts.in)}: the content no longer matches meta.sha256/meta.counts (loading it anyway: --ignore-checksum)`,
          );
        const t = diffTotals(result.diff);
        const kept = opts.mode === "merge" && result.kept ? `; ${result.kept} record(s) not in the file kept` : "";
        if (result.dryRun) {
          console.log(
            `dry run (${opts.mode}): nothing was written. The import would make ${t.added} addition(s), ${t.changed} change(s), ${t.removed} removal(s)${kept}.`,
          );
          if (!result.diff.identical) console.log(formatDiffText(result.diff));
        } else {
          console.log(
            `imported ${terminalText(opts.in)} (${opts.mode}): ${t.added} added, ${t.changed} changed, ${t.removed} removed${kept}`,
          );
        }
      } finally {
        progress.stop();
      }
    });

  snapshot
    .command("diff")
    .description("compare two snapshots (files or CSV folders, any mix of formats): added, removed and changed records")
    .argument("<a>", "the older snapshot")
    .argument("<b>", "the newer snapshot")
    .addOption(new Option("--format <format>", "output").choices(["text", "json"]).default("text"))
    .action(async (a: string, b: string, opts: { format: "text" | "json" }) => {
      // A diff writes nothing: files of data older than a rule still compare (diff-files.ts).
      const { diff, from, to } = await diffSnapshotFiles(a, b);
      for (const [file, s] of [
        [a, from],
        [b, to],
      ] as const) {
        if (!s.checksumMatches)
          console.error(
            `warning: ${terminalText(file)}: the content no longer matches meta.sha256/meta.counts (hand-edited?)`,
          );
      }
      if (opts.format === "json") {
        console.log(
          terminalJson(
            {
              from: { file: a, sha256: from.meta.sha256 },
              to: { file: b, sha256: to.meta.sha256 },
              ...diff,
              totals: diffTotals(diff),
            },
            2,
          ),
        );
      } else {
        console.log(`${terminalText(a)} → ${terminalText(b)}`);
        console.log(formatDiffText(diff));
      }
    });
}
