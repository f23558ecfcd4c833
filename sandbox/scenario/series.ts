import { HOUR_MS, MINUTE_MS } from './constants';
import { seededRandom, type Random } from './random';

/** A change to the baseline between two moments, given in minutes before "now". */
export interface SeriesEvent {
  from: number;
  to: number;
  /** `set` replaces the value, `add` adds to it, `ramp` moves linearly from the baseline to `value`. */
  mode: 'set' | 'add' | 'ramp';
  value: number;
}

/** How a metric behaves over time; turned into data points by `buildSeries`. */
export interface SeriesShape {
  base: number;
  /** ± uniform noise (absolute). */
  noise?: number;
  /** Amplitude of a daily cycle that peaks at 15:00 UTC. */
  daily?: number;
  /** Growth per hour; `base` is the value now. */
  trendPerHour?: number;
  events?: SeriesEvent[];
  /** Treat the value as the mean of a count and draw whole numbers around it. */
  counts?: boolean;
  decimals?: number;
  min?: number;
  max?: number;
  /** Minutes between points (default 1). */
  intervalMinutes?: number;
  /** How far back the data goes (default 24 h). */
  spanHours?: number;
  /** No points for the most recent N minutes (the metric stopped reporting). */
  gapMinutes?: number;
  /** Several samples per point (a latency distribution whose tail is the value) so percentiles mean something. */
  samples?: number;
}

export interface SeriesPoint {
  timestamp: Date;
  value: number;
  /** Set when the shape asks for `samples`; `value` is then their maximum. */
  values?: number[];
}

/** Points, oldest first, aligned to whole intervals ending at `now`. */
export function buildSeries(key: string, shape: SeriesShape, now: Date): SeriesPoint[] {
  const random = seededRandom(key);
  const interval = (shape.intervalMinutes ?? 1) * MINUTE_MS;
  const end = Math.floor(now.getTime() / interval) * interval;
  const count = Math.round(((shape.spanHours ?? 24) * HOUR_MS) / interval);
  const points: SeriesPoint[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const t = end - i * interval;
    const minutesAgo = (now.getTime() - t) / MINUTE_MS;
    if (shape.gapMinutes !== undefined && minutesAgo < shape.gapMinutes) continue;
    const value = valueAt(shape, t, minutesAgo, random);
    const point: SeriesPoint = { timestamp: new Date(t), value };
    if (shape.samples && shape.samples > 1) {
      const values = [value];
      for (let s = 1; s < shape.samples; s++) values.push(round(value * (0.3 + random() * 0.45), shape.decimals));
      point.values = values;
    }
    points.push(point);
  }
  return points;
}

function valueAt(shape: SeriesShape, t: number, minutesAgo: number, random: Random): number {
  const hoursAgo = minutesAgo / 60;
  let v = shape.base - (shape.trendPerHour ?? 0) * hoursAgo;
  if (shape.daily) {
    const hourOfDay = (t % (24 * HOUR_MS)) / HOUR_MS;
    v += shape.daily * Math.sin(((hourOfDay - 9) / 24) * 2 * Math.PI);
  }
  if (shape.noise && !shape.counts) v += shape.noise * (random() * 2 - 1);
  for (const e of shape.events ?? []) {
    if (minutesAgo > e.from || minutesAgo < e.to) continue;
    if (e.mode === 'set') v = e.value;
    else if (e.mode === 'add') v += e.value;
    else v += (e.value - v) * ((e.from - minutesAgo) / Math.max(1, e.from - e.to));
  }
  if (shape.counts) v = poisson(Math.max(0, v), random);
  if (shape.min !== undefined) v = Math.max(shape.min, v);
  if (shape.max !== undefined) v = Math.min(shape.max, v);
  return round(v, shape.counts ? 0 : shape.decimals);
}

function poisson(mean: number, random: Random): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function round(v: number, decimals = 2): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
