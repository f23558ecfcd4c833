/** The interval doubles with each consecutive failure, up to ten minutes (or the interval itself when longer). */
export function nextDelaySeconds(intervalSeconds: number, consecutiveFailures: number): number {
  const cap = Math.max(600, intervalSeconds);
  return Math.min(cap, intervalSeconds * 2 ** Math.min(consecutiveFailures, 10));
}
