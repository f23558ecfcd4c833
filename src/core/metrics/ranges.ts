/** The time ranges a chart offers, newest data last. */
export type RangeKey = '1h' | '3h' | '12h' | '24h' | '3d' | '7d';

export const RANGES: readonly RangeKey[] = ['1h', '3h', '12h', '24h', '3d', '7d'];

export const DEFAULT_RANGE: RangeKey = '3h';

const HOUR = 3600;

const RANGE_SECONDS: Record<RangeKey, number> = {
  '1h': HOUR,
  '3h': 3 * HOUR,
  '12h': 12 * HOUR,
  '24h': 24 * HOUR,
  '3d': 72 * HOUR,
  '7d': 168 * HOUR,
};

export const RANGE_LABEL: Record<RangeKey, string> = {
  '1h': '1 hour',
  '3h': '3 hours',
  '12h': '12 hours',
  '24h': '24 hours',
  '3d': '3 days',
  '7d': '7 days',
};

export function isRangeKey(value: unknown): value is RangeKey {
  return typeof value === 'string' && (RANGES as readonly string[]).includes(value);
}

export function rangeSeconds(range: RangeKey): number {
  return RANGE_SECONDS[range];
}

export interface TimeWindow {
  /** Epoch milliseconds. */
  readonly start: number;
  readonly end: number;
}

/**
 * The window that ends now, aligned to the minute so that consecutive refreshes ask for the same
 * period boundaries (CloudWatch aligns periods to the start time).
 */
export function timeWindow(range: RangeKey, now: number): TimeWindow {
  const end = Math.ceil(now / 60000) * 60000;
  return { start: end - rangeSeconds(range) * 1000, end };
}

/** Seconds of an ISO 8601 duration such as `PT3H`, `P1D`, `-P7D`, `P1W`; undefined when it is not one. */
export function durationSeconds(text: string): number | undefined {
  const m = /^-?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const [, w, d, h, min, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  const total = w * 7 * 86400 + d * 86400 + h * 3600 + min * 60 + s;
  return total > 0 ? total : undefined;
}

/** A dashboard's `start` (e.g. `-PT3H`) as one of our ranges, when it is exactly one of them. */
export function rangeFromDuration(text: unknown): RangeKey | undefined {
  if (typeof text !== 'string') return undefined;
  const seconds = durationSeconds(text);
  return RANGES.find((r) => RANGE_SECONDS[r] === seconds);
}

/**
 * The shortest range that shows the alarm's latest state change with some time before it (a quarter of the time
 * since, at least 15 minutes), so the change is not a sliver of 24 hours; 24 hours when the change is not known.
 */
export function rangeAroundChange(changedAt: number | undefined, now: number): RangeKey {
  if (changedAt === undefined || !Number.isFinite(changedAt)) return '24h';
  const since = Math.max(0, now - changedAt) / 1000;
  const needed = since + Math.max(15 * 60, since / 4);
  return RANGES.find((r) => RANGE_SECONDS[r] >= needed) ?? '7d';
}
