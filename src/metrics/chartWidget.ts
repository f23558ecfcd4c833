// The parts of a chart view every kind of chart shares: the tab title, the full-width position, the
// panel's view around its widgets, and a chart widget drawn from fetched series.
import type { ChartSpec, FetchedChart } from '../core/metrics/chartCalls';
import { GRID_COLUMNS, type AxisSettings, type GridPos, type MetricView } from '../core/metrics/dashboard';
import type { RangeKey, TimeWindow } from '../core/metrics/ranges';
import { axisLabel, guessUnit, unitLabel } from '../core/metrics/units';
import type { AxisView, ChartSource, ChartView, ChartWidgetView, LineView, SeriesView } from '../webview/protocol';

export const FULL_WIDTH: GridPos = { x: 0, y: 0, width: GRID_COLUMNS, height: 12 };

/** The panel's tab title. */
export function chartTitle(source: ChartSource): string {
  switch (source.kind) {
    case 'metrics':
      return source.title ?? `Chart: ${[...new Set(source.metrics.map((m) => m.metricName))].join(', ')}`;
    case 'dashboard':
      return `Dashboard: ${source.name}`;
    case 'alarm':
      return `Alarm: ${source.name}`;
    case 'insights':
      return `Chart: ${source.title || 'Logs Insights results'}`;
  }
}

/** The view over a fetched window, stamped with when it was fetched. */
export function windowView(range: RangeKey, window: TimeWindow, fetchedAt: number, rest: Omit<ChartView, 'range' | 'start' | 'end' | 'fetchedAt'>): ChartView {
  return { ...rest, range, start: window.start, end: window.end, fetchedAt };
}

/** How a chart widget looks, apart from its series. */
export interface ChartLook {
  readonly id: string;
  readonly title: string;
  readonly pos: GridPos;
  readonly view: MetricView;
  readonly stacked: boolean;
  readonly yAxis: { left?: AxisSettings; right?: AxisSettings };
  readonly lines: LineView[];
  /** Every series' unit (an alarm's); otherwise guessed per metric. */
  readonly unit?: string;
}

export function chartWidget(w: ChartLook, spec: ChartSpec, fetched: FetchedChart): ChartWidgetView {
  const byId = new Map(spec.queries.map((q) => [q.id, q]));
  const series: SeriesView[] = fetched.series.map((s) => {
    const q = byId.get(s.id);
    const unit = w.unit ?? (q?.metric ? guessUnit(q.metric.namespace, q.metric.metricName) : undefined);
    return {
      id: s.id,
      label: q && q.explicitLabel ? q.label : s.label || q?.label || s.id,
      ...(q?.color ? { color: q.color } : {}),
      yAxis: q?.yAxis ?? 'left',
      ...(unit ? { unit } : {}),
      timestamps: s.timestamps,
      values: s.values,
    };
  });
  const axis = (side: 'left' | 'right', settings: AxisSettings | undefined): AxisView => {
    const units = [...new Set(series.filter((s) => s.yAxis === side).map((s) => s.unit))];
    const unit = units.length === 1 ? units[0] : undefined;
    const label = settings?.label ? axisLabel(settings.label) : unit ? unitLabel(unit) : undefined;
    return { ...(settings?.min !== undefined ? { min: settings.min } : {}), ...(settings?.max !== undefined ? { max: settings.max } : {}), ...(label ? { label } : {}), ...(unit && settings?.showUnits !== false ? { unit } : {}) };
  };
  const period = Math.max(0, ...fetched.periods.values());
  return {
    kind: 'chart',
    id: w.id,
    title: w.title,
    pos: w.pos,
    view: w.view,
    stacked: w.stacked,
    series,
    lines: w.lines,
    bands: [],
    axes: { left: axis('left', w.yAxis.left), ...(series.some((s) => s.yAxis === 'right') ? { right: axis('right', w.yAxis.right) } : {}) },
    period,
    ...(fetched.error ? { error: fetched.error } : {}),
    notes: fetched.notes,
  };
}
