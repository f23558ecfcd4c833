import { quoted } from '../text/notification';

/** `HH:MM:SS` in local time: when a view last read its items. */
export function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** The info row of a view whose refresh failed: what it shows instead, and since when. */
export function staleRowLabel(items: string, lastGood: Date | undefined): string {
  return lastGood ? `Stale: ${items} as of ${clockTime(lastGood)} — refresh failed` : `Could not load ${items}`;
}

/** The tooltip of that row: the reason, and the time of the last good read. */
export function staleTooltip(reason: string, lastGood: Date | undefined, now: Date): string {
  if (!lastGood) return reason;
  const minutes = Math.floor((now.getTime() - lastGood.getTime()) / 60000);
  const ago = minutes < 1 ? 'less than a minute ago' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  return `${reason}\n\nLast good read: ${lastGood.toISOString().replace('T', ' ').slice(0, 19)} UTC (${ago}). Refreshing again retries.`;
}

/** The marker on the root of a scope whose latest read failed: since when its items are stale, and why (one line). */
export function staleMarker(staleSince: Date, reason: string): string {
  return `stale since ${clockTime(staleSince).slice(0, 5)} — ${quoted(reason, 80)}`;
}
