/**
 * Whether an automatic refresh is due: the feature is on (log groups set), automatic refreshes are on
 * (refreshMinutes > 0), the window has focus, and the last refresh (epoch ms, undefined = none yet) is at least
 * refreshMinutes old.
 */
export function refreshDue(state: { logGroups: number; refreshMinutes: number; focused: boolean; lastAt: number | undefined; now: number }): boolean {
  if (state.logGroups === 0 || state.refreshMinutes <= 0 || !state.focused) return false;
  return state.lastAt === undefined || state.now - state.lastAt >= state.refreshMinutes * 60_000;
}
