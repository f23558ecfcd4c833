// A chart of series handed over whole (Logs Insights results): nothing is fetched; drawn as they are,
// over the window they cover.
import { MAX_CHART_SERIES, MAX_SERIES_POINTS } from '../core/metrics/arguments';
import { formatPeriod } from '../core/metrics/period';
import { typicalStep } from '../core/metrics/series';
import { unitLabel } from '../core/metrics/units';
import type { ChartSource, ChartView, ChartWidgetView, PanelState, SeriesView } from '../webview/protocol';
import { chartTitle, FULL_WIDTH } from './chartWidget';

type SeriesSource = Extract<ChartSource, { kind: 'insights' }>;

function omittedNotes(source: SeriesSource): string[] {
  const notes: string[] = [];
  if (source.omitted?.series) notes.push(`${source.omitted.series} more series are not shown (at most ${MAX_CHART_SERIES} are charted).`);
  if (source.omitted?.points) notes.push(`${source.omitted.points.toLocaleString('en-US')} older points are not shown (at most ${MAX_SERIES_POINTS.toLocaleString('en-US')} per series).`);
  return notes;
}

export function loadSeriesChart(state: PanelState, source: SeriesSource, now: number): ChartView {
  const series: SeriesView[] = source.series.map((s, i) => ({
    id: `s${i + 1}`,
    label: s.name || `series ${i + 1}`,
    yAxis: 'left',
    ...(source.unit ? { unit: source.unit } : {}),
    timestamps: s.points.map((p) => p[0]),
    values: s.points.map((p) => p[1]),
  }));
  const times = series.flatMap((s) => (s.timestamps.length ? [s.timestamps[0], s.timestamps[s.timestamps.length - 1]] : []));
  const step = typicalStep(series);
  const first = Math.min(...times);
  const last = Math.max(...times);
  // The query's range (widened to the data should any fall outside it), else the data's span with one
  // bin more at the end so the last bin shows whole.
  const dataEnd = last > first ? last + step : first + Math.max(step, 60_000);
  const start = Math.min(source.start ?? first, first);
  const end = source.end !== undefined ? Math.max(source.end, last) : dataEnd;
  const points = series.reduce((n, s) => n + s.values.length, 0);
  const label = source.unit ? unitLabel(source.unit) : undefined;
  const period = Math.max(1, Math.round(step / 1000));
  const widget: ChartWidgetView = {
    kind: 'chart',
    id: 'chart',
    title: source.title,
    pos: FULL_WIDTH,
    view: 'timeSeries',
    stacked: false,
    series,
    lines: [],
    bands: [],
    // Counts and durations from zero, so the chart does not magnify small changes.
    axes: { left: { ...(series.every((s) => s.values.every((v) => v >= 0)) ? { min: 0 } : {}), ...(label ? { label } : {}), ...(source.unit ? { unit: source.unit } : {}) } },
    period,
    notes: omittedNotes(source),
  };
  return {
    title: chartTitle(source),
    subtitle: ['Logs Insights results', `${series.length} series`, `${points.toLocaleString('en-US')} points`, `every ${formatPeriod(period)}`].join(' · '),
    layout: 'single',
    rows: FULL_WIDTH.height,
    statSelectable: false,
    widgets: [widget],
    notes: [],
    range: state.range,
    start,
    end: Math.max(end, start + 1000),
    fetchedAt: now,
  };
}
