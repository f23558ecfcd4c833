/**
 * The one way Ops Lens writes a time: 24-hour, in the zone `opsLens.timeZone` chooses, with the zone
 * always written ("2026-12-02 02:56:53 UTC", "03:56 UTC+1"). Charts, panels, documents and trees all
 * format through here, so a header, an axis and a timeline agree.
 */
export type TimeZone = 'utc' | 'local';

export function parseTimeZone(value: unknown): TimeZone {
  return value === 'utc' ? 'utc' : 'local';
}

/** Minutes east of UTC in `zone` at the instant `ms`. */
export function offsetMinutes(ms: number, zone: TimeZone): number {
  if (zone === 'utc') return 0;
  const offset = -new Date(ms).getTimezoneOffset();
  return offset === 0 ? 0 : offset;
}

/** "UTC", "UTC+1", "UTC+5:30", "UTC-3": the zone's name at that instant. */
export function zoneName(ms: number, zone: TimeZone): string {
  const offset = offsetMinutes(ms, zone);
  if (offset === 0) return 'UTC';
  const sign = offset > 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

interface Parts {
  readonly date: string;
  readonly hm: string;
  readonly seconds: string;
  readonly millis: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(ms: number, zone: TimeZone): Parts {
  const shifted = new Date(ms + offsetMinutes(ms, zone) * 60_000);
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    hm: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
    seconds: pad(shifted.getUTCSeconds()),
    millis: pad(shifted.getUTCMilliseconds(), 3),
  };
}

export interface TimeFormat {
  /** Also seconds (default true). */
  readonly seconds?: boolean;
  /** Also milliseconds (implies seconds). */
  readonly millis?: boolean;
  /** Leave the zone's name off: for columns and axes whose title already names it. */
  readonly bare?: boolean;
}

function clockOf(p: Parts, format: TimeFormat): string {
  if (format.millis) return `${p.hm}:${p.seconds}.${p.millis}`;
  return format.seconds === false ? p.hm : `${p.hm}:${p.seconds}`;
}

const valid = (ms: number) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/** "02:56:53 UTC": a time of day. */
export function formatClock(ms: number, zone: TimeZone, format: TimeFormat = {}): string {
  if (!valid(ms)) return '—';
  const text = clockOf(parts(ms, zone), format);
  return format.bare ? text : `${text} ${zoneName(ms, zone)}`;
}

/** "2026-12-02 02:56:53 UTC": a date and time. */
export function formatDateTime(ms: number, zone: TimeZone, format: TimeFormat = {}): string {
  if (!valid(ms)) return '—';
  const p = parts(ms, zone);
  const text = `${p.date} ${clockOf(p, format)}`;
  return format.bare ? text : `${text} ${zoneName(ms, zone)}`;
}

/** A date and time, or `—` for none. */
export function formatDate(date: Date | undefined, zone: TimeZone, format: TimeFormat = {}): string {
  return date ? formatDateTime(date.getTime(), zone, format) : '—';
}

/** "2026-12-02" in the zone. */
export function formatDay(ms: number, zone: TimeZone): string {
  return valid(ms) ? parts(ms, zone).date : '—';
}

/** "2026-12-02 02:26 – 02:57 UTC" (the date again on the right when the range crosses midnight). */
export function formatSpan(start: number, end: number, zone: TimeZone, format: TimeFormat = { seconds: false }): string {
  const from = formatDateTime(start, zone, { ...format, bare: true });
  const sameDay = formatDay(start, zone) === formatDay(end, zone);
  const to = sameDay ? formatClock(end, zone, format) : formatDateTime(end, zone, format);
  return `${from} – ${to}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];

export interface TimeTicks {
  /** Tick instants (epoch ms), oldest first, on round times of the zone. */
  readonly at: number[];
  readonly step: number;
  /** One label per tick: "HH:MM", with the date where the day changes (or days when ticks are days apart). */
  readonly labels: string[];
}

/**
 * Ticks for a time axis from `start` to `end` (epoch ms): at most `most` of them, on round minutes,
 * hours or days of the zone. The chart's axis and the investigation's timeline both use these.
 */
export function timeTicks(start: number, end: number, zone: TimeZone, most: number): TimeTicks {
  if (!valid(start) || !valid(end) || end <= start) return { at: [], step: MINUTE, labels: [] };
  const limit = Math.max(2, Math.floor(most));
  const step = STEPS.find((s) => (end - start) / s <= limit) ?? Math.ceil((end - start) / limit / DAY) * DAY;
  const offset = offsetMinutes(start, zone) * MINUTE;
  const at: number[] = [];
  for (let local = Math.ceil((start + offset) / step) * step; local - offset <= end && at.length <= limit + 1; local += step) {
    // A tick stays on the zone's round time even when the offset changes (daylight saving) inside the range.
    const t = local - offsetMinutes(local - offset, zone) * MINUTE;
    if (t >= start && t <= end) at.push(t);
  }
  const labels = at.map((t, i) => {
    const p = parts(t, zone);
    if (step >= DAY) return p.date.slice(5);
    const newDay = i === 0 ? end - start > DAY || p.hm === '00:00' : parts(at[i - 1], zone).date !== p.date;
    return newDay ? `${p.date.slice(5)} ${p.hm}` : p.hm;
  });
  return { at, step, labels };
}

/** "Time (UTC+1)": the title of a time axis over that instant. */
export function axisTitle(ms: number, zone: TimeZone): string {
  return `Time (${zoneName(ms, zone)})`;
}

/** "18:00 UTC+1" on the day of `now` (in the zone), else "2026-12-08 09:00 UTC+1". */
export function formatShort(ms: number, now: number, zone: TimeZone): string {
  if (!valid(ms)) return '—';
  return formatDay(ms, zone) === formatDay(now, zone) ? formatClock(ms, zone, { seconds: false }) : formatDateTime(ms, zone, { seconds: false });
}
