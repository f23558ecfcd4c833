/** The ranges the range pick offers first; any other duration or window can be typed. */
export const RANGES = ['15m', '1h', '3h', '12h', '24h', '3d', '7d'] as const;
export type RangeName = (typeof RANGES)[number];

/** What an invalid range message names. */
export const RANGE_FORMS = 'a duration such as 30m, 2h, 14d or 2w, or a window such as 2026-11-22T15:00Z..2026-11-22T16:30Z (UTC, or with an offset such as +01:00)';

/** A time range as people write it: relative to now, or an absolute window. */
export type TimeRange =
  | { readonly kind: 'relative'; readonly ms: number; readonly amount: number; readonly unit: DurationUnit }
  | { readonly kind: 'absolute'; readonly start: Date; readonly end: Date };

type DurationUnit = 's' | 'm' | 'h' | 'd' | 'w';

const UNIT_MS: Record<DurationUnit, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const UNIT_NAMES: Record<DurationUnit, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' };
const UNIT_ALIASES: Readonly<Record<string, DurationUnit>> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', week: 'w', weeks: 'w',
};
const RELATIVE = /^(\d{1,6})\s*([a-z]{1,7})$/i;
/** Logs Insights keeps no events older than its retention; ten years is past any of them. */
const MAX_RELATIVE_MS = 10 * 366 * 86_400_000;
const INSTANT = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3}))?)?\s*(Z|UTC|[+-]\d\d:?\d\d)$/i;

/** `30m`, `2h`, `14d`, `2w`, `90 minutes`; or `2026-11-22T15:00Z..2026-11-22T16:30Z`. Undefined for anything else. */
export function parseTimeRange(text: string): TimeRange | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 100) return undefined;
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    const unit = UNIT_ALIASES[(relative[2] ?? '').toLowerCase()];
    const amount = Number(relative[1]);
    const ms = unit === undefined ? 0 : amount * UNIT_MS[unit];
    return unit !== undefined && ms > 0 && ms <= MAX_RELATIVE_MS ? { kind: 'relative', ms, amount, unit } : undefined;
  }
  const parts = trimmed.split('..');
  if (parts.length !== 2) return undefined;
  const start = parseInstant(parts[0] ?? '');
  const end = parseInstant(parts[1] ?? '');
  return start && end && start.getTime() < end.getTime() ? { kind: 'absolute', start, end } : undefined;
}

/** An ISO 8601 instant with minutes, a zone (`Z`, `UTC` or `±HH:MM`), optional seconds and milliseconds. */
export function parseInstant(text: string): Date | undefined {
  const m = INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined;
  const zone = (m[8] ?? 'Z').toUpperCase();
  if (zone === 'Z' || zone === 'UTC') return new Date(utc);
  const z = /^([+-])(\d\d):?(\d\d)$/.exec(zone);
  if (!z || Number(z[2]) > 14 || Number(z[3]) > 59) return undefined;
  const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000 * (z[1] === '-' ? -1 : 1);
  return new Date(utc - offset);
}

/** `15m`, `3h`, `7d`, `2w` → milliseconds; undefined for anything else, absolute windows included. */
export function rangeMs(range: string): number | undefined {
  const parsed = parseTimeRange(range);
  return parsed?.kind === 'relative' ? parsed.ms : undefined;
}

/** "last 30 minutes", or the window in UTC for an absolute range. */
export function rangeLabel(range: string): string {
  const parsed = parseTimeRange(range);
  if (!parsed) return range;
  if (parsed.kind === 'absolute') return utcWindowLabel(parsed.start, parsed.end);
  return `last ${parsed.amount} ${UNIT_NAMES[parsed.unit]}${parsed.amount === 1 ? '' : 's'}`;
}

/** The window of a range: ending now for a duration, as written for an absolute one. */
export function windowFor(range: string, now = new Date()): { start: Date; end: Date } | undefined {
  const parsed = parseTimeRange(range);
  if (!parsed) return undefined;
  return parsed.kind === 'absolute' ? { start: parsed.start, end: parsed.end } : { start: new Date(now.getTime() - parsed.ms), end: now };
}

/** `2026-11-22 15:00:00 – 2026-11-22 16:30:00 UTC` (the end's date dropped when it is the same day). */
export function utcWindowLabel(start: Date, end: Date): string {
  const s = start.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
  const e = end.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
  return `${s} – ${e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e} UTC`;
}

/** `2026-11-22T15:00Z..2026-11-22T16:30Z`: a window as a range, widened to whole minutes (start down, end up). */
export function absoluteRange(startMs: number, endMs: number): string {
  const minute = (ms: number, up: boolean): string => `${new Date((up ? Math.ceil(ms / 60_000) : Math.floor(ms / 60_000)) * 60_000).toISOString().slice(0, 16)}Z`;
  return `${minute(startMs, false)}..${minute(endMs, true)}`;
}
