// An anomaly-detection band (ANOMALY_DETECTION_BAND) as GetMetricData returns it: two series under the
// band's id, the expected range's two edges. Which comes first is not promised, so the edges are taken
// per time: the larger value is the upper edge.

export interface IdSeries {
  readonly id: string;
  readonly label: string;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

export interface ExpectedBand {
  readonly label: string;
  /** Epoch ms, ascending; one upper and one lower value each. */
  readonly timestamps: readonly number[];
  readonly upper: readonly number[];
  readonly lower: readonly number[];
}

/** The band's series (id `bandId`) joined into one band, and the other series as they were. */
export function splitExpectedBand<S extends IdSeries>(series: readonly S[], bandId: string, label?: string): { band?: ExpectedBand; rest: S[] } {
  const edges = series.filter((s) => s.id === bandId);
  const rest = series.filter((s) => s.id !== bandId);
  if (edges.length === 0) return { rest };
  const byTime = new Map<number, { hi: number; lo: number }>();
  for (const edge of edges) {
    edge.timestamps.forEach((t, i) => {
      const v = edge.values[i];
      if (!Number.isFinite(t) || typeof v !== 'number' || !Number.isFinite(v)) return;
      const at = byTime.get(t);
      if (at) {
        at.hi = Math.max(at.hi, v);
        at.lo = Math.min(at.lo, v);
      } else byTime.set(t, { hi: v, lo: v });
    });
  }
  const timestamps = [...byTime.keys()].sort((a, b) => a - b);
  return {
    band: { label: label || edges[0].label || bandId, timestamps, upper: timestamps.map((t) => byTime.get(t)!.hi), lower: timestamps.map((t) => byTime.get(t)!.lo) },
    rest,
  };
}

/** The band as two series a chart draws, with the ids it shades between. */
export function bandEdgeSeries(band: ExpectedBand, id: string): { upper: IdSeries; lower: IdSeries } {
  return {
    upper: { id: `${id}:upper`, label: `${band.label} (upper)`, timestamps: band.timestamps, values: band.upper },
    lower: { id: `${id}:lower`, label: `${band.label} (lower)`, timestamps: band.timestamps, values: band.lower },
  };
}

/** Points of `series` outside the band at the same time: what an alarm outside its band counts. */
export function pointsOutside(series: { readonly timestamps: readonly number[]; readonly values: readonly number[] }, band: ExpectedBand): number {
  const at = new Map(band.timestamps.map((t, i) => [t, i]));
  let out = 0;
  series.timestamps.forEach((t, i) => {
    const j = at.get(t);
    if (j !== undefined && (series.values[i] > band.upper[j] || series.values[i] < band.lower[j])) out++;
  });
  return out;
}
