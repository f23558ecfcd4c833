/**
 * Spaces calls under one key at least `intervalMs` apart (an API's per-second limit), in the order they
 * asked. `sleep` is injectable for tests.
 */
export class RateGate {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when a call under `key` may go. */
  async turn(key: string): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.next.get(key) ?? 0);
    this.next.set(key, at + this.intervalMs);
    if (at > now) await this.sleep(at - now);
  }
}
