/**
 * Runs a task so that every caller gets a run that started after it called, with at most one run
 * at a time. A run already going may have started before something the caller needs it to see
 * (its own write, say), so callers arriving meanwhile wait for the run that follows it, which they
 * all share: however many ask, at most two runs, one after the other.
 */
export class RunsAfterCall<T> {
  private running: Promise<T> | null = null;
  private following: Promise<T> | null = null;

  constructor(private readonly task: () => Promise<T>) {}

  /** Whether a run is going (a caller now gets the one that follows, shared with others). */
  get busy(): boolean {
    return this.running !== null;
  }

  /** The result of a run that started after this call. */
  next(): Promise<T> {
    if (!this.running) return this.start();
    this.following ??= this.running.then(
      () => this.afterRunning(),
      () => this.afterRunning(),
    );
    return this.following;
  }

  private afterRunning(): Promise<T> {
    this.following = null;
    return this.start();
  }

  private start(): Promise<T> {
    const run = this.task();
    this.running = run;
    const done = () => {
      if (this.running === run) this.running = null;
    };
    run.then(done, done);
    return run;
  }
}
