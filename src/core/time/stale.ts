import { quoted } from '../text/notification';
import { formatClock, formatDateTime, type TimeZone } from './zone';

/** The info row of a view whose refresh failed: what it shows instead, and since when. */
export function staleRowLabel(items: string, lastGood: Date | undefined, zone: TimeZone): string {
  return lastGood ? `Stale: ${items} as of ${formatClock(lastGood.getTime(), zone)} — refresh failed` : `Could not load ${items}`;
}

/** The tooltip of that row: the reason, and the time of the last good read. */
export function staleTooltip(reason: string, lastGood: Date | undefined, now: Date, zone: TimeZone): string {
  if (!lastGood) return reason;
  const minutes = Math.floor((now.getTime() - lastGood.getTime()) / 60000);
  const ago = minutes < 1 ? 'less than a minute ago' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  return `${reason}\n\nLast good read: ${formatDateTime(lastGood.getTime(), zone)} (${ago}). Refreshing again retries.`;
}

/** The marker on the root of a scope whose latest read failed: since when its items are stale, and why (one line). */
export function staleMarker(staleSince: Date, reason: string, zone: TimeZone): string {
  return `stale since ${formatClock(staleSince.getTime(), zone, { seconds: false })} — ${quoted(reason, 80)}`;
}
