/**
 * One run at a time. A request while a run is under way joins it when the inputs are those it started with;
 * after `inputsChanged()`, a request runs once more after the current run (requests meanwhile share that one
 * run, their options merged), so nobody is handed a result read with settings that no longer hold.
 */
export class CoalescedRun<Options, Result> {
  private running: Promise<Result> | undefined;
  private generation = 0;
  private runningGeneration = 0;
  private queued: { options: Options; promise: Promise<Result> } | undefined;

  constructor(
    private readonly start: (options: Options) => Promise<Result>,
    private readonly merge: (earlier: Options, later: Options) => Options,
  ) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  inputsChanged(): void {
    this.generation++;
  }

  request(options: Options): Promise<Result> {
    if (this.running && this.runningGeneration === this.generation) return this.running;
    if (this.running) {
      if (this.queued) {
        this.queued.options = this.merge(this.queued.options, options);
        return this.queued.promise;
      }
      const after = this.running.catch(() => undefined);
      const queued: { options: Options; promise: Promise<Result> } = {
        options,
        promise: after.then((): Promise<Result> => {
          this.queued = undefined;
          return this.request(queued.options);
        }),
      };
      this.queued = queued;
      return queued.promise;
    }
    this.runningGeneration = this.generation;
    const running = this.start(options).finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }
}
