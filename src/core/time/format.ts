/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, as Logs Insights prints `@timestamp`. */
export function insightsTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** `YYYY-MM-DD HH:MM:SS UTC` (with milliseconds when asked); `—` when there is no date. */
export function utcText(date: Date | undefined, withMillis = false): string {
  if (!date) return '—';
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withMillis ? 23 : 19)} UTC`;
}

/** `18:00 UTC` on the day of `now`, else `2026-12-08 09:00 UTC`. */
export function shortUtcText(date: Date, now: Date): string {
  const iso = date.toISOString();
  return iso.slice(0, 10) === now.toISOString().slice(0, 10) ? `${iso.slice(11, 16)} UTC` : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
