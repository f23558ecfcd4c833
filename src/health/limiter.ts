/** Runs at most `max` tasks at once; the others wait in order. (No `vscode` import.) */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private peakValue = 0;

  constructor(readonly max: number) {}

  /** The most tasks that ran at the same time (for tests and the bench). */
  get peak(): number {
    return this.peakValue;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so `running` never exceeds `max`.
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    this.peakValue = Math.max(this.peakValue, this.running);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
