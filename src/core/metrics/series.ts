/** Series on one shared time axis, the shape uPlot draws: x in seconds, y aligned with gaps as null. */
export interface AlignedSeries {
  readonly x: number[];
  readonly ys: (number | null)[][];
}

export interface TimedValues {
  /** Epoch milliseconds, ascending. */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

function ascending(times: readonly number[]): boolean {
  for (let i = 1; i < times.length; i++) if (!(times[i] > times[i - 1])) return false;
  return true;
}

function sameTimes(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Every series on the union of their timestamps, gaps as null. Charts redraw with tens of thousands of
 * points, so the usual cases are cheap: series that share their timestamps (one window, one period)
 * are taken as they are; ascending series are merged without hashing.
 */
export function alignSeries(series: readonly TimedValues[]): AlignedSeries {
  const first = series[0]?.timestamps ?? [];
  const valuesOf = (s: TimedValues, length: number): (number | null)[] => {
    const y: (number | null)[] = new Array(length);
    for (let i = 0; i < length; i++) y[i] = i < s.values.length ? s.values[i] : null;
    return y;
  };
  if (ascending(first) && series.every((s) => sameTimes(s.timestamps, first))) {
    return { x: first.map((t) => t / 1000), ys: series.map((s) => valuesOf(s, first.length)) };
  }

  let total = 0;
  for (const s of series) total += s.timestamps.length;
  const all = new Float64Array(total);
  let k = 0;
  for (const s of series) for (const t of s.timestamps) all[k++] = t;
  all.sort();
  const sorted: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) sorted.push(all[i]);

  let slot: Map<number, number> | undefined;
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array(sorted.length).fill(null);
    const n = Math.min(s.timestamps.length, s.values.length);
    if (ascending(s.timestamps)) {
      // Both ascending: walk them together.
      for (let i = 0, j = 0; i < n; i++) {
        while (sorted[j] < s.timestamps[i]) j++;
        y[j] = s.values[i];
      }
    } else {
      slot ??= new Map(sorted.map((t, i) => [t, i]));
      for (let i = 0; i < n; i++) y[slot.get(s.timestamps[i])!] = s.values[i];
    }
    return y;
  });
  return { x: sorted.map((t) => t / 1000), ys };
}

/** Running sums for a stacked chart (a gap counts as 0 under the series above it; stays a gap itself). */
export function stack(ys: readonly (number | null)[][]): (number | null)[][] {
  const sums: number[] = new Array(ys[0]?.length ?? 0).fill(0);
  return ys.map((y) => y.map((v, i) => {
    if (v === null) return null;
    sums[i] += v;
    return sums[i];
  }));
}

/** Points drawn: non-null values across all series. */
export function countPoints(ys: readonly (readonly (number | null)[])[]): number {
  let n = 0;
  for (const y of ys) for (const v of y) if (v !== null && v !== undefined) n++;
  return n;
}

/** The newest value of a series (single-value widgets, bars). */
export function latest(series: TimedValues): { time: number; value: number } | undefined {
  let best = -1;
  series.timestamps.forEach((t, i) => {
    if (i < series.values.length && (best < 0 || t > series.timestamps[best])) best = i;
  });
  return best < 0 ? undefined : { time: series.timestamps[best], value: series.values[best] };
}

/** The most common spacing between consecutive points (ms), e.g. a `bin(5m)`'s 300,000; 60,000 when unknown. */
export function typicalStep(series: readonly { readonly timestamps: readonly number[] }[]): number {
  const counts = new Map<number, number>();
  for (const s of series) {
    for (let i = 1; i < s.timestamps.length; i++) {
      const d = s.timestamps[i] - s.timestamps[i - 1];
      if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  let best = 60_000;
  let most = 0;
  for (const [d, n] of counts) if (n > most || (n === most && d < best)) [best, most] = [d, n];
  return best;
}
