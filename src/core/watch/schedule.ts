import { nextDelaySeconds } from '../time/backoff';

/** What decides when the next automatic read of a view's data is due. */
export interface ReadTiming {
  readonly focused: boolean;
  readonly visible: boolean;
  /** The data feeds more than its view (status bar, badge, notifications): read while it is hidden too. */
  readonly whileHidden: boolean;
  /** `opsLens.refreshIntervalSeconds`; 0 = only on demand. */
  readonly intervalSeconds: number;
  /** The interval while the window is not focused (only with `whileHidden`); 0 = no reads then. */
  readonly backgroundSeconds: number;
  /** Consecutive reads that failed: the interval doubles with each, up to ten minutes. */
  readonly consecutiveFailures: number;
  /** When the last read ended (ms since the epoch); undefined before the first. */
  readonly lastReadAt?: number;
  readonly now: number;
  /** The window was just focused: a read older than one interval is due now, whatever the backoff. */
  readonly refocused?: boolean;
}

/** The interval in force, in seconds: the refresh interval while focused, the background one while not; 0 = no reads. */
export function intervalInForce(t: Pick<ReadTiming, 'focused' | 'visible' | 'whileHidden' | 'intervalSeconds' | 'backgroundSeconds'>): number {
  if (t.intervalSeconds === 0) return 0;
  if (!t.whileHidden) return t.visible && t.focused ? t.intervalSeconds : 0;
  return t.focused ? t.intervalSeconds : t.backgroundSeconds;
}

/**
 * Milliseconds until the next automatic read, or undefined when none is due in this state. The delay
 * counts from the last read, so focus and visibility changes never postpone a read. A view read only
 * while shown waits a whole interval for its first timed read (showing it reads it); a watch reads at once.
 */
export function nextReadDelayMs(t: ReadTiming): number | undefined {
  const interval = intervalInForce(t);
  if (interval === 0) return undefined;
  if (t.lastReadAt === undefined) return t.whileHidden ? 0 : interval * 1000;
  const wait = t.refocused && t.now - t.lastReadAt >= interval * 1000 ? 0 : nextDelaySeconds(interval, t.consecutiveFailures) * 1000;
  return Math.max(0, t.lastReadAt + wait - t.now);
}

/** A read takes a moment and timers drift: data is stale only once it is older than one interval and this. */
export const READ_ALLOWANCE_MS = 15_000;

/** Data read at `readAt` is older than one interval (`intervalSeconds` 0: never stale by age). */
export function isStale(readAt: Date, now: Date, intervalSeconds: number): boolean {
  return intervalSeconds > 0 && now.getTime() - readAt.getTime() > intervalSeconds * 1000 + READ_ALLOWANCE_MS;
}

/** When data read at `readAt` turns stale, in ms from `now`; undefined when it never does or already is. */
export function msUntilStale(readAt: Date, now: Date, intervalSeconds: number): number | undefined {
  if (intervalSeconds <= 0) return undefined;
  const left = readAt.getTime() + intervalSeconds * 1000 + READ_ALLOWANCE_MS - now.getTime();
  return left >= 0 ? left + 1 : undefined;
}
