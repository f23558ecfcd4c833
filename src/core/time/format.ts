/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, as Logs Insights prints `@timestamp`. */
export function insightsTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
