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

export function alignSeries(series: readonly TimedValues[]): AlignedSeries {
  const times = new Set<number>();
  for (const s of series) for (const t of s.timestamps) times.add(t);
  const sorted = [...times].sort((a, b) => a - b);
  const slot = new Map(sorted.map((t, i) => [t, i]));
  const ys = series.map((s) => {
    const y: (number | null)[] = new Array(sorted.length).fill(null);
    s.timestamps.forEach((t, i) => {
      if (i < s.values.length) y[slot.get(t)!] = s.values[i];
    });
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
