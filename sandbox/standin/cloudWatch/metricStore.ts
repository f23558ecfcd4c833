import type { Input } from '../input';
import { asInput, objectList, optionalNumber, optionalString, optionalTimeMs } from '../input';
import { seriesOf, type Series } from './metricMath/series';
import { parseExtendedStatistic, type ExtendedStatistic, type StatBound } from '../../../src/core/metrics/statistics';

/** One PutMetricData datum as kept: its time and the samples it carries. */
interface StoredDatum {
  /** Epoch milliseconds. */
  readonly time: number;
  readonly unit?: string;
  /** Single samples (a `Value`, or `Values` repeated by their `Counts`). */
  readonly samples: readonly number[];
  /** A `StatisticValues` datum: its summary (no samples, so no percentiles). */
  readonly summary?: { readonly sum: number; readonly min: number; readonly max: number; readonly count: number };
}

/** A metric's identity: namespace, name and the set of its dimensions (order does not matter, as in CloudWatch). */
export function metricIdentity(namespace: string, metricName: string, dimensions: readonly Input[]): string {
  const dims = dimensions
    .map((d) => [optionalString(d, 'Name') ?? '', optionalString(d, 'Value') ?? ''] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`);
  return JSON.stringify([namespace, metricName, ...dims]);
}

const BASIC_STATS = new Set(['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount']);
const PERCENTILE = /^p(\d{1,2}(?:\.\d+)?|100)$/;

/** Whether {@link MetricStore.statistic} computes this statistic. */
export function isStoredStatistic(stat: string): boolean {
  return BASIC_STATS.has(stat) || PERCENTILE.test(stat) || parseExtendedStatistic(stat)?.text === stat;
}

/**
 * The metric data put through the stand-in, per metric, so GetMetricData is answered by looking up the
 * metrics asked for rather than (as moto does) scanning every datum of the region for every period of
 * every query: 20 metrics of 1-minute data over 24 h take milliseconds instead of minutes.
 */
export class MetricStore {
  private readonly metrics = new Map<string, StoredDatum[]>();

  /** Records a PutMetricData request moto accepted. */
  put(input: Input, now = Date.now()): void {
    const namespace = optionalString(input, 'Namespace') ?? '';
    for (const datum of objectList(input, 'MetricData')) {
      const name = optionalString(datum, 'MetricName') ?? '';
      const key = metricIdentity(namespace, name, objectList(datum, 'Dimensions'));
      const stored = storedDatum(datum, now);
      if (!stored) continue;
      let list = this.metrics.get(key);
      if (!list) this.metrics.set(key, (list = []));
      list.push(stored);
    }
  }

  has(key: string): boolean {
    return this.metrics.has(key);
  }

  /** Every series of one metric: its key and its dimensions. */
  seriesOfMetric(namespace: string, metricName: string): { readonly key: string; readonly dimensions: Readonly<Record<string, string>> }[] {
    const out: { key: string; dimensions: Record<string, string> }[] = [];
    for (const key of this.metrics.keys()) {
      const [ns, name, ...dims] = JSON.parse(key) as string[];
      if (ns !== namespace || name !== metricName) continue;
      const dimensions: Record<string, string> = {};
      for (const d of dims) {
        const eq = d.indexOf('=');
        dimensions[d.slice(0, eq)] = d.slice(eq + 1);
      }
      out.push({ key, dimensions });
    }
    return out;
  }

  /** Every series of a metric name in any namespace, its dimensions and namespace as PromQL labels. */
  seriesNamed(metricName: string): { readonly key: string; readonly labels: Readonly<Record<string, string>> }[] {
    const out: { key: string; labels: Record<string, string> }[] = [];
    for (const key of this.metrics.keys()) {
      const [namespace, name, ...dims] = JSON.parse(key) as string[];
      if (name !== metricName) continue;
      const labels: Record<string, string> = { namespace };
      for (const d of dims) labels[d.slice(0, d.indexOf('='))] = d.slice(d.indexOf('=') + 1);
      out.push({ key, labels });
    }
    return out;
  }

  /**
   * The statistic per period over [start, end): periods counted from `start`, each stamped with its
   * start (as moto does), only periods with data.
   */
  statistic(key: string, stat: string, periodSeconds: number, start: number, end: number, unit?: string): Series {
    const period = periodSeconds * 1000;
    const buckets = new Map<number, StoredDatum[]>();
    for (const d of this.metrics.get(key) ?? []) {
      if (d.time < start || d.time >= end || (unit !== undefined && d.unit !== unit)) continue;
      const bucket = start + Math.floor((d.time - start) / period) * period;
      let list = buckets.get(bucket);
      if (!list) buckets.set(bucket, (list = []));
      list.push(d);
    }
    const points: [number, number][] = [];
    for (const [bucket, data] of buckets) {
      const value = statisticOf(stat, data);
      if (value !== undefined) points.push([bucket / 1000, value]);
    }
    return seriesOf(points);
  }
}

function storedDatum(datum: Input, now: number): StoredDatum | undefined {
  const time = optionalTimeMs(datum, 'Timestamp') ?? now;
  const unit = optionalString(datum, 'Unit');
  const stats = asInput(datum.StatisticValues);
  const values = Array.isArray(datum.Values) ? datum.Values.map(Number) : [];
  if (values.length > 0) {
    const counts = Array.isArray(datum.Counts) ? datum.Counts.map(Number) : [];
    const samples: number[] = [];
    values.forEach((v, i) => {
      const times = Math.max(0, Math.floor(counts[i] ?? 1));
      for (let k = 0; k < times; k++) samples.push(v);
    });
    return { time, unit, samples };
  }
  if (datum.StatisticValues !== undefined) {
    const sum = optionalNumber(stats, 'Sum');
    const min = optionalNumber(stats, 'Minimum');
    const max = optionalNumber(stats, 'Maximum');
    const count = optionalNumber(stats, 'SampleCount');
    if (sum === undefined || min === undefined || max === undefined || count === undefined) return undefined;
    return { time, unit, samples: [], summary: { sum, min, max, count } };
  }
  return { time, unit, samples: [optionalNumber(datum, 'Value') ?? 0] };
}

function statisticOf(stat: string, data: readonly StoredDatum[]): number | undefined {
  let sum = 0;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const d of data) {
    for (const v of d.samples) {
      sum += v;
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (d.summary) {
      sum += d.summary.sum;
      count += d.summary.count;
      min = Math.min(min, d.summary.min);
      max = Math.max(max, d.summary.max);
    }
  }
  switch (stat) {
    case 'Sum':
      return sum;
    case 'SampleCount':
      return count;
    case 'Average':
      return count > 0 ? sum / count : undefined;
    case 'Minimum':
      return count > 0 ? min : undefined;
    case 'Maximum':
      return count > 0 ? max : undefined;
  }
  const p = PERCENTILE.exec(stat);
  if (!p) {
    const extended = parseExtendedStatistic(stat);
    return extended && extended.text === stat ? trimmedStatistic(extended, data.flatMap((d) => d.samples).sort((a, b) => a - b)) : undefined;
  }
  // Nearest rank over the samples (summaries carry none).
  const samples = data.flatMap((d) => d.samples).sort((a, b) => a - b);
  if (samples.length === 0) return undefined;
  const rank = Math.ceil((Number(p[1]) / 100) * samples.length);
  return samples[Math.min(samples.length - 1, Math.max(0, rank - 1))];
}

/** The value at a percentile of sorted samples (nearest rank), or the bound's own value when it is absolute. */
function edgeValue(b: StatBound, sorted: readonly number[]): number {
  if (!b.percent) return b.value;
  const rank = Math.ceil((b.value / 100) * sorted.length);
  return rank <= 0 ? -Infinity : sorted[Math.min(sorted.length - 1, rank - 1)];
}

/**
 * Trimmed mean, count and sum, winsorized mean, percentile rank and IQM over the samples, as the statistics
 * definitions page describes them: the values above the lower edge and up to the upper edge are kept
 * (winsorized: the others are moved onto the edges); a percentile rank is the share of values within its range.
 */
function trimmedStatistic(stat: ExtendedStatistic, sorted: readonly number[]): number | undefined {
  if (sorted.length === 0) return stat.kind === 'tc' || stat.kind === 'ts' ? 0 : undefined;
  const lo = stat.low ? edgeValue(stat.low, sorted) : -Infinity;
  const hi = stat.high ? edgeValue(stat.high, sorted) : Infinity;
  const kept = sorted.filter((v) => v > lo && v <= hi);
  const sum = kept.reduce((a, b) => a + b, 0);
  switch (stat.kind) {
    case 'tc':
      return kept.length;
    case 'ts':
      return sum;
    case 'pr':
      return (100 * kept.length) / sorted.length;
    case 'wm':
      return sorted.reduce((a, v) => a + Math.min(Math.max(v, lo), hi), 0) / sorted.length;
    default:
      return kept.length ? sum / kept.length : undefined;
  }
}
