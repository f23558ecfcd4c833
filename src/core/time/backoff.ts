/** The interval doubles with each consecutive failure, up to ten minutes (or the interval itself when longer). */
export function nextDelaySeconds(intervalSeconds: number, consecutiveFailures: number): number {
  const cap = Math.max(600, intervalSeconds);
  return Math.min(cap, intervalSeconds * 2 ** Math.min(consecutiveFailures, 10));
}

/** Counts consecutive failed refreshes; the next automatic refresh waits longer while they fail. */
export class RefreshBackoff {
  private failed = 0;

  get consecutiveFailures(): number {
    return this.failed;
  }

  record(ok: boolean): void {
    this.failed = ok ? 0 : this.failed + 1;
  }

  delaySeconds(intervalSeconds: number): number {
    return nextDelaySeconds(intervalSeconds, this.failed);
  }
}

/**
 * A health endpoint that is down is checked again after its interval (to confirm), then after twice and
 * from then on four times its interval while it stays down; the first check that finds it up restores
 * the interval. A manual check always runs at once.
 */
export function downEndpointDelaySeconds(intervalSeconds: number, consecutiveDown: number): number {
  return intervalSeconds * 2 ** Math.min(Math.max(consecutiveDown - 1, 0), 2);
}
