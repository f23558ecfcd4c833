import type { TimeUnit } from '../../../../src/core/insights/ast';

const FIXED_MS: Partial<Record<TimeUnit, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const MONTHS: Partial<Record<TimeUnit, number>> = { mo: 1, q: 3, y: 12 };

/** Length of a period in ms; calendar units count as 30-day months. */
export function periodMs(amount: number, unit: TimeUnit): number {
  return amount * (FIXED_MS[unit] ?? (MONTHS[unit] ?? 1) * 30 * 86_400_000);
}

/** Rounds down to a multiple of the period since the epoch (calendar months for `mo`, `q`, `y`), in UTC. */
export function floorTime(ms: number, amount: number, unit: TimeUnit): number {
  const size = Math.max(1, amount);
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) {
    const step = size * fixed;
    return Math.floor(ms / step) * step;
  }
  const step = size * (MONTHS[unit] ?? 1);
  const d = new Date(ms);
  const months = d.getUTCFullYear() * 12 + d.getUTCMonth();
  const floored = Math.floor(months / step) * step;
  return Date.UTC(Math.floor(floored / 12), floored % 12, 1);
}

export function ceilTime(ms: number, amount: number, unit: TimeUnit): number {
  const floored = floorTime(ms, amount, unit);
  if (floored === ms) {
    return ms;
  }
  const size = Math.max(1, amount);
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) {
    return floored + size * fixed;
  }
  const d = new Date(floored);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + size * (MONTHS[unit] ?? 1), 1);
}
