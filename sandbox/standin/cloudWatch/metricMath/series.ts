/** A time series: timestamps (epoch seconds) ascending, one value each. */
export interface Series {
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

export type MathValue =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'series'; readonly series: Series }
  | { readonly kind: 'array'; readonly items: readonly Series[] }
  | { readonly kind: 'string'; readonly value: string };

export function seriesOf(points: ReadonlyArray<readonly [number, number]>): Series {
  const sorted = [...points].filter(([, v]) => Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  return { timestamps: sorted.map(([t]) => t), values: sorted.map(([, v]) => v) };
}

function pointsOf(s: Series): Map<number, number> {
  const map = new Map<number, number>();
  s.timestamps.forEach((t, i) => map.set(t, s.values[i] ?? NaN));
  return map;
}

export function mapSeries(s: Series, f: (v: number) => number): Series {
  return seriesOf(s.timestamps.map((t, i) => [t, f(s.values[i] ?? NaN)]));
}

/** Combines two series at the timestamps they share. */
export function zipSeries(a: Series, b: Series, f: (x: number, y: number) => number): Series {
  const right = pointsOf(b);
  const out: Array<[number, number]> = [];
  a.timestamps.forEach((t, i) => {
    const y = right.get(t);
    if (y !== undefined) out.push([t, f(a.values[i] ?? NaN, y)]);
  });
  return seriesOf(out);
}

/** Folds several series into one, per timestamp over the union of their timestamps. */
export function reduceAcross(items: readonly Series[], f: (values: number[]) => number): Series {
  const byTime = new Map<number, number[]>();
  for (const s of items) {
    s.timestamps.forEach((t, i) => {
      const list = byTime.get(t) ?? [];
      list.push(s.values[i] ?? NaN);
      byTime.set(t, list);
    });
  }
  return seriesOf([...byTime].map(([t, values]) => [t, f(values)]));
}

/** Change per second between consecutive points; the first point has no rate. */
export function rate(s: Series): Series {
  const out: Array<[number, number]> = [];
  for (let i = 1; i < s.timestamps.length; i++) {
    const dt = (s.timestamps[i] ?? 0) - (s.timestamps[i - 1] ?? 0);
    if (dt > 0) out.push([s.timestamps[i] ?? 0, ((s.values[i] ?? 0) - (s.values[i - 1] ?? 0)) / dt]);
  }
  return seriesOf(out);
}

export const sum = (v: number[]): number => v.reduce((a, b) => a + b, 0);
export const avg = (v: number[]): number => (v.length === 0 ? NaN : sum(v) / v.length);
export const max = (v: number[]): number => (v.length === 0 ? NaN : Math.max(...v));
export const min = (v: number[]): number => (v.length === 0 ? NaN : Math.min(...v));
