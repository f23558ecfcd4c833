/**
 * Runs the calls under one key one at a time, each starting at least `intervalMs` after the previous one
 * ended (an API's per-second limit: spacing from the end holds however late a call leaves or lands).
 * `sleep` is injectable for tests.
 */
export class RateGate {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly intervalMs: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      void this.sleep(this.intervalMs).then(() => {
        release();
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
    }
  }
}
