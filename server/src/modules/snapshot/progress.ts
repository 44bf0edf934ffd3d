import cliProgress from "cli-progress";

export interface ProgressReporter {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

/**
 * Progress bars on standard error for long CLI runs, only when it is a terminal: piped or
 * redirected output (CI, scripts, tests) stays quiet.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update() {}, stop() {} };
  let bar: cliProgress.SingleBar | null = null;
  let current = "";
  return {
    update(phase, done, total) {
      if (phase !== current) {
        bar?.stop();
        current = phase;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${phase.padEnd(9)} [{bar}] {percentage}% | {value}/{total} records | {eta_formatted}`,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), 0);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
