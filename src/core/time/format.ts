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
