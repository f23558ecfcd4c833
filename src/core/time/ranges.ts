export const RANGES = ['15m', '1h', '3h', '12h', '24h', '3d', '7d'] as const;
export type RangeName = (typeof RANGES)[number];

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `15m`, `3h`, `7d`, `2w` → milliseconds; undefined for anything else. */
export function rangeMs(range: string): number | undefined {
  const m = /^\s*(\d+)\s*([mhdw])\s*$/i.exec(range);
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2].toLowerCase()];
  return ms > 0 ? ms : undefined;
}

export function rangeLabel(range: string): string {
  const m = /^\s*(\d+)\s*([mhdw])\s*$/i.exec(range);
  if (!m) return range;
  const unit = { m: 'minute', h: 'hour', d: 'day', w: 'week' }[m[2].toLowerCase() as 'm'] ?? '';
  return `last ${m[1]} ${unit}${m[1] === '1' ? '' : 's'}`;
}

/** The window ending now for a range name. */
export function windowFor(range: string, now = new Date()): { start: Date; end: Date } | undefined {
  const ms = rangeMs(range);
  return ms === undefined ? undefined : { start: new Date(now.getTime() - ms), end: now };
}
