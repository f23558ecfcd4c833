import { formatShort, type TimeZone } from '../time/zone';

/** The words of a definition's live state, as its CodeLens shows them. */

const STATE: Record<string, string> = { ALARM: 'In alarm', OK: 'OK', INSUFFICIENT_DATA: 'Insufficient data' };

export function alarmStateText(state: string, since: Date | undefined, now: Date, zone: TimeZone = 'utc'): string {
  const label = STATE[state] ?? state;
  return since ? `${label} since ${formatShort(since.getTime(), now.getTime(), zone)} (${ago(since, now)})` : label;
}

export function executionsText(recent: number, failed: number, more: boolean): string {
  if (recent === 0) return 'No executions yet';
  const count = `${recent}${more ? '+' : ''} recent execution${recent === 1 ? '' : 's'}`;
  return failed ? `${count}, ${failed} failed` : `${count}, none failed`;
}

export function logGroupText(storedBytes: number | undefined, retentionDays: number | undefined): string {
  const stored = storedBytes === undefined ? 'size unknown' : `${bytes(storedBytes)} stored`;
  return `${stored}, ${retentionDays ? `kept ${retentionDays} days` : 'kept forever'}`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function ago(at: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - at.getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
