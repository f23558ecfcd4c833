/** Automatic refreshes run at most this often, whatever `refreshMinutes` says. */
export const MIN_REFRESH_MINUTES = 5;
/** The longest range an automatic refresh reads; a longer one is read only by the refresh command. */
export const MAX_AUTOMATIC_RANGE_DAYS = 7;
/** A refresh starts no further query once this much is scanned (about $0.25 at $0.005 per GB). */
export const MAX_REFRESH_BYTES = 50 * 1024 ** 3;

/**
 * Whether an automatic refresh is due: the feature is on (log groups set), automatic refreshes are on
 * (refreshMinutes > 0), the window has focus, and the last refresh (epoch ms, undefined = none yet) is at least
 * refreshMinutes old.
 */
export function refreshDue(state: { logGroups: number; refreshMinutes: number; focused: boolean; lastAt: number | undefined; now: number }): boolean {
  if (state.logGroups === 0 || state.refreshMinutes <= 0 || !state.focused) return false;
  return state.lastAt === undefined || state.now - state.lastAt >= Math.max(MIN_REFRESH_MINUTES, state.refreshMinutes) * 60_000;
}

/** Why an automatic refresh does not read a window, or undefined when it may. */
export function automaticWindowRefusal(window: { start: Date; end: Date }, range: string): string | undefined {
  if (window.end.getTime() - window.start.getTime() <= MAX_AUTOMATIC_RANGE_DAYS * 86_400_000) return undefined;
  return `opsLens.productionErrors.range (${range}) is longer than ${MAX_AUTOMATIC_RANGE_DAYS} days, which automatic refreshes never read: run "Ops Lens: Refresh Production Errors" to read it`;
}
